package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.sqlite.SqliteCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableId SALES = TableId.of("lake", "sales");

    @TempDir
    Path catalogDir;

    private CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @BeforeEach
    void emptyCatalog() {
        assertThat(sluice("catalog", "databases").exitCode()).isZero();
    }

    @Test
    void helpListsCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: sluice", "catalog", "demo", "--catalog", "Exit codes");
        CliRun catalogHelp = CliRun.of("catalog", "partitions", "--help");
        assertThat(catalogHelp.exitCode()).isZero();
        assertThat(catalogHelp.out()).contains("--where", "DB.TABLE");
    }

    @Test
    void everyCommandIsListedAndRunsWithOptionsOnEitherSide() {
        CliRun help = CliRun.of("--help");
        for (String command : List.of("crawl", "inspect", "cat", "submit", "catalog", "runs", "demo")) {
            assertThat(help.out()).containsPattern("(?m)^ +" + command + " ");
        }
        CliRun before = sluice("catalog", "databases");
        CliRun after = CliRun.of("catalog", "databases", "--catalog", catalogDir.toString());
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).isEqualTo(before.out());
        CliRun misspelt = sluice("sumbit", "job.yaml");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("submit");
    }

    @Test
    void versionNamesSluiceAndJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("sluice ").contains("Java ");
    }

    @Test
    void unknownCommandIsAUsageErrorWithSuggestion() {
        CliRun run = sluice("catalog", "tabels", "lake");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unmatched argument", "tabels", "tables");
    }

    @Test
    void missingParameterIsAUsageError() {
        CliRun run = sluice("catalog", "show");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'DB.TABLE'");
    }

    @Test
    void databasesAsGlueJson() throws Exception {
        JsonNode empty = JSON.readTree(sluice("catalog", "databases", "--json").out());
        assertThat(empty.get("DatabaseList")).isEmpty();

        CliRun created = sluice("catalog", "create-database", "Lake", "--description", "raw data");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("created database lake");

        JsonNode list = JSON.readTree(sluice("catalog", "databases", "--json").out());
        assertThat(list.get("DatabaseList")).hasSize(1);
        JsonNode db = list.get("DatabaseList").get(0);
        assertThat(db.get("Name").asText()).isEqualTo("lake");
        assertThat(db.get("Description").asText()).isEqualTo("raw data");
        assertThat(db.get("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void creatingAnExistingDatabaseFailsWithExitTwo() {
        sluice("catalog", "create-database", "lake");
        CliRun again = sluice("catalog", "create-database", "lake");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("error: ").contains("lake").doesNotContain("Exception");
        assertThat(again.err().lines()).hasSize(1);
    }

    @Test
    void missingObjectsAreNamedInOneLine() {
        CliRun noTable = sluice("catalog", "show", "lake.nothing");
        assertThat(noTable.exitCode()).isEqualTo(2);
        assertThat(noTable.err()).isEqualTo("error: database 'lake' does not exist (see 'sluice catalog databases')\n");

        sluice("catalog", "create-database", "lake");
        CliRun missing = sluice("catalog", "show", "lake.nothing");
        assertThat(missing.err())
                .isEqualTo("error: table lake.nothing does not exist (see 'sluice catalog tables lake')\n");

        CliRun badName = sluice("catalog", "show", "nodot");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("expected a table as DATABASE.TABLE, got 'nodot'");
    }

    @Test
    void stacktraceOnlyWhenAsked() {
        CliRun quiet = sluice("catalog", "tables", "nodb");
        assertThat(quiet.err()).doesNotContain("\tat ");
        CliRun loud = sluice("catalog", "tables", "nodb", "--stacktrace");
        assertThat(loud.exitCode()).isEqualTo(2);
        assertThat(loud.err()).contains("database 'nodb' does not exist", "\tat io.sluice");
    }

    @Test
    void showsATableAsTextAndGlueJson() throws Exception {
        storeSalesTable();
        CliRun text = sluice("catalog", "show", "LAKE.Sales");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out())
                .contains("lake.sales", "Format", "parquet", "order_id", "bigint", "price", "decimal(10,2)")
                .contains("year", "(partition key)", "classification", "recordCount");

        JsonNode table = JSON.readTree(
                        sluice("catalog", "show", "lake.sales", "--json").out())
                .get("Table");
        assertThat(table.get("Name").asText()).isEqualTo("sales");
        assertThat(table.get("DatabaseName").asText()).isEqualTo("lake");
        assertThat(table.get("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.get("VersionId").asText()).isEqualTo("1");
        JsonNode sd = table.get("StorageDescriptor");
        assertThat(sd.get("Location").asText()).isEqualTo("file:/data/sales");
        assertThat(sd.get("InputFormat").asText()).isEqualTo(StorageFormat.PARQUET.inputFormat());
        assertThat(sd.get("SerdeInfo").get("SerializationLibrary").asText()).isEqualTo(StorageFormat.PARQUET.serde());
        assertThat(sd.get("Compressed").asBoolean()).isFalse();
        assertThat(sd.get("Columns").get(2).get("Name").asText()).isEqualTo("price");
        assertThat(sd.get("Columns").get(2).get("Type").asText()).isEqualTo("decimal(10,2)");
        assertThat(sd.get("Columns").get(2).get("Comment").asText()).isEqualTo("unit price");
        assertThat(table.get("PartitionKeys").get(1).get("Name").asText()).isEqualTo("month");
        assertThat(table.get("Parameters").get("classification").asText()).isEqualTo("parquet");

        JsonNode tables =
                JSON.readTree(sluice("catalog", "tables", "lake", "--json").out());
        assertThat(tables.get("TableList")).hasSize(1);
        assertThat(tables.get("TableList").get(0).get("Name").asText()).isEqualTo("sales");
        assertThat(sluice("catalog", "tables", "lake").out()).contains("sales", "parquet", "year, month");
    }

    @Test
    void partitionsFilteredByWhere() throws Exception {
        storeSalesTable();
        CliRun all = sluice("catalog", "partitions", "lake.sales");
        assertThat(all.out().lines()).hasSize(4).first().asString().startsWith("VALUES (year, month)");

        JsonNode filtered = JSON.readTree(
                sluice("catalog", "partitions", "lake.sales", "--where", "year = '2024' AND month >= '02'", "--json")
                        .out());
        assertThat(filtered.get("Partitions")).hasSize(1);
        JsonNode partition = filtered.get("Partitions").get(0);
        assertThat(partition.get("Values").toString()).isEqualTo("[\"2024\",\"02\"]");
        assertThat(partition.get("StorageDescriptor").get("Location").asText())
                .isEqualTo("file:/data/sales/year=2024/month=02");
        assertThat(partition.get("TableName").asText()).isEqualTo("sales");

        CliRun badFilter = sluice("catalog", "partitions", "lake.sales", "--where", "yeer = '2024'");
        assertThat(badFilter.exitCode()).isEqualTo(2);
        assertThat(badFilter.err()).contains("yeer");
    }

    @Test
    void ddlHasCreateTableAndAddPartition() {
        storeSalesTable();
        CliRun ddl = sluice("catalog", "ddl", "lake.sales");
        assertThat(ddl.exitCode()).isZero();
        assertThat(ddl.out())
                .contains("CREATE EXTERNAL TABLE", "`lake`.`sales`", "PARTITIONED BY", "STORED AS PARQUET")
                .contains("LOCATION 'file:/data/sales'", "ALTER TABLE", "PARTITION (", "`month`='02'");
        assertThat(sluice("catalog", "ddl", "lake.sales", "--no-partitions").out())
                .doesNotContain("ALTER TABLE");
    }

    @Test
    void versionsShowWhatChanged() throws Exception {
        storeSalesTable();
        try (Catalog catalog = SqliteCatalog.open(catalogDir)) {
            Table current = catalog.getTable(SALES).orElseThrow();
            List<Column> columns =
                    new java.util.ArrayList<>(current.storageDescriptor().columns());
            columns.add(Column.of("discount", "decimal(5,2)"));
            catalog.updateTable(current.toBuilder()
                    .storageDescriptor(current.storageDescriptor().withColumns(columns))
                    .build());
        }
        CliRun versions = sluice("catalog", "versions", "lake.sales");
        assertThat(versions.exitCode()).isZero();
        assertThat(versions.out()).contains("version 2", "version 1", "discount");
        JsonNode json = JSON.readTree(
                sluice("catalog", "versions", "lake.sales", "--json").out());
        assertThat(json.get("TableVersions")).hasSize(2);
        assertThat(json.get("TableVersions").get(0).get("VersionId").asText()).isEqualTo("2");
        assertThat(json.get("TableVersions")
                        .get(1)
                        .get("Table")
                        .get("StorageDescriptor")
                        .get("Columns"))
                .hasSize(3);
    }

    @Test
    void dropTableAndDatabase() {
        storeSalesTable();
        CliRun notEmpty = sluice("catalog", "drop-database", "lake");
        assertThat(notEmpty.exitCode()).isEqualTo(2);
        assertThat(sluice("catalog", "drop-table", "lake.sales").out()).contains("dropped table lake.sales");
        assertThat(sluice("catalog", "show", "lake.sales").exitCode()).isEqualTo(2);
        assertThat(sluice("catalog", "drop-database", "lake").exitCode()).isZero();
        assertThat(sluice("catalog", "databases").out()).doesNotContain("lake");
    }

    private void storeSalesTable() {
        try (Catalog catalog = SqliteCatalog.open(catalogDir)) {
            if (catalog.getDatabase("lake").isEmpty()) {
                catalog.createDatabase(io.sluice.catalog.Database.of("lake"));
            }
            StorageDescriptor sd = StorageDescriptor.of(
                    List.of(
                            Column.of("order_id", "bigint"),
                            Column.of("country", "string"),
                            Column.of("price", "decimal(10,2)").withComment("unit price")),
                    "file:/data/sales",
                    StorageFormat.PARQUET);
            Table table = catalog.createTable(Table.builder(SALES)
                    .storageDescriptor(sd)
                    .partitionKeys(List.of(Column.of("year", "string"), Column.of("month", "string")))
                    .parameters(Map.of("classification", "parquet", "recordCount", "36"))
                    .build());
            List<Partition> partitions = List.of(
                    partition(table, "2024", "01"), partition(table, "2024", "02"), partition(table, "2025", "01"));
            catalog.addPartitions(SALES, partitions);
        }
    }

    private static Partition partition(Table table, String year, String month) {
        String location = table.storageDescriptor().location() + "/year=" + year + "/month=" + month;
        return Partition.of(
                        table.id(),
                        List.of(year, month),
                        table.storageDescriptor().withLocation(location))
                .withParameters(Map.of("recordCount", "12"));
    }
}
