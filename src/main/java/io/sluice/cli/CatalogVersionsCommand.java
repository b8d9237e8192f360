package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableDiff;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "versions",
        mixinStandardHelpOptions = true,
        description = "List the versions of a table, newest first, with what changed in each.")
final class CatalogVersionsCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB.TABLE", description = "The table.")
    private String table;

    @Mixin
    private JsonOption json;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Table current = Lookups.table(catalog, table);
        List<Table> versions = catalog.listTableVersions(current.id());
        if (json.json) {
            out.println(GlueJson.tableVersions(versions));
            return;
        }
        for (int i = 0; i < versions.size(); i++) {
            Table version = versions.get(i);
            out.printf("version %d  %s%n", version.versionId(), Display.time(version.updateTime()));
            if (i + 1 < versions.size()) {
                TableDiff diff = TableDiff.between(versions.get(i + 1), version);
                diff.render().lines().forEach(line -> out.println("  " + line));
            } else {
                out.println("  created with "
                        + version.storageDescriptor().columns().size() + " columns");
            }
        }
    }
}
