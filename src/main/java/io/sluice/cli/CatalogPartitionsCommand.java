package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.PartitionFilter;
import io.sluice.catalog.Table;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "partitions", mixinStandardHelpOptions = true, description = "List the partitions of a table.")
final class CatalogPartitionsCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB.TABLE", description = "The table.")
    private String table;

    @Option(
            names = "--where",
            paramLabel = "EXPR",
            description =
                    "Only partitions matching this filter on partition keys, e.g. \"year = '2024' AND month >= '02'\".")
    private String where;

    @Mixin
    private JsonOption json;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Table t = Lookups.table(catalog, table);
        if (!t.isPartitioned()) {
            throw SluiceException.invalidArgument("table %s is not partitioned", t.id());
        }
        List<Partition> partitions = where == null
                ? catalog.listPartitions(t.id())
                : catalog.listPartitions(t.id(), PartitionFilter.parse(where, t.partitionKeys()));
        if (json.json) {
            out.println(GlueJson.partitions(partitions));
            return;
        }
        List<String> keys = t.partitionKeyNames();
        TextTable text =
                TextTable.withHeader("VALUES (" + String.join(", ", keys) + ")", "CREATED", "RECORDS", "LOCATION");
        for (Partition p : partitions) {
            text.row(
                    String.join(", ", p.values()),
                    Display.time(p.createTime()),
                    p.parameters().getOrDefault("recordCount", ""),
                    p.storageDescriptor().location());
        }
        text.print(out);
    }
}
