package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Column;
import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.InferredColumn;
import io.sluice.crawler.TableCandidate.PartitionCandidate;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class TablePlannerTest {
    private static final Path TARGET = new Path("file:/lake");

    private final List<FileVerdict> files = new ArrayList<>();

    /** A CSV file at a path relative to the target with columns given as "name type". */
    private TablePlannerTest csv(String relativePath, String... columns) {
        return file(relativePath, "csv", columns);
    }

    private TablePlannerTest file(String relativePath, String classification, String... columns) {
        List<String> parts = Arrays.asList(relativePath.split("/"));
        List<String> folders = parts.subList(0, parts.size() - 1);
        FileStatus status = new FileStatus(100, false, 1, 1, 0, new Path(TARGET, relativePath));
        List<InferredColumn> inferred = Arrays.stream(columns)
                .map(c -> c.split(" "))
                .map(c -> new InferredColumn(c[0], DataType.parse(c[1]), "test"))
                .toList();
        Classification verdict = Classification.builder(classification, classification)
                .format(classification.equals("json") ? StorageFormat.JSON : StorageFormat.DELIMITED)
                .columns(inferred)
                .recordCount(10)
                .build();
        files.add(FileVerdict.classified(DataFile.of(status, folders), verdict, Optional.empty()));
        return this;
    }

    private TablePlanner.PlannedTables plan() {
        return new TablePlanner(OptionalInt.empty(), "").plan(TARGET, files);
    }

    private static List<String> names(TablePlanner.PlannedTables planned) {
        return planned.tables().stream().map(TableCandidate::name).toList();
    }

    @Test
    void namedPartitionsWithSchemaDriftFormOneTable() {
        csv("sales/year=2024/month=01/a.csv", "id int", "price decimal(5,2)");
        csv("sales/year=2024/month=02/a.csv", "id int", "price decimal(5,2)");
        csv("sales/year=2025/month=01/a.csv", "id bigint", "price decimal(6,2)", "discount decimal(3,2)");

        TablePlanner.PlannedTables planned = plan();

        assertThat(names(planned)).containsExactly("sales");
        TableCandidate sales = planned.tables().get(0);
        assertThat(sales.location()).isEqualTo(new Path("file:/lake/sales"));
        assertThat(sales.partitionKeys()).containsExactly("year", "month");
        assertThat(sales.columns())
                .containsExactly(
                        Column.of("id", "bigint"),
                        Column.of("price", "decimal(6,2)"),
                        Column.of("discount", "decimal(3,2)"));
        assertThat(sales.partitions())
                .extracting(PartitionCandidate::values)
                .containsExactly(List.of("2024", "01"), List.of("2024", "02"), List.of("2025", "01"));
        assertThat(sales.partitions().get(0).columns()).hasSize(2);
        assertThat(sales.partitions().get(2).location()).isEqualTo(new Path("file:/lake/sales/year=2025/month=01"));
        assertThat(planned.warnings()).isEmpty();
    }

    @Test
    void unnamedDateFoldersBecomeNumberedPartitions() {
        file("events/2024/01/15/e.json", "json", "id string");
        file("events/2024/01/16/e.json", "json", "id string");
        file("events/2024/02/01/e.json", "json", "id string", "kind string");

        TableCandidate events = plan().tables().get(0);

        assertThat(events.name()).isEqualTo("events");
        assertThat(events.partitionKeys()).containsExactly("partition_0", "partition_1", "partition_2");
        assertThat(events.partitions().get(2).values()).containsExactly("2024", "02", "01");
    }

    @Test
    void siblingFoldersWithDifferentSchemasAreSeparateTables() {
        csv("crm/accounts/a.csv", "account_id int", "account_name string", "created_on date");
        csv("crm/contacts/c.csv", "contact_id int", "full_name string", "is_primary boolean", "phone string");

        TablePlanner.PlannedTables planned = plan();

        assertThat(names(planned)).containsExactly("accounts", "contacts");
        assertThat(planned.decisions())
                .anySatisfy(
                        d -> assertThat(d).startsWith("not one table at .: ").contains("2 different schemas"));
    }

    @Test
    void compatibleSiblingsWithNonValueNamesAreStillSeparateTables() {
        csv("orders_eu/o.csv", "id int", "amount double");
        csv("orders_us/o.csv", "id int", "amount double");

        TablePlanner.PlannedTables planned = plan();

        assertThat(names(planned)).containsExactly("orders_eu", "orders_us");
        assertThat(planned.decisions())
                .singleElement()
                .asString()
                .contains("neither key=value with one key nor value-like names");
    }

    @Test
    void differentFilesInOneFolderBecomeOneTableEach() {
        csv("misc/orders.csv", "order_id int", "amount double");
        csv("misc/people.csv", "name string", "email string");

        TablePlanner.PlannedTables planned = plan();

        assertThat(names(planned)).containsExactly("orders", "people");
        assertThat(planned.tables().get(0).location()).isEqualTo(new Path("file:/lake/misc/orders.csv"));
    }

    @Test
    void filesOffThePartitionDepthAreLeftOutWithAWarning() {
        csv("sales/year=2024/a.csv", "id int");
        csv("sales/year=2025/a.csv", "id int");
        csv("sales/stray.csv", "id int");

        TablePlanner.PlannedTables planned = plan();

        TableCandidate sales = planned.tables().get(0);
        assertThat(sales.files()).hasSize(2);
        assertThat(planned.warnings())
                .singleElement()
                .asString()
                .startsWith("file:/lake/sales/stray.csv: not at the partition depth 1");
    }

    @Test
    void partitionKeyCollidingWithAColumnIsRenamed() {
        csv("t/year=2024/a.csv", "year int", "id int");

        TablePlanner.PlannedTables planned = plan();

        assertThat(planned.tables().get(0).partitionKeys()).containsExactly("year_partition");
        assertThat(planned.warnings()).singleElement().asString().contains("'year' is also a column");
    }

    @Test
    void tableLevelForcesWhereTablesStart() {
        csv("a/x/1.csv", "id int");
        csv("a/y/1.csv", "id int");
        csv("b/z/1.csv", "name string");

        TablePlanner.PlannedTables planned = new TablePlanner(OptionalInt.of(1), "raw_").plan(TARGET, files);

        assertThat(names(planned)).containsExactly("raw_a", "raw_b");
        assertThat(planned.tables().get(0).partitionKeys()).isEmpty();
        assertThat(planned.warnings()).anySatisfy(w -> assertThat(w).contains("read as unpartitioned"));
    }

    @Test
    void repeatedNamesTakeTheirParentFolder() {
        csv("eu/orders/o.csv", "id int", "eu_amount double");
        csv("us/orders/o.csv", "code string", "us_amount double", "region string");

        assertThat(names(plan())).containsExactly("eu_orders", "us_orders");
    }

    @Test
    void declaredPartitionKeyTypesApplyWhenEveryValueFits() {
        csv("a/day=1/x.csv", "id int");
        csv("a/day=2/x.csv", "id int");
        csv("b/day=1/x.csv", "name string");
        csv("b/day=two/x.csv", "name string");

        TablePlanner.PlannedTables planned = new TablePlanner(
                        OptionalInt.empty(), "", java.util.Map.of("day", io.sluice.types.PrimitiveType.INT))
                .plan(TARGET, files);

        assertThat(planned.tables())
                .extracting(t -> t.partitionKeyTypes().get(0).toString())
                .containsExactly("int", "string");
        assertThat(planned.warnings())
                .singleElement()
                .asString()
                .isEqualTo("b: partition key 'day' stays a string: 'two' is not a valid int");
    }

    @Test
    void theTargetItselfCanBeATable() {
        csv("year=2024/a.csv", "id int");
        csv("year=2025/a.csv", "id int");

        TablePlanner.PlannedTables planned = plan();

        assertThat(names(planned)).containsExactly("lake");
        assertThat(planned.tables().get(0).location()).isEqualTo(TARGET);
    }
}
