package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;

/** Fetches what a command names, failing with a message that says how to find the right name. */
final class Lookups {
    private Lookups() {}

    static Table table(Catalog catalog, String qualifiedName) {
        TableId id = TableId.parse(qualifiedName);
        return catalog.getTable(id)
                .orElseThrow(() -> catalog.getDatabase(id.database()).isEmpty()
                        ? SluiceException.notFound(
                                "database '%s' does not exist (see 'sluice catalog databases')", id.database())
                        : SluiceException.notFound(
                                "table %s does not exist (see 'sluice catalog tables %s')", id, id.database()));
    }
}
