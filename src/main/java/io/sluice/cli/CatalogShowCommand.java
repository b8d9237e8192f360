package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a table: columns, partition keys, storage, parameters.")
final class CatalogShowCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB.TABLE", description = "The table.")
    private String table;

    @Mixin
    private JsonOption json;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Table t = Lookups.table(catalog, table);
        if (json.json) {
            out.println(GlueJson.table(t, true));
            return;
        }
        StorageDescriptor sd = t.storageDescriptor();
        TextTable about = TextTable.withHeader("Table", t.id().toString());
        t.description().ifPresent(d -> about.row("Description", d));
        about.row("Type", t.tableType())
                .row("Location", sd.location())
                .row("Format", Display.format(sd))
                .row("InputFormat", sd.inputFormat())
                .row("OutputFormat", sd.outputFormat())
                .row("SerDe", sd.serdeInfo().serializationLibrary())
                .row("Compressed", sd.compressed())
                .row("Version", t.versionId())
                .row("Created", Display.time(t.createTime()))
                .row("Updated", Display.time(t.updateTime()));
        about.print(out);

        out.println();
        TextTable columns = TextTable.withHeader("#", "COLUMN", "TYPE", "COMMENT");
        int position = 1;
        for (Column column : sd.columns()) {
            columns.row(
                    position++, column.name(), column.type(), column.comment().orElse(""));
        }
        for (Column key : t.partitionKeys()) {
            columns.row(position++, key.name(), key.type(), key.comment().orElse("(partition key)"));
        }
        columns.print(out);

        printParameters(out, "SERDE PARAMETER", sd.serdeInfo().parameters());
        printParameters(out, "TABLE PARAMETER", t.parameters());
    }

    private static void printParameters(PrintWriter out, String title, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        out.println();
        TextTable text = TextTable.withHeader(title, "VALUE");
        parameters.forEach(text::row);
        text.print(out);
    }
}
