package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.HiveDdl;
import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ddl",
        mixinStandardHelpOptions = true,
        description = "Print the Hive DDL of a table: CREATE EXTERNAL TABLE, then ALTER TABLE ... ADD PARTITION.")
final class CatalogDdlCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB.TABLE", description = "The table.")
    private String table;

    @Option(names = "--no-partitions", negatable = false, description = "Leave out the ADD PARTITION statement.")
    private boolean noPartitions;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Table t = Lookups.table(catalog, table);
        out.println(HiveDdl.createTable(t));
        if (t.isPartitioned() && !noPartitions) {
            List<Partition> partitions = catalog.listPartitions(t.id());
            if (!partitions.isEmpty()) {
                out.println();
                out.println(HiveDdl.addPartitions(t, partitions));
            }
        }
    }
}
