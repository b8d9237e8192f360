package io.sluice.format.avro;

import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.SampleRows.list;
import static io.sluice.format.SampleRows.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.catalog.StorageFormat;
import io.sluice.format.FormatTesting;
import io.sluice.format.IncompatibleColumnException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroFormatTest {
    private static final Schema EVERY_TYPE = new Schema.Parser()
            .parse(
                    """
            {"type": "record", "name": "Every", "namespace": "test", "fields": [
              {"name": "flag", "type": "boolean"},
              {"name": "i", "type": "int"},
              {"name": "big", "type": "long"},
              {"name": "f", "type": "float"},
              {"name": "d", "type": "double"},
              {"name": "s", "type": ["null", "string"]},
              {"name": "raw", "type": "bytes"},
              {"name": "fix", "type": {"type": "fixed", "name": "Four", "size": 4}},
              {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "ts_millis", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "ts_micros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "local_millis", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
              {"name": "local_micros", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 5, "scale": 2}},
              {"name": "amount", "type": {"type": "fixed", "name": "Amount", "size": 16,
                                          "logicalType": "decimal", "precision": 30, "scale": 4}},
              {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "numbers", "type": {"type": "array", "items": ["null", "int"]}},
              {"name": "people", "type": {"type": "map", "values": {"type": "record", "name": "Person",
                "fields": [{"name": "age", "type": "int"}, {"name": "email", "type": ["null", "string"]}]}}},
              {"name": "address", "type": ["null", {"type": "record", "name": "Address",
                "fields": [{"name": "street", "type": "string"}, {"name": "zip", "type": "int"}]}]},
              {"name": "int_or_long", "type": ["int", "long"]},
              {"name": "anything", "type": ["null", "int", "string", "boolean"]}
            ]}
            """);

    private static final StructType EVERY_TABLE = schema("flag:boolean,i:int,big:bigint,f:float,d:double,s:string,"
            + "raw:binary,fix:binary,color:string,day:date,ts_millis:timestamp,ts_micros:timestamp,"
            + "local_millis:timestamp,local_micros:timestamp,price:decimal(5,2),amount:decimal(30,4),id:string,"
            + "numbers:array<int>,people:map<string,struct<age:int,email:string>>,address:struct<street:string,zip:int>,"
            + "int_or_long:bigint,anything:string");

    private final AvroFormat format = new AvroFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path written(Schema schema, List<GenericRecord> records) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("file.avro"));
        AvroFiles.write(file, schema, records);
        return file;
    }

    @Test
    void everyTypeAndLogicalTypeReadsAsItsHiveType() throws Exception {
        Schema person = EVERY_TYPE.getField("people").schema().getValueType();
        Schema address = EVERY_TYPE.getField("address").schema().getTypes().get(1);
        Map<String, GenericRecord> people = new LinkedHashMap<>();
        people.put(
                "zoe",
                new GenericRecordBuilder(person)
                        .set("age", 30)
                        .set("email", "z@x")
                        .build());
        people.put(
                "adam",
                new GenericRecordBuilder(person)
                        .set("age", 4)
                        .set("email", null)
                        .build());
        GenericData.Record record = new GenericRecordBuilder(EVERY_TYPE)
                .set("flag", true)
                .set("i", -7)
                .set("big", Long.MIN_VALUE)
                .set("f", 1.5f)
                .set("d", 2.25)
                .set("s", "héllo")
                .set("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .set("fix", new GenericData.Fixed(EVERY_TYPE.getField("fix").schema(), new byte[] {9, 8, 7, 6}))
                .set(
                        "color",
                        new GenericData.EnumSymbol(EVERY_TYPE.getField("color").schema(), "GREEN"))
                .set("day", (int) LocalDate.of(2024, 2, 29).toEpochDay())
                .set("ts_millis", 1_705_314_600_123L)
                .set("ts_micros", -1L)
                .set("local_millis", 0L)
                .set("local_micros", 1_705_314_600_123_456L)
                .set("price", ByteBuffer.wrap(BigInteger.valueOf(-99_999).toByteArray()))
                .set(
                        "amount",
                        new GenericData.Fixed(EVERY_TYPE.getField("amount").schema(), fixed16(12_345_678_901L)))
                .set("id", "123e4567-e89b-12d3-a456-426614174000")
                .set("numbers", List.of(1, 2))
                .set("people", people)
                .set(
                        "address",
                        new GenericRecordBuilder(address)
                                .set("street", "Main")
                                .set("zip", 12345)
                                .build())
                .set("int_or_long", 3)
                .set("anything", true)
                .build();
        GenericRecord second = new GenericRecordBuilder(record)
                .set("s", null)
                .set("numbers", java.util.Arrays.asList(null, 5))
                .set("people", Map.of())
                .set("address", null)
                .set("int_or_long", 1L << 40)
                .set("anything", null)
                .build();

        List<Row> rows = read(format, written(EVERY_TYPE, List.of(record, second)), EVERY_TABLE, StorageFormat.AVRO);

        Row first = Row.of(
                true,
                -7,
                Long.MIN_VALUE,
                1.5f,
                2.25,
                "héllo",
                new byte[] {1, 2, 3},
                new byte[] {9, 8, 7, 6},
                "GREEN",
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_000_000),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000),
                new BigDecimal("-999.99"),
                new BigDecimal("1234567.8901"),
                "123e4567-e89b-12d3-a456-426614174000",
                list(1, 2),
                map("zoe", Row.of(30, "z@x"), "adam", Row.of(4, null)),
                Row.of("Main", 12345),
                3L,
                "true");
        Row next = first.copy();
        next.set(5, null);
        next.set(17, list(null, 5));
        next.set(18, map());
        next.set(19, null);
        next.set(20, 1L << 40);
        next.set(21, null);
        assertThat(rows).containsExactly(first, next);
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) rows.get(0).get(18)).keySet()))
                .as("file order")
                .containsExactly("zoe", "adam");
    }

    private static byte[] fixed16(long unscaled) {
        byte[] bytes = new byte[16];
        byte[] value = BigInteger.valueOf(unscaled).toByteArray();
        System.arraycopy(value, 0, bytes, 16 - value.length, value.length);
        return bytes;
    }

    @Test
    void fieldsMatchByNameWithoutCaseMissingOnesReadNullAndExtraOnesAreIgnored() throws Exception {
        Schema schema = SchemaBuilder.record("R")
                .fields()
                .requiredInt("Id")
                .optionalString("extra")
                .requiredString("NAME")
                .name("nested")
                .type(SchemaBuilder.record("N")
                        .fields()
                        .requiredInt("A")
                        .requiredString("dropped")
                        .endRecord())
                .noDefault()
                .endRecord();
        GenericRecord record = new GenericRecordBuilder(schema)
                .set("Id", 1)
                .set("extra", "not read")
                .set("NAME", "ann")
                .set(
                        "nested",
                        new GenericRecordBuilder(schema.getField("nested").schema())
                                .set("A", 10)
                                .set("dropped", "x")
                                .build())
                .build();

        List<Row> rows = read(
                format,
                written(schema, List.of(record)),
                schema("name:string,added:double,id:int,nested:struct<new:date,a:int>"),
                StorageFormat.AVRO);

        assertThat(rows).containsExactly(Row.of("ann", null, 1, Row.of(null, 10)));
    }

    @Test
    void theReaderSchemaLeavesOutWhatTheTableDoesNotHave() {
        Schema schema = SchemaBuilder.record("R")
                .namespace("ns")
                .fields()
                .requiredInt("a")
                .requiredString("b")
                .name("s")
                .type(SchemaBuilder.record("S")
                        .fields()
                        .requiredInt("x")
                        .requiredInt("y")
                        .endRecord())
                .noDefault()
                .endRecord();

        Schema reader = AvroProjection.of(schema, schema("S:struct<Y:bigint>,a:int"), "f")
                .readerSchema();

        assertThat(reader.getFullName()).isEqualTo("ns.R");
        assertThat(reader.getFields()).extracting(Schema.Field::name).containsExactly("a", "s");
        assertThat(reader.getField("s").schema().getFields())
                .extracting(Schema.Field::name)
                .containsExactly("y");
    }

    @Test
    void narrowerFileTypesWidenToTheTablesTypes() throws Exception {
        Schema schema = new Schema.Parser()
                .parse(
                        """
                {"type": "record", "name": "R", "fields": [
                  {"name": "i", "type": "int"},
                  {"name": "f", "type": "float"},
                  {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                  {"name": "n", "type": ["null", "long"]},
                  {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 1}},
                  {"name": "m", "type": {"type": "map", "values": "int"}}
                ]}
                """);
        GenericRecord record = new GenericRecordBuilder(schema)
                .set("i", 5)
                .set("f", 0.25f)
                .set("day", 0)
                .set("n", 42L)
                .set("dec", ByteBuffer.wrap(BigInteger.valueOf(-15).toByteArray()))
                .set("m", Map.of("k", 1))
                .build();

        List<Row> rows = read(
                format,
                written(schema, List.of(record)),
                schema("i:bigint,f:double,day:timestamp,n:string,dec:decimal(6,2),m:map<string,bigint>"),
                StorageFormat.AVRO);

        assertThat(rows)
                .containsExactly(Row.of(
                        5L, 0.25, LocalDateTime.of(1970, 1, 1, 0, 0), "42", new BigDecimal("-1.50"), map("k", 1L)));
    }

    @Test
    void aTypeThatDoesNotConvertFailsTheOpenNamingFileColumnAndTypes() throws Exception {
        Schema schema = SchemaBuilder.record("R")
                .fields()
                .requiredString("price")
                .name("tags")
                .type()
                .array()
                .items()
                .stringType()
                .noDefault()
                .name("choice")
                .type()
                .unionOf()
                .intType()
                .and()
                .stringType()
                .endUnion()
                .noDefault()
                .endRecord();
        org.apache.hadoop.fs.Path file = written(
                schema,
                List.of(new GenericRecordBuilder(schema)
                        .set("price", "1")
                        .set("tags", List.of())
                        .set("choice", 1)
                        .build()));

        assertThatThrownBy(() -> read(format, file, schema("price:decimal(5,2)"), StorageFormat.AVRO))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("price");
                    assertThat(e.fileType()).isEqualTo("string");
                    assertThat(e.tableType()).isEqualTo("decimal(5,2)");
                })
                .hasMessageContaining("file.avro");
        assertThatThrownBy(() -> read(format, file, schema("tags:array<int>"), StorageFormat.AVRO))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> assertThat(e.column())
                        .isEqualTo("tags.element"));
        assertThatThrownBy(() -> read(format, file, schema("choice:int"), StorageFormat.AVRO))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> assertThat(e.fileType())
                        .isEqualTo("string"));
        assertThat(read(format, file, schema("choice:string"), StorageFormat.AVRO))
                .containsExactly(Row.of("1"));
    }

    @Test
    void aFileOfValuesThatAreNotRecordsHasNoColumns() throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("ints.avro"));
        try (var out = file.getFileSystem(FormatTesting.conf()).create(file);
                var writer = new org.apache.avro.file.DataFileWriter<Integer>(
                        new org.apache.avro.generic.GenericDatumWriter<>(Schema.create(Schema.Type.INT)))) {
            writer.create(Schema.create(Schema.Type.INT), out);
            writer.append(1);
        }

        assertThatThrownBy(() -> read(format, file, schema("a:int"), StorageFormat.AVRO))
                .isInstanceOf(SluiceException.class)
                .hasMessageEndingWith("ints.avro holds Avro int values, not records: it has no columns to read");
    }

    @Test
    void readsWhatItsTableIsStoredAs() {
        assertThat(format.reads(FormatTesting.spec(schema("a:int"), StorageFormat.AVRO)))
                .isTrue();
        assertThat(format.reads(FormatTesting.spec(schema("a:int"), StorageFormat.JSON)))
                .isFalse();
    }
}
