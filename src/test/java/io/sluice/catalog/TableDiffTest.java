package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.catalog.TableChange.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableDiffTest {
    private static final TableId ORDERS = TableId.of("sales", "orders");

    private static Table orders() {
        List<Column> columns = List.of(
                Column.of("id", "bigint"),
                Column.of("qty", "int").withComment("units"),
                Column.of("note", "string"),
                Column.of("price", "decimal(10,2)"));
        return Table.builder(ORDERS)
                .description("Orders")
                .storageDescriptor(StorageDescriptor.of(columns, "s3a://lake/orders/", StorageFormat.PARQUET))
                .partitionKeys(List.of(Column.of("year", "int"), Column.of("month", "string")))
                .parameters(Map.of("classification", "parquet", "recordCount", "10"))
                .build();
    }

    private static Table withColumns(Table table, Column... columns) {
        return table.toBuilder()
                .storageDescriptor(table.storageDescriptor().withColumns(List.of(columns)))
                .build();
    }

    private static Table withStorage(Table table, StorageDescriptor storage) {
        return table.toBuilder().storageDescriptor(storage).build();
    }

    private static List<String> lines(Table older, Table newer) {
        return TableDiff.between(older, newer).changes().stream()
                .map(TableChange::render)
                .toList();
    }

    @Test
    void identicalDefinitionsHaveNoChanges() {
        TableDiff diff = TableDiff.between(orders(), orders());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.render()).isEmpty();
    }

    @Test
    void ignoresVersionAndTimes() {
        Table stored = orders().toBuilder()
                .versionId(3)
                .createTime(Instant.parse("2024-01-01T00:00:00Z"))
                .updateTime(Instant.parse("2024-02-01T00:00:00Z"))
                .build();
        Table next = orders().toBuilder()
                .versionId(4)
                .createTime(Instant.parse("2024-01-01T00:00:00Z"))
                .updateTime(Instant.parse("2024-03-01T00:00:00Z"))
                .build();

        assertThat(TableDiff.between(stored, next).isEmpty()).isTrue();
        assertThat(TableDiff.between(orders(), next).isEmpty()).isTrue();
    }

    @Test
    void columnsAddedRemovedAndRetyped() {
        Table newer = withColumns(
                orders(),
                Column.of("id", "bigint"),
                Column.of("qty", "bigint").withComment("units"),
                Column.of("price", "decimal(10,2)"),
                Column.of("discount", "decimal(5,2)"));

        TableDiff diff = TableDiff.between(orders(), newer);

        assertThat(diff.changes())
                .containsExactly(
                        TableChange.removed(Kind.COLUMN_REMOVED, "note", "string"),
                        TableChange.changed(Kind.COLUMN_TYPE_CHANGED, "qty", Optional.of("int"), Optional.of("bigint")),
                        TableChange.added(Kind.COLUMN_ADDED, "discount", "decimal(5,2)"));
        assertThat(diff.render())
                .isEqualTo("- column note string\n~ column qty: int -> bigint\n+ column discount decimal(5,2)");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void nestedTypeChangesAreColumnTypeChanges() {
        Table older = withColumns(orders(), Column.of("items", "array<struct<sku:string,qty:int>>"));
        Table newer = withColumns(orders(), Column.of("items", "array<struct<sku:string,qty:int,price:double>>"));

        assertThat(lines(older, newer))
                .containsExactly(
                        "~ column items: array<struct<sku:string,qty:int>> -> array<struct<sku:string,qty:int,price:double>>");
    }

    @Test
    void columnComments() {
        Table newer = withColumns(
                orders(),
                Column.of("id", "bigint").withComment("order id"),
                Column.of("qty", "int"),
                Column.of("note", "string").withComment("free text"),
                Column.of("price", "decimal(10,2)"));

        TableDiff diff = TableDiff.between(
                withColumns(
                        orders(),
                        Column.of("id", "bigint"),
                        Column.of("qty", "int").withComment("units"),
                        Column.of("note", "string").withComment("text"),
                        Column.of("price", "decimal(10,2)")),
                newer);

        assertThat(diff.changes()).extracting(TableChange::kind).containsOnly(Kind.COLUMN_COMMENT_CHANGED);
        assertThat(diff.render())
                .isEqualTo("~ column id comment: (none) -> order id\n"
                        + "~ column qty comment: units -> (none)\n"
                        + "~ column note comment: text -> free text");
    }

    @Test
    void reorderingIsReportedOnceForTheColumnsBothVersionsHave() {
        Table newer = withColumns(
                orders(),
                Column.of("qty", "int").withComment("units"),
                Column.of("added", "string"),
                Column.of("id", "bigint"),
                Column.of("price", "decimal(10,2)"));

        TableDiff diff = TableDiff.between(orders(), newer);

        assertThat(diff.changes())
                .extracting(TableChange::kind)
                .containsExactly(Kind.COLUMN_REMOVED, Kind.COLUMN_ADDED, Kind.COLUMNS_REORDERED);
        assertThat(diff.changes().get(2).render()).isEqualTo("~ column order: id, qty, price -> qty, id, price");
    }

    @Test
    void addingAndRemovingColumnsIsNotAReordering() {
        Table newer = withColumns(
                orders(), Column.of("id", "bigint"), Column.of("extra", "int"), Column.of("price", "decimal(10,2)"));

        assertThat(TableDiff.between(orders(), newer).changes())
                .extracting(TableChange::kind)
                .doesNotContain(Kind.COLUMNS_REORDERED);
    }

    @Test
    void partitionKeys() {
        Table daily = orders().toBuilder()
                .partitionKeys(
                        List.of(Column.of("year", "int"), Column.of("month", "string"), Column.of("day", "string")))
                .build();
        Table unpartitioned = orders().toBuilder().partitionKeys(List.of()).build();

        assertThat(lines(orders(), daily))
                .containsExactly("~ partition keys: year int, month string -> year int, month string, day string");
        assertThat(lines(orders(), unpartitioned))
                .containsExactly("~ partition keys: year int, month string -> (none)");
        assertThat(TableDiff.between(unpartitioned, orders()).changes())
                .containsExactly(
                        TableChange.added(Kind.PARTITION_KEYS_CHANGED, "partition keys", "year int, month string"));
    }

    @Test
    void partitionKeyComments() {
        Table commented = orders().toBuilder()
                .partitionKeys(List.of(
                        Column.of("year", "int"), Column.of("month", "string").withComment("01 to 12")))
                .build();

        assertThat(lines(orders(), commented)).containsExactly("~ partition key month comment: (none) -> 01 to 12");
    }

    @Test
    void locationAndFormats() {
        StorageDescriptor orc = StorageDescriptor.of(
                orders().storageDescriptor().columns(), "s3a://lake/orders-v2/", StorageFormat.ORC);

        TableDiff diff = TableDiff.between(orders(), withStorage(orders(), orc));

        assertThat(diff.changes())
                .extracting(TableChange::kind, TableChange::subject)
                .containsExactly(
                        tuple(Kind.LOCATION_CHANGED, "location"),
                        tuple(Kind.FORMAT_CHANGED, "input format"),
                        tuple(Kind.FORMAT_CHANGED, "output format"),
                        tuple(Kind.FORMAT_CHANGED, "serde"));
        assertThat(diff.render())
                .isEqualTo("~ location: s3a://lake/orders/ -> s3a://lake/orders-v2/\n"
                        + "~ input format: org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
                        + " -> org.apache.hadoop.hive.ql.io.orc.OrcInputFormat\n"
                        + "~ output format: org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
                        + " -> org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat\n"
                        + "~ serde: org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
                        + " -> org.apache.hadoop.hive.ql.io.orc.OrcSerde");
    }

    @Test
    void serdeAndStorageParametersShowDelimitersReadably() {
        StorageDescriptor csv =
                StorageDescriptor.of(List.of(Column.of("a", "string")), "s3a://l/t", StorageFormat.DELIMITED);
        Table older = withStorage(
                orders().toBuilder().partitionKeys(List.of()).build(),
                csv.withSerdeInfo(SerDeInfo.of(
                        csv.serdeInfo().serializationLibrary(), Map.of("field.delim", ",", "escape.delim", "\\"))));
        Table newer = withStorage(
                older,
                csv.withSerdeInfo(SerDeInfo.of(
                                csv.serdeInfo().serializationLibrary(),
                                Map.of("field.delim", "\t", "collection.delim", "\u0001")))
                        .withParameters(Map.of("skip.header.line.count", "1"))
                        .withCompressed(true));

        assertThat(lines(older, newer))
                .containsExactly(
                        "+ serde parameter collection.delim = \\u0001",
                        "- serde parameter escape.delim = \\",
                        "~ serde parameter field.delim: , -> \\t",
                        "+ storage parameter skip.header.line.count = 1",
                        "~ compressed: false -> true");
        assertThat(TableDiff.between(older, newer).changes())
                .filteredOn(change -> change.subject().equals("field.delim"))
                .containsExactly(TableChange.changed(
                        Kind.SERDE_PARAMETER_CHANGED, "field.delim", Optional.of(","), Optional.of("\t")));
    }

    @Test
    void tableParametersTypeAndDescription() {
        Table newer = orders().toBuilder()
                .tableType("MANAGED_TABLE")
                .description(null)
                .parameters(Map.of("recordCount", "12", "owner", "etl", "empty", ""))
                .build();

        assertThat(lines(orders(), newer))
                .containsExactly(
                        "~ table type: EXTERNAL_TABLE -> MANAGED_TABLE",
                        "~ description: Orders -> (none)",
                        "- parameter classification = parquet",
                        "+ parameter empty = ''",
                        "+ parameter owner = etl",
                        "~ parameter recordCount: 10 -> 12");
        assertThat(TableDiff.between(orders(), newer).changes())
                .extracting(TableChange::kind)
                .endsWith(Kind.PARAMETER_REMOVED, Kind.PARAMETER_ADDED, Kind.PARAMETER_ADDED, Kind.PARAMETER_CHANGED);
    }

    @Test
    void parameterChangesCarryTheRawValues() {
        Table newer = orders().toBuilder().parameter("recordCount", "12").build();

        assertThat(TableDiff.between(orders(), newer).changes())
                .containsExactly(
                        new TableChange(Kind.PARAMETER_CHANGED, "recordCount", Optional.of("10"), Optional.of("12")));
        assertThat(TableDiff.between(orders(), newer)).hasToString("~ parameter recordCount: 10 -> 12");
    }

    @Test
    void theDiffBackwardsUndoesTheDiffForwards() {
        Table newer = withColumns(
                        orders(),
                        Column.of("price", "decimal(12,2)"),
                        Column.of("id", "bigint"),
                        Column.of("discount", "decimal(5,2)"))
                .toBuilder()
                .parameter("recordCount", "12")
                .build();

        List<TableChange> forwards = TableDiff.between(orders(), newer).changes();
        List<TableChange> backwards = TableDiff.between(newer, orders()).changes();

        assertThat(backwards).hasSameSizeAs(forwards);
        assertThat(backwards)
                .extracting(TableChange::subject)
                .containsExactlyInAnyOrderElementsOf(
                        forwards.stream().map(TableChange::subject).toList());
        for (TableChange change : forwards) {
            TableChange reverse = backwards.stream()
                    .filter(c -> c.subject().equals(change.subject()))
                    .findFirst()
                    .orElseThrow();
            assertThat(reverse.before()).isEqualTo(change.after());
            assertThat(reverse.after()).isEqualTo(change.before());
        }
    }

    @Test
    void changesAreImmutable() {
        TableDiff diff = TableDiff.between(
                orders(), orders().toBuilder().parameter("x", "1").build());

        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> diff.changes()
                        .clear()))
                .isNotNull();
    }

    @Test
    void aChangeNeedsABeforeOrAnAfter() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> new TableChange(Kind.LOCATION_CHANGED, "location", Optional.empty(), Optional.empty()));

        assertThat(e).hasMessage("LOCATION_CHANGED of location has neither a before nor an after value");
    }
}
