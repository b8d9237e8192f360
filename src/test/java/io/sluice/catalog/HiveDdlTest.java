package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.testing.GoldenFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiveDdlTest {
    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    private static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    private static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    private static void assertGolden(String file, String ddl) {
        GoldenFile.assertMatches(HiveDdlTest.class, file, ddl);
    }

    private static Table orders() {
        List<Column> columns = List.of(
                Column.of("order_id", "bigint").withComment("unique per order"),
                Column.of(
                        "customer",
                        "struct<id:bigint,name:string,address:struct<street:string,city:string,zip:varchar(10)>>"),
                Column.of("items", "array<struct<sku:string,qty:int,price:decimal(10,2)>>")
                        .withComment("one entry per line item"),
                Column.of("attributes", "map<string,array<string>>"),
                Column.of("total", "decimal(12,2)"),
                Column.of("placed_at", "timestamp"));
        return Table.builder(TableId.of("sales", "orders"))
                .description("Orders placed in the web shop")
                .storageDescriptor(StorageDescriptor.of(columns, "s3a://datalake/sales/orders/", StorageFormat.PARQUET))
                .partitionKeys(List.of(
                        Column.of("year", "int"), Column.of("month", "string").withComment("two digits, 01 to 12")))
                .parameters(Map.of("classification", "parquet", "recordCount", "1200", "compressionType", "snappy"))
                .build();
    }

    private static Table table(String database, String name, StorageDescriptor storage) {
        return Table.builder(TableId.of(database, name))
                .storageDescriptor(storage)
                .build();
    }

    private static StorageDescriptor text(List<Column> columns, String location, SerDeInfo serde) {
        return new StorageDescriptor(columns, location, TEXT_INPUT, TEXT_OUTPUT, serde, false, Map.of());
    }

    @Test
    void parquetPartitionedWithNestedTypesAndComments() {
        assertGolden("parquet_partitioned.sql", HiveDdl.createTable(orders()));
    }

    @Test
    void orc() {
        StorageDescriptor storage = StorageDescriptor.of(
                List.of(
                        Column.of("event_id", "string"),
                        Column.of("ts", "timestamp"),
                        Column.of("payload", "binary"),
                        Column.of("flags", "array<boolean>")),
                "hdfs://namenode:8020/warehouse/events",
                StorageFormat.ORC);
        Table table = table("telemetry", "events", storage).toBuilder()
                .parameters(Map.of("classification", "orc", "orc.compress", "ZSTD"))
                .build();

        assertGolden("orc.sql", HiveDdl.createTable(table));
    }

    @Test
    void avro() {
        StorageDescriptor storage = StorageDescriptor.of(
                List.of(Column.of("id", "bigint"), Column.of("email", "string"), Column.of("signed_up", "date")),
                "s3a://datalake/crm/users/",
                StorageFormat.AVRO);

        assertGolden("avro.sql", HiveDdl.createTable(table("crm", "users", storage)));
    }

    @Test
    void json() {
        SerDeInfo serde = SerDeInfo.of(
                StorageFormat.JSON.serde(),
                Map.of("ignore.malformed.json", "true", "mapping.event_time", "@timestamp"));
        StorageDescriptor storage = text(
                List.of(
                        Column.of("event_time", "timestamp"),
                        Column.of("user_id", "bigint"),
                        Column.of("page", "struct<url:string,referrer:string>")),
                "s3a://datalake/web/clicks/",
                serde);
        Table table = table("web", "clicks", storage).toBuilder()
                .partitionKeys(List.of(Column.of("dt", "string")))
                .parameter("classification", "json")
                .build();

        assertGolden("json.sql", HiveDdl.createTable(table));
    }

    @Test
    void openCsvWithHeaderSkip() {
        SerDeInfo serde = SerDeInfo.of(
                StorageFormat.CSV.serde(), Map.of("separatorChar", ",", "quoteChar", "\"", "escapeChar", "\\"));
        StorageDescriptor storage = text(
                List.of(
                        Column.of("customer_id", "string"),
                        Column.of("name", "string").withComment("as typed by the customer"),
                        Column.of("country", "string")),
                "s3a://landing/crm/customers/",
                serde);
        Table table = table("raw", "customers", storage).toBuilder()
                .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                .build();

        assertGolden("opencsv.sql", HiveDdl.createTable(table));
    }

    @Test
    void lazySimpleTabDelimited() {
        SerDeInfo serde = SerDeInfo.of(
                LAZY_SIMPLE,
                Map.of(
                        "field.delim", "\t",
                        "serialization.format", "\t",
                        "collection.delim", "\u0001",
                        "mapkey.delim", "\u0002",
                        "escape.delim", "\\",
                        "line.delim", "\n",
                        "serialization.null.format", "\\N"));
        StorageDescriptor storage = text(
                List.of(
                        Column.of("host", "string"),
                        Column.of("requested_at", "string"),
                        Column.of("tags", "array<string>"),
                        Column.of("headers", "map<string,string>")),
                "hdfs:///data/logs/access",
                serde);

        assertGolden("lazysimple_tab.sql", HiveDdl.createTable(table("logs", "access", storage)));
    }

    @Test
    void genericSerde() {
        SerDeInfo serde = SerDeInfo.of(
                "org.apache.hadoop.hive.serde2.RegexSerDe",
                Map.of("input.regex", "^(\\S+) \\[([^\\]]+)\\] \"([^\"]*)\"$"));
        StorageDescriptor storage = new StorageDescriptor(
                List.of(Column.of("host", "string"), Column.of("time", "string"), Column.of("request", "string")),
                "s3a://landing/logs/apache/",
                "com.example.hadoop.CombinedLogInputFormat",
                TEXT_OUTPUT,
                serde,
                false,
                Map.of());
        Table table = table("logs", "apache", storage).toBuilder()
                .partitionKeys(List.of(Column.of("dt", "date")))
                .build();

        assertGolden("generic_serde.sql", HiveDdl.createTable(table));
    }

    @Test
    void quotesOddNamesAndValues() {
        StorageDescriptor storage = StorageDescriptor.of(
                List.of(
                        Column.of("select", "string"),
                        Column.of("first name", "string"),
                        Column.of("back`tick", "int"),
                        Column.of("1st", "int"),
                        Column.of("payload", "struct<date:string,`a b`:int,user:struct<select:int,ok:int>,Total:int>")
                                .withComment("it's a \"quoted\" back\\slash\nnew line\ttab é \u0001")),
                "s3a://bucket/it's here/",
                StorageFormat.ORC);
        Table table = Table.builder(TableId.of("my-db", "odd$table"))
                .description("O'Brien's table; with a semicolon")
                .storageDescriptor(storage)
                .partitionKeys(List.of(Column.of("key=value", "string")))
                .parameters(Map.of("owner's note", "a\u0001b", "path", "C:\\data"))
                .build();

        assertGolden("odd_names.sql", HiveDdl.createTable(table));
    }

    @Test
    void addPartitions() {
        TableId id = TableId.of("sales", "daily");
        StorageDescriptor storage = StorageDescriptor.of(
                List.of(Column.of("sku", "string"), Column.of("qty", "int")),
                "s3a://datalake/sales/daily/",
                StorageFormat.PARQUET);
        Table table = Table.builder(id)
                .storageDescriptor(storage)
                .partitionKeys(
                        List.of(Column.of("year", "int"), Column.of("month", "string"), Column.of("day", "tinyint")))
                .build();
        List<Partition> partitions = List.of(
                partition(id, storage, "s3a://datalake/sales/daily/year=2024/month=01/day=5/", "2024", "01", "5"),
                partition(id, storage, "s3a://datalake/sales/daily/year=2024/month=02/day=07/", "2024", "02", "07"),
                partition(
                        id,
                        storage,
                        "s3a://datalake/sales/daily/year=__HIVE_DEFAULT_PARTITION__/month=03/day=300/",
                        "__HIVE_DEFAULT_PARTITION__",
                        "03",
                        "300"),
                partition(id, storage, "s3a://datalake/sales/daily/odd/", "-1", "it's", "0"),
                partition(id, storage, "", "2025", "12", "31"));

        assertGolden("add_partitions.sql", HiveDdl.addPartitions(table, partitions));
    }

    private static Partition partition(TableId id, StorageDescriptor storage, String location, String... values) {
        return Partition.of(id, List.of(values), storage.withLocation(location));
    }

    @Test
    void addingNoPartitionsIsNoStatement() {
        assertThat(HiveDdl.addPartitions(orders(), List.of())).isEmpty();
    }

    @Test
    void refusesPartitionsOfAnUnpartitionedTable() {
        Table table = orders().toBuilder().partitionKeys(List.of()).build();
        Partition partition = Partition.of(table.id(), List.of("2024"), table.storageDescriptor());

        SluiceException e =
                catchThrowableOfType(SluiceException.class, () -> HiveDdl.addPartitions(table, List.of(partition)));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e).hasMessage("table sales.orders is not partitioned: it has no partitions to add");
    }

    @Test
    void refusesAPartitionOfAnotherTable() {
        Partition partition =
                Partition.of(TableId.of("sales", "returns"), List.of("2024", "01"), orders().storageDescriptor());

        SluiceException e =
                catchThrowableOfType(SluiceException.class, () -> HiveDdl.addPartitions(orders(), List.of(partition)));

        assertThat(e).hasMessage("partition [2024, 01] belongs to table sales.returns, not sales.orders");
    }

    @Test
    void refusesAPartitionWithTheWrongNumberOfValues() {
        Partition partition = Partition.of(orders().id(), List.of("2024"), orders().storageDescriptor());

        SluiceException e =
                catchThrowableOfType(SluiceException.class, () -> HiveDdl.addPartitions(orders(), List.of(partition)));

        assertThat(e)
                .hasMessage("partition [2024] of sales.orders has 1 values but the table has 2 partition keys"
                        + " [year, month]");
    }

    @Test
    void columnarShortFormIgnoresTheDefaultSerializationFormat() {
        Table table = withSerde(
                orders(), orders().storageDescriptor().serdeInfo().withParameter("serialization.format", "1"));

        assertThat(HiveDdl.createTable(table)).contains("\nSTORED AS PARQUET\n").doesNotContain("ROW FORMAT");
    }

    @Test
    void columnarFormatWithSerdeParametersKeepsThem() {
        Table table = withSerde(
                orders(),
                orders().storageDescriptor().serdeInfo().withParameter("parquet.column.index.access", "true"));

        assertThat(HiveDdl.createTable(table))
                .contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\n"
                        + "WITH SERDEPROPERTIES (\n"
                        + "  'parquet.column.index.access'='true'\n"
                        + ")\n"
                        + "STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'\n"
                        + "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'\n")
                .doesNotContain("STORED AS PARQUET");
    }

    @Test
    void columnarSerdeWithOtherFormatClassesUsesTheGenericForm() {
        StorageDescriptor storage = new StorageDescriptor(
                List.of(Column.of("id", "int")),
                "s3a://b/t",
                "com.example.SymlinkParquetInputFormat",
                StorageFormat.PARQUET.outputFormat(),
                SerDeInfo.of(StorageFormat.PARQUET.serde()),
                false,
                Map.of());

        assertThat(HiveDdl.createTable(table("db", "t", storage)))
                .contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\n"
                        + "STORED AS INPUTFORMAT 'com.example.SymlinkParquetInputFormat'\n");
    }

    @Test
    void delimitedReadsHivesMisspeltCollectionDelimiter() {
        String ddl = createDelimited(Map.of("field.delim", ",", "colelction.delim", "|"));

        assertThat(ddl)
                .contains("ROW FORMAT DELIMITED\n"
                        + "  FIELDS TERMINATED BY ','\n"
                        + "  COLLECTION ITEMS TERMINATED BY '|'\n"
                        + "STORED AS TEXTFILE\n");
    }

    @Test
    void delimitedWithoutParametersIsHivesDefaultTextTable() {
        assertThat(createDelimited(Map.of())).contains("\nROW FORMAT DELIMITED\nSTORED AS TEXTFILE\n");
    }

    @Test
    void delimitedParametersThatRowFormatDelimitedCannotSayUseTheSerdeForm() {
        for (Map<String, String> parameters : List.of(
                Map.of("field.delim", ",", "timestamp.formats", "yyyy-MM-dd HH:mm"),
                Map.of("field.delim", ",", "line.delim", "\r\n"),
                Map.of("escape.delim", "\\"),
                Map.of("serialization.format", ";"),
                Map.of("field.delim", ",", "collection.delim", "|", "colelction.delim", ";"))) {
            assertThat(createDelimited(parameters))
                    .as("%s", parameters)
                    .contains("ROW FORMAT SERDE '" + LAZY_SIMPLE + "'\nWITH SERDEPROPERTIES (\n")
                    .contains("\nSTORED AS TEXTFILE\n")
                    .doesNotContain("DELIMITED");
        }
    }

    private static String createDelimited(Map<String, String> serdeParameters) {
        StorageDescriptor storage =
                text(List.of(Column.of("a", "string")), "hdfs:///t", SerDeInfo.of(LAZY_SIMPLE, serdeParameters));
        return HiveDdl.createTable(table("db", "t", storage));
    }

    private static Table withSerde(Table table, SerDeInfo serde) {
        return table.toBuilder()
                .storageDescriptor(table.storageDescriptor().withSerdeInfo(serde))
                .build();
    }

    @Test
    void isAlwaysExternal() {
        Table managed = orders().toBuilder().tableType("MANAGED_TABLE").build();

        assertThat(HiveDdl.createTable(managed)).startsWith("CREATE EXTERNAL TABLE `sales`.`orders` (\n");
    }

    @Test
    void omitsWhatATableDoesNotHave() {
        StorageDescriptor storage = StorageDescriptor.of(List.of(), "", StorageFormat.AVRO);

        assertThat(HiveDdl.createTable(table("crm", "users", storage)))
                .isEqualTo("CREATE EXTERNAL TABLE `crm`.`users`\nSTORED AS AVRO;");
    }
}
