package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "drop-table",
        mixinStandardHelpOptions = true,
        description = "Drop a table with its partitions and versions from the catalog (its data files stay).")
final class CatalogDropTableCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB.TABLE", description = "The table.")
    private String table;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Table t = Lookups.table(catalog, table);
        catalog.dropTable(t.id());
        out.println(
                "dropped table " + t.id() + " (data at " + t.storageDescriptor().location() + " left in place)");
    }
}
