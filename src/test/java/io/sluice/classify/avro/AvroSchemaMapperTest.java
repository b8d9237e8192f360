package io.sluice.classify.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.InferredColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemaMapperTest {

    private static List<InferredColumn> columns(String fields) {
        return AvroSchemaMapper.columns(
                new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Row\",\"fields\":[" + fields + "]}"));
    }

    private static Map<String, String> types(String fields) {
        Map<String, String> types = new LinkedHashMap<>();
        for (InferredColumn column : columns(fields)) {
            types.put(column.name(), column.type().toString());
        }
        return types;
    }

    private static String type(String fieldType) {
        return columns("{\"name\":\"f\",\"type\":" + fieldType + "}")
                .get(0)
                .type()
                .toString();
    }

    private static String reason(String fieldType) {
        return columns("{\"name\":\"f\",\"type\":" + fieldType + "}").get(0).reason();
    }

    @Test
    void primitives() {
        assertThat(
                        types(
                                """
                        {"name":"b","type":"boolean"},{"name":"i","type":"int"},{"name":"l","type":"long"},
                        {"name":"f","type":"float"},{"name":"d","type":"double"},{"name":"s","type":"string"},
                        {"name":"bs","type":"bytes"},{"name":"fx","type":{"type":"fixed","name":"Md5","size":16}},
                        {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN"]}}
                        """))
                .containsExactly(
                        Map.entry("b", "boolean"),
                        Map.entry("i", "int"),
                        Map.entry("l", "bigint"),
                        Map.entry("f", "float"),
                        Map.entry("d", "double"),
                        Map.entry("s", "string"),
                        Map.entry("bs", "binary"),
                        Map.entry("fx", "binary"),
                        Map.entry("e", "string"));
    }

    @Test
    void nullableUnionsAreTheOtherType() {
        assertThat(type("[\"null\",\"string\"]")).isEqualTo("string");
        assertThat(type("[\"long\",\"null\"]")).isEqualTo("bigint");
        assertThat(reason("[\"null\",\"string\"]")).isEqualTo("string: Avro union [null, string]");
    }

    @Test
    void unionsOfSeveralTypesAreTaggedStructs() {
        assertThat(type("[\"null\",\"int\",\"string\"]")).isEqualTo("struct<tag:tinyint,field0:int,field1:string>");
        assertThat(type("[\"int\",{\"type\":\"array\",\"items\":\"string\"}]"))
                .isEqualTo("struct<tag:tinyint,field0:int,field1:array<string>>");
        assertThat(reason("[\"null\",\"int\",\"string\"]")).contains("counting non-null members");
        assertThat(type("[\"null\"]")).isEqualTo("string");
    }

    @Test
    void collectionsAndRecords() {
        assertThat(type("{\"type\":\"array\",\"items\":[\"null\",\"double\"]}")).isEqualTo("array<double>");
        assertThat(type("{\"type\":\"map\",\"values\":{\"type\":\"array\",\"items\":\"int\"}}"))
                .isEqualTo("map<string,array<int>>");
        assertThat(
                        type(
                                """
                        {"type":"record","name":"Address","fields":[
                          {"name":"street","type":"string"},
                          {"name":"geo","type":["null",{"type":"record","name":"Geo","fields":[
                            {"name":"lat","type":"double"},{"name":"lon","type":"double"}]}]},
                          {"name":"lines","type":{"type":"array","items":"string"}}]}
                        """))
                .isEqualTo("struct<street:string,geo:struct<lat:double,lon:double>,lines:array<string>>");
    }

    @Test
    void decimalsOnBytesAndFixed() {
        assertThat(type("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}"))
                .isEqualTo("decimal(9,2)");
        assertThat(type("{\"type\":\"fixed\",\"name\":\"D\",\"size\":16,\"logicalType\":\"decimal\","
                        + "\"precision\":38,\"scale\":10}"))
                .isEqualTo("decimal(38,10)");
        assertThat(type("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":50,\"scale\":2}"))
                .isEqualTo("string");
        assertThat(reason("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":7}"))
                .as("scale beyond precision is invalid: the bytes stay bytes")
                .isEqualTo("binary: Avro bytes (decimal); logical type decimal is invalid or not known here; read as"
                        + " binary");
    }

    @Test
    void datesTimestampsAndTimes() {
        assertThat(
                        types(
                                """
                        {"name":"day","type":{"type":"int","logicalType":"date"}},
                        {"name":"ms","type":{"type":"long","logicalType":"timestamp-millis"}},
                        {"name":"us","type":{"type":"long","logicalType":"timestamp-micros"}},
                        {"name":"ns","type":{"type":"long","logicalType":"timestamp-nanos"}},
                        {"name":"lms","type":{"type":"long","logicalType":"local-timestamp-millis"}},
                        {"name":"lus","type":{"type":"long","logicalType":"local-timestamp-micros"}},
                        {"name":"lns","type":{"type":"long","logicalType":"local-timestamp-nanos"}},
                        {"name":"tms","type":{"type":"int","logicalType":"time-millis"}},
                        {"name":"tus","type":{"type":"long","logicalType":"time-micros"}}
                        """))
                .containsExactly(
                        Map.entry("day", "date"),
                        Map.entry("ms", "timestamp"),
                        Map.entry("us", "timestamp"),
                        Map.entry("ns", "timestamp"),
                        Map.entry("lms", "timestamp"),
                        Map.entry("lus", "timestamp"),
                        Map.entry("lns", "timestamp"),
                        Map.entry("tms", "bigint"),
                        Map.entry("tus", "bigint"));
        assertThat(reason("{\"type\":\"long\",\"logicalType\":\"time-micros\"}"))
                .isEqualTo("bigint: Avro long (time-micros); time-micros as bigint: microseconds since midnight (Hive"
                        + " has no time-of-day type)");
    }

    @Test
    void logicalTypesOnTheWrongTypeAreIgnored() {
        assertThat(type("{\"type\":\"int\",\"logicalType\":\"timestamp-millis\"}"))
                .isEqualTo("int");
        assertThat(type("{\"type\":\"string\",\"logicalType\":\"date\"}")).isEqualTo("string");
        assertThat(reason("{\"type\":\"int\",\"logicalType\":\"timestamp-millis\"}"))
                .contains("logical type timestamp-millis is invalid or not known here");
    }

    @Test
    void uuidsAreStrings() {
        assertThat(type("{\"type\":\"string\",\"logicalType\":\"uuid\"}")).isEqualTo("string");
        assertThat(type("{\"type\":\"fixed\",\"name\":\"U\",\"size\":16,\"logicalType\":\"uuid\"}"))
                .isEqualTo("string");
    }

    @Test
    void recursiveReferencesAreText() {
        List<InferredColumn> columns = AvroSchemaMapper.columns(
                new Schema.Parser()
                        .parse(
                                """
                        {"type":"record","name":"Node","fields":[
                          {"name":"value","type":"int"},
                          {"name":"next","type":["null","Node"]},
                          {"name":"children","type":{"type":"array","items":{"type":"record","name":"Child",
                            "fields":[{"name":"node","type":"Node"},{"name":"weight","type":"double"}]}}}]}
                        """));

        assertThat(columns)
                .extracting(c -> c.type().toString())
                .containsExactly("int", "string", "array<struct<node:string,weight:double>>");
        assertThat(columns.get(1).reason()).contains("record Node contains itself");
    }

    @Test
    void nonRecordRootIsOneColumn() {
        List<InferredColumn> columns = AvroSchemaMapper.columns(Schema.createArray(Schema.create(Schema.Type.LONG)));

        assertThat(columns).hasSize(1);
        assertThat(columns.get(0).name()).isEqualTo("_col0");
        assertThat(columns.get(0).type()).hasToString("array<bigint>");
        assertThat(columns.get(0).reason()).contains("the schema's root is not a record");
    }

    @Test
    void nullFieldsAndEmptyRecordsAreStrings() {
        assertThat(type("\"null\"")).isEqualTo("string");
        assertThat(type("{\"type\":\"record\",\"name\":\"Empty\",\"fields\":[]}"))
                .isEqualTo("string");
    }
}
