package io.sluice.format.orc;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.FormatTesting;
import io.sluice.format.RowWriter;
import io.sluice.format.SampleRows;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrcRoundTripTest {
    private final OrcFormat format = new OrcFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path file(String name) {
        return path(dir.resolve(name));
    }

    @Test
    void everyTypeWithNullsAndNestingReadsBackAsWritten() throws Exception {
        org.apache.hadoop.fs.Path file = file("all.orc");
        write(format, file, SampleRows.SCHEMA, SampleRows.rows());

        assertThat(read(format, file, SampleRows.SCHEMA, StorageFormat.ORC))
                .containsExactlyElementsOf(SampleRows.rows());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCompressionWritesItsKind(Compression compression) throws Exception {
        org.apache.hadoop.fs.Path file = file("c.orc");
        write(format, conf(), file, SampleRows.SCHEMA, SampleRows.rows(), compression);

        assertThat(read(format, file, SampleRows.SCHEMA, StorageFormat.ORC))
                .containsExactlyElementsOf(SampleRows.rows());
        try (Reader reader = OrcFile.createReader(file, OrcFile.readerOptions(conf()))) {
            assertThat(reader.getCompressionKind())
                    .isEqualTo(Map.of(
                                    Compression.NONE, CompressionKind.NONE,
                                    Compression.SNAPPY, CompressionKind.SNAPPY,
                                    Compression.ZSTD, CompressionKind.ZSTD,
                                    Compression.GZIP, CompressionKind.ZLIB)
                            .get(compression));
        }
    }

    @Test
    void manyBatchesWithGrowingListsReadBackInOrder() throws Exception {
        StructType schema = schema("id:int,tags:array<string>,m:map<int,string>");
        List<Row> rows = IntStream.range(0, 5_000)
                .mapToObj(i -> Row.of(
                        i,
                        i % 7 == 0
                                ? null
                                : SampleRows.list(IntStream.range(0, i % 13)
                                        .mapToObj(Integer::toString)
                                        .toArray()),
                        SampleRows.map(i, "v" + i, -i - 1, null)))
                .toList();
        org.apache.hadoop.fs.Path file = file("batches.orc");
        write(format, file, schema, rows);

        assertThat(read(format, file, schema, StorageFormat.ORC)).containsExactlyElementsOf(rows);
    }

    @Test
    void timestampsKeepNanosecondsAndTheFileSaysUtc() throws Exception {
        StructType schema = schema("ts:timestamp");
        org.apache.hadoop.fs.Path file = file("ts.orc");
        LocalDateTime time = LocalDateTime.of(1901, 5, 6, 7, 8, 9, 123_456_789);
        write(format, file, schema, List.of(Row.of(time)));

        assertThat(read(format, file, schema, StorageFormat.ORC)).containsExactly(Row.of(time));
        try (Reader reader = OrcFile.createReader(file, OrcFile.readerOptions(conf()))) {
            assertThat(reader.getSchema().toString()).isEqualTo("struct<ts:timestamp>");
            assertThat(reader.writerUsedProlepticGregorian()).isTrue();
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnFailsNamingTheColumn() throws Exception {
        StructType schema = schema("id:int,price:decimal(4,2),m:map<string,int>");
        try (RowWriter writer = format.create(conf(), file("bad.orc"), schema, Compression.DEFAULT)) {
            assertThatThrownBy(() -> writer.write(Row.of(1, new BigDecimal("123.45"), null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column price (decimal(4,2)): 123.45 has more digits than decimal(4,2) holds");
            assertThatThrownBy(() -> writer.write(Row.of(1L, null, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("column id (int): a value of the wrong Java type: class java.lang.Long"
                            + " cannot be cast to class java.lang.Integer");
            assertThatThrownBy(() -> writer.write(Row.of(1, null, SampleRows.map(null, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column m (map<string,int>): a map key is null");
        }
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        StructType schema = schema("id:int");
        org.apache.hadoop.fs.Path file = file("exists.orc");
        write(format, file, schema, List.of(Row.of(1)));

        assertThatThrownBy(() -> format.create(conf(), file, schema, Compression.DEFAULT))
                .isInstanceOf(java.io.IOException.class);
        assertThat(read(format, file, schema, StorageFormat.ORC)).containsExactly(Row.of(1));
    }

    @Test
    void readsWhatItsTableIsStoredAs() {
        StructType schema = schema("id:int");
        assertThat(format.reads(FormatTesting.spec(schema, StorageFormat.ORC))).isTrue();
        assertThat(format.reads(FormatTesting.spec(schema, StorageFormat.PARQUET)))
                .isFalse();
    }
}
