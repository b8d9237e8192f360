package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.SampleRows.list;
import static io.sluice.format.SampleRows.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.StorageFormat;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in the layouts and logical types other writers produce, written by parquet-hadoop's example writer. */
class ParquetCompatibilityTest {
    private final ParquetFormat format = new ParquetFormat();

    @TempDir
    Path dir;

    private List<Row> readBack(String schemaText, StructType table, List<Consumer<Group>> records) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("example.parquet"));
        ExampleFiles.write(file, schemaText, records);
        return read(format, file, table, StorageFormat.PARQUET);
    }

    @Test
    void legacyTwoLevelListsAndBareRepeatedFields() throws Exception {
        String schemaText =
                """
                message legacy {
                  optional group plain (LIST) { repeated int32 element; }
                  optional group arrays (LIST) { repeated group array { optional binary name (UTF8); } }
                  optional group tuples (LIST) { repeated group tuples_tuple { optional int32 n; } }
                  optional group pairs (LIST) { repeated group pair { required int32 a; required int32 b; } }
                  optional group hive_bag (LIST) { repeated group bag { optional int32 array_element; } }
                  repeated binary bare (UTF8);
                }
                """;
        StructType table = schema("plain:array<int>,arrays:array<struct<name:string>>,tuples:array<struct<n:int>>,"
                + "pairs:array<struct<a:int,b:int>>,hive_bag:array<int>,bare:array<string>");

        List<Row> rows = readBack(
                schemaText,
                table,
                List.of(
                        g -> {
                            g.addGroup("plain").append("element", 1).append("element", 2);
                            g.addGroup("arrays").addGroup("array").append("name", "x");
                            g.addGroup("tuples").addGroup("tuples_tuple").append("n", 5);
                            g.addGroup("pairs").addGroup("pair").append("a", 1).append("b", 2);
                            Group bag = g.addGroup("hive_bag");
                            bag.addGroup("bag").append("array_element", 7);
                            bag.addGroup("bag");
                            g.append("bare", "p").append("bare", "q");
                        },
                        g -> g.addGroup("plain")));

        assertThat(rows)
                .containsExactly(
                        Row.of(
                                list(1, 2),
                                list(Row.of("x")),
                                list(Row.of(5)),
                                list(Row.of(1, 2)),
                                list(7, null),
                                list("p", "q")),
                        Row.of(list(), null, null, null, null, list()));
    }

    @Test
    void legacyMapsWithMapKeyValueGroups() throws Exception {
        String schemaText =
                """
                message legacy {
                  optional group m (MAP) {
                    repeated group map (MAP_KEY_VALUE) { required binary key (UTF8); optional int64 value; }
                  }
                }
                """;

        List<Row> rows = readBack(schemaText, schema("m:map<string,bigint>"), List.of(g -> {
            Group m = g.addGroup("m");
            m.addGroup("map").append("key", "b").append("value", 2L);
            m.addGroup("map").append("key", "a");
        }));

        assertThat(rows).containsExactly(Row.of(map("b", 2L, "a", null)));
    }

    @Test
    void int96TimestampsReadAsUtc() throws Exception {
        LocalDateTime time = LocalDateTime.of(2019, 3, 4, 5, 6, 7, 890_123_456);
        int julianDay = (int) (time.toLocalDate().toEpochDay() + 2_440_588);
        long nanosOfDay = time.toLocalTime().toNanoOfDay();

        List<Row> rows = readBack(
                "message m { optional int96 ts; }",
                schema("ts:timestamp"),
                List.of(g -> g.append("ts", new NanoTime(julianDay, nanosOfDay)), g -> {}));

        assertThat(rows).containsExactly(Row.of(time), Row.of((Object) null));
    }

    @Test
    void timestampsOfEveryUnitAdjustedToUtcOrNot() throws Exception {
        String schemaText =
                """
                message m {
                  optional int64 millis (TIMESTAMP(MILLIS,true));
                  optional int64 micros (TIMESTAMP(MICROS,false));
                  optional int64 nanos (TIMESTAMP(NANOS,true));
                  optional int64 before_epoch (TIMESTAMP(MILLIS,false));
                }
                """;

        List<Row> rows = readBack(
                schemaText,
                schema("millis:timestamp,micros:timestamp,nanos:timestamp,before_epoch:timestamp"),
                List.of(g -> g.append("millis", 1_705_314_600_123L)
                        .append("micros", 1_705_314_600_123_456L)
                        .append("nanos", 1_705_314_600_123_456_789L)
                        .append("before_epoch", -1L)));

        assertThat(rows)
                .containsExactly(Row.of(
                        LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_000_000),
                        LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000),
                        LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_789),
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000)));
    }

    @Test
    void decimalsOnEveryPhysicalType() throws Exception {
        String schemaText =
                """
                message m {
                  optional int32 d32 (DECIMAL(5,2));
                  optional int64 d64 (DECIMAL(15,4));
                  optional binary dbin (DECIMAL(20,2));
                  optional fixed_len_byte_array(3) dfixed (DECIMAL(6,1));
                }
                """;
        byte[] minus12345 = new java.math.BigInteger("-12345").toByteArray();
        byte[] fixed = new byte[] {(byte) 0xFF, minus12345[0], minus12345[1]};

        List<Row> rows = readBack(
                schemaText,
                schema("d32:decimal(5,2),d64:decimal(15,4),dbin:decimal(20,2),dfixed:decimal(6,1)"),
                List.of(g -> g.append("d32", -12345)
                        .append("d64", 123_456_789_012_345L)
                        .append(
                                "dbin",
                                Binary.fromConstantByteArray(
                                        new java.math.BigInteger("123456789012345678").toByteArray()))
                        .append("dfixed", Binary.fromConstantByteArray(fixed))));

        assertThat(rows)
                .containsExactly(Row.of(
                        new BigDecimal("-123.45"),
                        new BigDecimal("12345678901.2345"),
                        new BigDecimal("1234567890123456.78"),
                        new BigDecimal("-1234.5")));
    }

    @Test
    void integersOfEveryWidthSignedAndUnsigned() throws Exception {
        String schemaText =
                """
                message m {
                  optional int32 i8 (INTEGER(8,true));
                  optional int32 i16 (INTEGER(16,true));
                  optional int32 u8 (INTEGER(8,false));
                  optional int32 u16 (INTEGER(16,false));
                  optional int32 u32 (INTEGER(32,false));
                  optional int64 u64 (INTEGER(64,false));
                }
                """;

        List<Row> rows = readBack(
                schemaText,
                schema("i8:tinyint,i16:smallint,u8:smallint,u16:int,u32:bigint,u64:decimal(20,0)"),
                List.of(g -> g.append("i8", -128)
                        .append("i16", -32768)
                        .append("u8", 255)
                        .append("u16", 65535)
                        .append("u32", -1)
                        .append("u64", -1L)));

        assertThat(rows)
                .containsExactly(Row.of(
                        (byte) -128,
                        (short) -32768,
                        (short) 255,
                        65535,
                        4_294_967_295L,
                        new BigDecimal("18446744073709551615")));
    }

    @Test
    void textsEnumsJsonUuidsDatesAndUnannotatedBinary() throws Exception {
        String schemaText =
                """
                message m {
                  optional binary s (STRING);
                  optional binary e (ENUM);
                  optional binary j (JSON);
                  optional fixed_len_byte_array(16) id (UUID);
                  optional int32 day (DATE);
                  optional binary raw;
                  optional binary raw_as_text;
                }
                """;
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        ByteBuffer uuidBytes =
                ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());

        List<Row> rows = readBack(
                schemaText,
                schema("s:string,e:string,j:string,id:string,day:date,raw:binary,raw_as_text:string"),
                List.of(g -> g.append("s", "text")
                        .append("e", "RED")
                        .append("j", "{\"a\":1}")
                        .append("id", Binary.fromConstantByteArray(uuidBytes.array()))
                        .append("day", -1)
                        .append("raw", Binary.fromConstantByteArray(new byte[] {1, 2}))
                        .append("raw_as_text", Binary.fromString("old spark strings"))));

        assertThat(rows)
                .containsExactly(Row.of(
                        "text",
                        "RED",
                        "{\"a\":1}",
                        uuid.toString(),
                        LocalDate.of(1969, 12, 31),
                        new byte[] {1, 2},
                        "old spark strings"));
    }
}
