package io.sluice.format.orc;

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
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcSchemaDriftTest {
    private final OrcFormat format = new OrcFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path written(StructType schema, Row... rows) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("file.orc"));
        write(format, file, schema, List.of(rows));
        return file;
    }

    @Test
    void columnsMatchByNameWithoutCaseMissingOnesReadNullAndExtraOnesAreIgnored() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("Id:int,extra:string,NAME:string,nested:struct<A:int,dropped:string>"),
                Row.of(1, "not read", "ann", Row.of(10, "x")),
                Row.of(2, null, null, null));

        List<Row> rows = read(
                format,
                file,
                schema("name:string,added:double,id:int,nested:struct<new:date,a:int>"),
                StorageFormat.ORC);

        assertThat(rows).containsExactly(Row.of("ann", null, 1, Row.of(null, 10)), Row.of(null, null, 2, null));
    }

    @Test
    void aFileWithNoneOfTheTablesColumnsReadsAllNullRows() throws Exception {
        org.apache.hadoop.fs.Path file = written(schema("a:int"), Row.of(1), Row.of(2), Row.of(3));

        assertThat(read(format, file, schema("b:string,c:date"), StorageFormat.ORC))
                .containsExactly(Row.of(null, null), Row.of(null, null), Row.of(null, null));
    }

    @Test
    void aStructWithNoneOfTheTablesFieldsReadsAsAStructOfNulls() throws Exception {
        org.apache.hadoop.fs.Path file = written(schema("s:struct<a:int>"), Row.of(Row.of(1)), Row.of((Object) null));

        assertThat(read(format, file, schema("s:struct<b:string>"), StorageFormat.ORC))
                .containsExactly(Row.of(Row.of((Object) null)), Row.of((Object) null));
    }

    @Test
    void narrowerFileTypesWidenToTheTablesTypes() throws Exception {
        org.apache.hadoop.fs.Path file = written(
                schema("i:int,d:decimal(5,2),f:float,day:date,n:int,vc:varchar(5),s:string,ch:char(4),"
                        + "nested:array<struct<x:smallint>>,m:map<int,float>"),
                Row.of(
                        7,
                        new BigDecimal("-1.50"),
                        0.5f,
                        LocalDate.of(2024, 3, 1),
                        12,
                        "abcde",
                        "long text",
                        "ab",
                        list(Row.of((short) 3)),
                        map(1, 2.5f)));

        List<Row> rows = read(
                format,
                file,
                schema("i:bigint,d:decimal(7,3),f:double,day:timestamp,n:string,vc:string,s:varchar(4),ch:string,"
                        + "nested:array<struct<x:bigint>>,m:map<bigint,double>"),
                StorageFormat.ORC);

        assertThat(rows)
                .containsExactly(Row.of(
                        7L,
                        new BigDecimal("-1.500"),
                        0.5,
                        LocalDateTime.of(2024, 3, 1, 0, 0),
                        "12",
                        "abcde",
                        "long",
                        "ab",
                        list(Row.of(3L)),
                        map(1L, 2.5)));
    }

    @Test
    void aTypeThatDoesNotConvertFailsTheOpenNamingFileColumnAndTypes() throws Exception {
        org.apache.hadoop.fs.Path file =
                written(schema("price:string,l:array<struct<d:date>>"), Row.of("12.50", list(Row.of(LocalDate.EPOCH))));

        assertThatThrownBy(() -> read(format, file, schema("price:decimal(5,2)"), StorageFormat.ORC))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("price");
                    assertThat(e.fileType()).isEqualTo("string");
                    assertThat(e.tableType()).isEqualTo("decimal(5,2)");
                })
                .hasMessageContaining("file.orc");
        assertThatThrownBy(() -> read(format, file, schema("l:array<struct<d:int>>"), StorageFormat.ORC))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("l.element.d");
                    assertThat(e.fileType()).isEqualTo("date");
                });
        assertThatThrownBy(() -> read(format, file, schema("l:map<string,int>"), StorageFormat.ORC))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> assertThat(e.fileType())
                        .isEqualTo("array"));
    }

    @Test
    void onlyTheTablesColumnsAreRead() {
        TypeDescription file = TypeDescription.fromString(
                "struct<a:int,b:string,S:struct<x:int,y:int>,l:array<struct<p:int,q:int>>,m:map<string,struct<u:int,v:int>>>");

        OrcProjection projection = OrcProjection.of(
                file, schema("m:map<string,struct<v:int>>,l:array<struct<q:int>>,s:struct<y:int>,a:int"), "f");

        assertThat(projection.readSchema().toString())
                .isEqualTo("struct<a:int,S:struct<y:int>,l:array<struct<q:int>>,m:map<string,struct<v:int>>>");
        assertThat(projection.positions()).containsExactly(3, 2, 1, 0);
    }
}
