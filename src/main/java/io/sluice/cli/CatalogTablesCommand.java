package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "tables", mixinStandardHelpOptions = true, description = "List the tables of a database.")
final class CatalogTablesCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB", description = "The database.")
    private String database;

    @Mixin
    private JsonOption json;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        if (catalog.getDatabase(database).isEmpty()) {
            throw SluiceException.notFound("database '%s' does not exist (see 'sluice catalog databases')", database);
        }
        List<Table> tables = catalog.listTables(database);
        if (json.json) {
            out.println(GlueJson.tableList(tables));
            return;
        }
        TextTable text = TextTable.withHeader(
                "NAME", "CLASSIFICATION", "COLUMNS", "PARTITION KEYS", "VERSION", "UPDATED", "LOCATION");
        for (Table t : tables) {
            text.row(
                    t.id().name(),
                    t.parameters().getOrDefault("classification", Display.format(t.storageDescriptor())),
                    t.storageDescriptor().columns().size(),
                    Display.names(t.partitionKeys()),
                    t.versionId(),
                    Display.time(t.updateTime()),
                    t.storageDescriptor().location());
        }
        text.print(out);
    }
}
