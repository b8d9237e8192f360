package io.sluice.classify.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.InferredColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class ParquetSchemaMapperTest {

    private static List<InferredColumn> columns(String schema) {
        MessageType message = MessageTypeParser.parseMessageType("message m {" + schema + "}");
        return ParquetSchemaMapper.columns(message);
    }

    /** Column name → Hive type, in order. */
    private static Map<String, String> types(String schema) {
        Map<String, String> types = new LinkedHashMap<>();
        for (InferredColumn column : columns(schema)) {
            types.put(column.name(), column.type().toString());
        }
        return types;
    }

    private static String type(String field) {
        List<InferredColumn> columns = columns(field);
        assertThat(columns).hasSize(1);
        return columns.get(0).type().toString();
    }

    private static String reason(String field) {
        return columns(field).get(0).reason();
    }

    @Test
    void plainPhysicalTypes() {
        assertThat(
                        types(
                                """
                        required boolean ok;
                        required int32 i;
                        optional int64 l;
                        optional float f;
                        optional double d;
                        optional binary b;
                        optional fixed_len_byte_array(4) fx;
                        """))
                .containsExactly(
                        Map.entry("ok", "boolean"),
                        Map.entry("i", "int"),
                        Map.entry("l", "bigint"),
                        Map.entry("f", "float"),
                        Map.entry("d", "double"),
                        Map.entry("b", "binary"),
                        Map.entry("fx", "binary"));
    }

    @Test
    void signedIntegersByBitWidth() {
        assertThat(
                        types(
                                """
                        optional int32 i8 (INTEGER(8,true));
                        optional int32 i16 (INTEGER(16,true));
                        optional int32 i32 (INTEGER(32,true));
                        optional int64 i64 (INTEGER(64,true));
                        optional int32 legacy8 (INT_8);
                        optional int32 legacy16 (INT_16);
                        """))
                .containsExactly(
                        Map.entry("i8", "tinyint"),
                        Map.entry("i16", "smallint"),
                        Map.entry("i32", "int"),
                        Map.entry("i64", "bigint"),
                        Map.entry("legacy8", "tinyint"),
                        Map.entry("legacy16", "smallint"));
    }

    @Test
    void unsignedIntegersTakeTheNextWiderType() {
        assertThat(
                        types(
                                """
                        optional int32 u8 (INTEGER(8,false));
                        optional int32 u16 (INTEGER(16,false));
                        optional int32 u32 (INTEGER(32,false));
                        optional int64 u64 (INTEGER(64,false));
                        optional int32 legacy8 (UINT_8);
                        optional int64 legacy64 (UINT_64);
                        """))
                .containsExactly(
                        Map.entry("u8", "smallint"),
                        Map.entry("u16", "int"),
                        Map.entry("u32", "bigint"),
                        Map.entry("u64", "decimal(20,0)"),
                        Map.entry("legacy8", "smallint"),
                        Map.entry("legacy64", "decimal(20,0)"));
        assertThat(reason("optional int64 u64 (INTEGER(64,false));"))
                .isEqualTo("decimal(20,0): Parquet optional int64 u64 (INTEGER(64,false)); unsigned 64-bit integers"
                        + " need the next wider Hive type");
    }

    @Test
    void decimalsOnEveryPhysicalType() {
        assertThat(
                        types(
                                """
                        optional int32 a (DECIMAL(9,2));
                        optional int64 b (DECIMAL(18,4));
                        optional binary c (DECIMAL(38,10));
                        optional fixed_len_byte_array(16) d (DECIMAL(30,5));
                        optional fixed_len_byte_array(5) e (DECIMAL(10,0));
                        """))
                .containsExactly(
                        Map.entry("a", "decimal(9,2)"),
                        Map.entry("b", "decimal(18,4)"),
                        Map.entry("c", "decimal(38,10)"),
                        Map.entry("d", "decimal(30,5)"),
                        Map.entry("e", "decimal(10,0)"));
    }

    @Test
    void decimalsBeyondHivePrecisionStayText() {
        String field = "optional fixed_len_byte_array(20) big (DECIMAL(45,3));";
        assertThat(type(field)).isEqualTo("string");
        assertThat(reason(field)).contains("decimal(45,3) exceeds Hive's 38 digits; read as text");
    }

    @Test
    void datesAndTimestampsOfEveryUnit() {
        assertThat(
                        types(
                                """
                        optional int32 day (DATE);
                        optional int64 ms_utc (TIMESTAMP(MILLIS,true));
                        optional int64 us_local (TIMESTAMP(MICROS,false));
                        optional int64 ns_utc (TIMESTAMP(NANOS,true));
                        optional int64 ns_local (TIMESTAMP(NANOS,false));
                        optional int64 legacy_ms (TIMESTAMP_MILLIS);
                        optional int64 legacy_us (TIMESTAMP_MICROS);
                        optional int96 impala;
                        """))
                .containsExactly(
                        Map.entry("day", "date"),
                        Map.entry("ms_utc", "timestamp"),
                        Map.entry("us_local", "timestamp"),
                        Map.entry("ns_utc", "timestamp"),
                        Map.entry("ns_local", "timestamp"),
                        Map.entry("legacy_ms", "timestamp"),
                        Map.entry("legacy_us", "timestamp"),
                        Map.entry("impala", "timestamp"));
        assertThat(reason("optional int96 impala;")).contains("INT96 is the legacy nanosecond timestamp");
        assertThat(reason("optional int64 t (TIMESTAMP(MICROS,true));")).contains("adjusted to UTC");
        assertThat(reason("optional int64 t (TIMESTAMP(MICROS,false));")).doesNotContain("UTC");
    }

    @Test
    void timesOfDayAreBigintCountsOfTheirUnit() {
        assertThat(
                        types(
                                """
                        optional int32 t_ms (TIME(MILLIS,true));
                        optional int64 t_us (TIME(MICROS,false));
                        optional int64 t_ns (TIME(NANOS,true));
                        """))
                .containsExactly(Map.entry("t_ms", "bigint"), Map.entry("t_us", "bigint"), Map.entry("t_ns", "bigint"));
        assertThat(reason("optional int64 t (TIME(MICROS,false));")).contains("microseconds since midnight");
        assertThat(reason("optional int32 t (TIME(MILLIS,true));")).contains("milliseconds since midnight");
    }

    @Test
    void textAndBinaryAnnotations() {
        assertThat(
                        types(
                                """
                        optional binary s (STRING);
                        optional binary u (UTF8);
                        optional binary e (ENUM);
                        optional binary j (JSON);
                        optional binary bs (BSON);
                        optional fixed_len_byte_array(16) id (UUID);
                        optional fixed_len_byte_array(12) span (INTERVAL);
                        optional fixed_len_byte_array(2) half (FLOAT16);
                        """))
                .containsExactly(
                        Map.entry("s", "string"),
                        Map.entry("u", "string"),
                        Map.entry("e", "string"),
                        Map.entry("j", "string"),
                        Map.entry("bs", "binary"),
                        Map.entry("id", "string"),
                        Map.entry("span", "binary"),
                        Map.entry("half", "float"));
        assertThat(reason("optional fixed_len_byte_array(16) id (UUID);")).contains("UUID read as its canonical text");
    }

    @Test
    void standardThreeLevelLists() {
        assertThat(
                        type(
                                """
                        optional group tags (LIST) {
                          repeated group list { optional binary element (STRING); }
                        }
                        """))
                .isEqualTo("array<string>");
        assertThat(
                        type(
                                """
                        optional group points (LIST) {
                          repeated group list { optional group element { optional int32 x; optional int32 y; } }
                        }
                        """))
                .isEqualTo("array<struct<x:int,y:int>>");
        assertThat(
                        type(
                                """
                        optional group matrix (LIST) {
                          repeated group list {
                            optional group element (LIST) { repeated group list { required double element; } }
                          }
                        }
                        """))
                .isEqualTo("array<array<double>>");
    }

    @Test
    void legacyTwoLevelListOfPrimitives() {
        assertThat(type("optional group a (LIST) { repeated int32 array; }")).isEqualTo("array<int>");
        assertThat(type("required group a (LIST) { repeated binary str (UTF8); }"))
                .isEqualTo("array<string>");
    }

    @Test
    void legacyListWhoseRepeatedGroupHasSeveralFieldsIsAListOfThatGroup() {
        assertThat(
                        type(
                                """
                        optional group b (LIST) {
                          repeated group element { required binary s (STRING); required int32 n; }
                        }
                        """))
                .isEqualTo("array<struct<s:string,n:int>>");
    }

    @Test
    void legacyListWhoseRepeatedGroupIsNamedArrayOrTupleIsAListOfThatGroup() {
        assertThat(type("optional group c (LIST) { repeated group array { required binary s (STRING); } }"))
                .as("parquet-avro's 2-level lists of one-field records")
                .isEqualTo("array<struct<s:string>>");
        assertThat(type("optional group d (LIST) { repeated group d_tuple { required binary s (STRING); } }"))
                .as("parquet-thrift's 2-level lists")
                .isEqualTo("array<struct<s:string>>");
    }

    @Test
    void threeLevelListsWithOtherNamesAreReadByShape() {
        assertThat(type("optional group e (LIST) { repeated group bag { optional int64 array_element; } }"))
                .as("Hive's older writer")
                .isEqualTo("array<bigint>");
        assertThat(type("optional group f (LIST) { repeated group array { optional group item (LIST) {"
                        + " repeated int32 array; } optional int32 n; } }"))
                .isEqualTo("array<struct<item:array<int>,n:int>>");
    }

    @Test
    void repeatedFieldsWithoutListAnnotationAreArrays() {
        assertThat(
                        types(
                                """
                        repeated int32 nums;
                        repeated group points { required double x; required double y; }
                        """))
                .containsExactly(
                        Map.entry("nums", "array<int>"), Map.entry("points", "array<struct<x:double,y:double>>"));
        assertThat(reason("repeated int32 nums;"))
                .isEqualTo("array<int>: Parquet repeated int32 nums; repeated field 'nums' without LIST annotation"
                        + " read as an array");
    }

    @Test
    void standardMaps() {
        assertThat(
                        type(
                                """
                        optional group m (MAP) {
                          repeated group key_value { required binary key (STRING); optional int32 value; }
                        }
                        """))
                .isEqualTo("map<string,int>");
        assertThat(
                        type(
                                """
                        optional group m (MAP) {
                          repeated group key_value {
                            required int64 key;
                            optional group value (LIST) { repeated group list { optional binary element (STRING); } }
                          }
                        }
                        """))
                .isEqualTo("map<bigint,array<string>>");
    }

    @Test
    void legacyMaps() {
        assertThat(
                        type(
                                """
                        optional group m (MAP) {
                          repeated group map (MAP_KEY_VALUE) { required binary key (UTF8); optional group value {
                            optional int32 a; } }
                        }
                        """))
                .as("MAP around a MAP_KEY_VALUE group")
                .isEqualTo("map<string,struct<a:int>>");
        assertThat(
                        type(
                                """
                        optional group m (MAP_KEY_VALUE) {
                          repeated group map { required binary key (UTF8); optional double value; }
                        }
                        """))
                .as("MAP_KEY_VALUE on the outer group")
                .isEqualTo("map<string,double>");
        assertThat(type("repeated group m (MAP_KEY_VALUE) { required int32 key; optional binary value (UTF8); }"))
                .as("a repeated MAP_KEY_VALUE group on its own is one map, not a list of maps")
                .isEqualTo("map<int,string>");
    }

    @Test
    void mapsHiveCannotHoldFallBackToArrays() {
        String structKeys =
                """
                optional group m (MAP) {
                  repeated group key_value { required group key { required int32 a; } optional int32 value; }
                }
                """;
        assertThat(type(structKeys)).isEqualTo("array<struct<key:struct<a:int>,value:int>>");
        assertThat(reason(structKeys)).contains("which Hive maps cannot have");
        assertThat(type("optional group s (MAP) { repeated group key_value { required binary key (STRING); } }"))
                .isEqualTo("array<string>");
    }

    @Test
    void groupsAreStructsAndRepeatedMapsAreArraysOfMaps() {
        assertThat(
                        type(
                                """
                        optional group address {
                          required binary street (STRING);
                          optional int32 zip;
                          optional group geo { required double lat; required double lon; }
                          repeated binary lines (STRING);
                        }
                        """))
                .isEqualTo("struct<street:string,zip:int,geo:struct<lat:double,lon:double>,lines:array<string>>");
        assertThat(type("repeated group ms (MAP) { repeated group key_value { required binary key (STRING);"
                        + " optional int32 value; } }"))
                .isEqualTo("array<map<string,int>>");
        assertThat(type("optional group nothing {}")).isEqualTo("string");
    }

    @Test
    void columnsKeepFileOrderAndNames() {
        assertThat(columns("required int64 Id; optional binary Name (STRING);"))
                .extracting(InferredColumn::name)
                .containsExactly("Id", "Name");
        assertThat(reason("optional group tags (LIST) { repeated group list { optional binary element (STRING); } }"))
                .isEqualTo("array<string>: Parquet optional group tags (LIST)");
    }
}
