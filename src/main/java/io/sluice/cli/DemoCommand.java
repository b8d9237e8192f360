package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Database;
import io.sluice.catalog.Partition;
import io.sluice.catalog.PartitionChanges;
import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.TableUpdate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice demo}: shows what Sluice does on the sample data in {@code testdata/}. It grows with Sluice; today it
 * registers the sample sales data in the catalog (schema declared here) with its Hive-style partitions, then runs the
 * catalog commands a user would run.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Show Sluice at work on the sample data in testdata/.")
final class DemoCommand implements Callable<Integer> {
    private static final TableId SALES = TableId.of("demo", "sales");

    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path salesDir = sluiceHome().resolve("testdata/sales").toAbsolutePath().normalize();
        if (!Files.isDirectory(salesDir)) {
            throw SluiceException.notFound(
                    "sample data not found at %s (run the demo from a Sluice checkout)", salesDir);
        }
        out.println(
                "Sluice demo — catalog at " + root.catalogDir().toAbsolutePath().normalize());
        out.println();
        try (Catalog catalog = root.openCatalog()) {
            register(catalog, salesDir, out);
        }
        run(out, "catalog", "tables", "demo");
        run(out, "catalog", "show", "demo.sales");
        run(out, "catalog", "partitions", "demo.sales", "--where", "year = '2024' AND month >= '02'");
        run(out, "catalog", "ddl", "demo.sales");
        run(out, "catalog", "versions", "demo.sales");
        out.println();
        out.println("Next: try the commands above yourself, or add --json for the AWS Glue API shapes.");
        return 0;
    }

    private void register(Catalog catalog, Path salesDir, PrintWriter out) {
        if (catalog.getDatabase(SALES.database()).isEmpty()) {
            catalog.createDatabase(Database.of(SALES.database()).withDescription("Sluice demo on testdata/"));
            out.println("created database " + SALES.database());
        }
        Table sales = salesTable(salesDir);
        if (catalog.getTable(SALES).isEmpty()) {
            catalog.createTable(sales);
            out.println("registered table " + SALES + " at "
                    + sales.storageDescriptor().location());
        } else {
            TableUpdate update = catalog.updateTable(sales);
            out.println("table " + SALES + ": "
                    + update.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (version "
                    + update.table().versionId() + ")");
        }
        PartitionChanges changes = catalog.putPartitions(SALES, partitions(sales, salesDir));
        out.printf(
                "partitions of %s: %d added, %d updated, %d unchanged%n",
                SALES, changes.added(), changes.updated(), changes.unchanged());
    }

    private static Table salesTable(Path salesDir) {
        List<Column> columns = List.of(
                Column.of("order_id", "bigint"),
                Column.of("order_ts", "timestamp"),
                Column.of("country", "string"),
                Column.of("product", "string"),
                Column.of("qty", "int"),
                Column.of("price", "decimal(6,2)"));
        StorageDescriptor sd = StorageDescriptor.of(columns, salesDir.toUri().toString(), StorageFormat.DELIMITED)
                .withSerdeInfo(SerDeInfo.of(StorageFormat.DELIMITED.serde(), Map.of("field.delim", ",")));
        return Table.builder(SALES)
                .description("Orders of the sample shop, one CSV file per month")
                .storageDescriptor(sd)
                .partitionKeys(List.of(Column.of("year", "string"), Column.of("month", "string")))
                .parameters(Map.of("classification", "csv", "delimiter", ",", "skip.header.line.count", "1"))
                .build();
    }

    /** The {@code year=YYYY/month=MM} folders under the table location. */
    private static List<Partition> partitions(Table table, Path salesDir) {
        List<Partition> partitions = new ArrayList<>();
        try (Stream<Path> years = Files.list(salesDir)) {
            for (Path year : years.filter(p -> p.getFileName().toString().startsWith("year="))
                    .sorted()
                    .toList()) {
                try (Stream<Path> months = Files.list(year)) {
                    for (Path month : months.filter(
                                    p -> p.getFileName().toString().startsWith("month="))
                            .sorted()
                            .toList()) {
                        List<String> values = List.of(valueOf(year), valueOf(month));
                        StorageDescriptor sd = table.storageDescriptor()
                                .withLocation(month.toUri().toString());
                        partitions.add(Partition.of(table.id(), values, sd));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + salesDir, e);
        }
        return partitions;
    }

    private static String valueOf(Path keyValueFolder) {
        String name = keyValueFolder.getFileName().toString();
        return name.substring(name.indexOf('=') + 1);
    }

    private void run(PrintWriter out, String... args) {
        out.println();
        out.println("$ sluice " + String.join(" ", quoted(args)));
        String[] withCatalog = Stream.concat(
                        Stream.of("--catalog", root.catalogDir().toString()), Stream.of(args))
                .toArray(String[]::new);
        CommandLine commandLine = Sluice.commandLine(out, spec.commandLine().getErr());
        int exit = commandLine.execute(withCatalog);
        if (exit != 0) {
            throw new SluiceException(
                    io.sluice.ErrorCode.INTERNAL_ERROR, "demo step 'sluice " + String.join(" ", args) + "' failed");
        }
    }

    private static List<String> quoted(String... args) {
        return Stream.of(args).map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList();
    }

    private static Path sluiceHome() {
        return Path.of(System.getProperty("sluice.home", "."));
    }
}
