package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static io.sluice.format.SampleRows.list;
import static io.sluice.format.SampleRows.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.IncompatibleColumnException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSchemaDriftTest {
    private final ParquetFormat format = new ParquetFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path written(StructType schema, Row... rows) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("file.parquet"));
        write(format, file, schema, List.of(rows));
        return file;
    }

    @Test
    void columnsMatchByNameWithoutCaseMissingOnesReadNullAndExtraOnesAreIgnored() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("Id:int,extra:string,NAME:string,nested:struct<A:int,dropped:string>"),
                Row.of(1, "not read", "ann", Row.of(10, "x")));

        List<Row> rows = read(
                format,
                file,
                schema("name:string,added:double,id:int,nested:struct<new:date,a:int>"),
                StorageFormat.PARQUET);

        assertThat(rows).containsExactly(Row.of("ann", null, 1, Row.of(null, 10)));
    }

    @Test
    void aFileWithNoneOfTheTablesColumnsReadsAllNullRows() throws Exception {
        org.apache.hadoop.fs.Path file = written(schema("a:int"), Row.of(1), Row.of(2), Row.of(3));

        assertThat(read(format, file, schema("b:string,c:struct<d:int>"), StorageFormat.PARQUET))
                .containsExactly(Row.of(null, null), Row.of(null, null), Row.of(null, null));
    }

    @Test
    void aStructWithNoneOfTheTablesFieldsReadsAsAStructOfNulls() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("s:struct<tags:array<string>,a:int>,l:array<struct<a:int>>"),
                Row.of(Row.of(list("x"), 1), list(Row.of(1), null)),
                Row.of(null, null),
                Row.of(Row.of(null, null), list()));

        assertThat(read(format, file, schema("s:struct<b:string>,l:array<struct<b:int>>"), StorageFormat.PARQUET))
                .containsExactly(
                        Row.of(Row.of((Object) null), list(Row.of((Object) null), null)),
                        Row.of(null, null),
                        Row.of(Row.of((Object) null), list()));
    }

    @Test
    void narrowerFileTypesWidenToTheTablesTypes() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("i:int,d:decimal(5,2),f:float,day:date,n:int,ts:timestamp,nested:array<struct<x:smallint>>,"
                        + "m:map<int,float>"),
                Row.of(
                        7,
                        new BigDecimal("-1.50"),
                        0.5f,
                        LocalDate.of(2024, 3, 1),
                        12,
                        LocalDateTime.of(2024, 3, 1, 8, 0),
                        list(Row.of((short) 3)),
                        map(1, 2.5f)));

        List<Row> rows = read(
                format,
                file,
                schema(
                        "i:bigint,d:decimal(7,3),f:double,day:timestamp,n:string,ts:string,nested:array<struct<x:bigint>>,"
                                + "m:map<bigint,double>"),
                StorageFormat.PARQUET);

        assertThat(rows)
                .containsExactly(Row.of(
                        7L,
                        new BigDecimal("-1.500"),
                        0.5,
                        LocalDateTime.of(2024, 3, 1, 0, 0),
                        "12",
                        "2024-03-01 08:00:00",
                        list(Row.of(3L)),
                        map(1L, 2.5)));
    }

    @Test
    void aTypeThatDoesNotConvertFailsTheOpenNamingFileColumnAndTypes() throws Exception {
        org.apache.hadoop.fs.Path file = written(schema("price:string"), Row.of("12.50"));

        assertThatThrownBy(() -> read(format, file, schema("price:decimal(5,2)"), StorageFormat.PARQUET))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("price");
                    assertThat(e.fileType()).isEqualTo("string");
                    assertThat(e.tableType()).isEqualTo("decimal(5,2)");
                    assertThat(e.file()).endsWith("file.parquet");
                })
                .hasMessageContaining("cannot read column 'price' of ")
                .hasMessageContaining("its type in the file, string, does not convert to the table's decimal(5,2)");
    }

    @Test
    void nestedMismatchesNameThePathInTheTable() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("s:struct<inner:struct<n:bigint>>,l:array<string>"), Row.of(Row.of(Row.of(1L)), list("a")));

        assertThatThrownBy(() -> read(format, file, schema("s:struct<inner:struct<n:int>>"), StorageFormat.PARQUET))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("s.inner.n");
                    assertThat(e.fileType()).isEqualTo("bigint");
                });
        assertThatThrownBy(() -> read(format, file, schema("l:int"), StorageFormat.PARQUET))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("l");
                    assertThat(e.fileType()).isEqualTo("array");
                });
        assertThatThrownBy(() -> read(format, file, schema("l:array<date>"), StorageFormat.PARQUET))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("l.element");
                    assertThat(e.fileType()).isEqualTo("string");
                });
    }

    @Test
    void onlyTheTablesColumnsAreRequestedFromTheFile() {
        var fileSchema = MessageTypeParser.parseMessageType(
                """
                message m {
                  optional int32 a;
                  optional binary b (STRING);
                  optional group s { optional int32 x; optional int32 y; }
                  optional group l (LIST) { repeated group list { optional group element { optional int32 p; optional int32 q; } } }
                }
                """);

        var projection = ParquetProjection.of(fileSchema, schema("L:array<struct<q:int>>,s:struct<y:int>,a:int"), "f");

        assertThat(projection.requested())
                .isEqualTo(
                        MessageTypeParser.parseMessageType(
                                """
                        message m {
                          optional int32 a;
                          optional group s { optional int32 y; }
                          optional group l (LIST) { repeated group list { optional group element { optional int32 q; } } }
                        }
                        """));
    }

    @Test
    void columnsTheTableDoesNotHaveAreNotDecoded() throws Exception {
        // A value that would be a bad record if it were decoded: 5 digits in a decimal(4,2) column.
        org.apache.hadoop.fs.Path file = path(dir.resolve("example.parquet"));
        ExampleFiles.write(
                file, "message m { optional int32 id; optional binary bad (DECIMAL(4,2)); }", List.of(g -> g.append(
                                "id", 1)
                        .append(
                                "bad",
                                Binary.fromConstantByteArray(
                                        java.math.BigInteger.valueOf(12345).toByteArray()))));

        assertThat(read(format, file, schema("id:int"), StorageFormat.PARQUET)).containsExactly(Row.of(1));
    }
}
