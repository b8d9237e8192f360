package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.format.SampleRows;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {
    private final ParquetFormat format = new ParquetFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path file(String name) {
        return path(dir.resolve(name));
    }

    @Test
    void everyTypeWithNullsAndNestingReadsBackAsWritten() throws Exception {
        org.apache.hadoop.fs.Path file = file("all.parquet");
        write(format, file, SampleRows.SCHEMA, SampleRows.rows());

        List<Row> rows = read(format, file, SampleRows.SCHEMA, StorageFormat.PARQUET);

        assertThat(rows).containsExactlyElementsOf(SampleRows.rows());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCompressionWritesItsCodec(Compression compression) throws Exception {
        org.apache.hadoop.fs.Path file = file("c.parquet");
        write(format, conf(), file, SampleRows.SCHEMA, SampleRows.rows(), compression);

        assertThat(read(format, file, SampleRows.SCHEMA, StorageFormat.PARQUET))
                .containsExactlyElementsOf(SampleRows.rows());
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf()))) {
            CompressionCodecName codec =
                    reader.getRowGroups().get(0).getColumns().get(0).getCodec();
            assertThat(codec)
                    .isEqualTo(Map.of(
                                    Compression.NONE, CompressionCodecName.UNCOMPRESSED,
                                    Compression.SNAPPY, CompressionCodecName.SNAPPY,
                                    Compression.ZSTD, CompressionCodecName.ZSTD,
                                    Compression.GZIP, CompressionCodecName.GZIP)
                            .get(compression));
        }
    }

    @Test
    void timestampsKeepMicrosecondsAndDropNanoseconds() throws Exception {
        StructType schema = schema("ts:timestamp");
        org.apache.hadoop.fs.Path file = file("ts.parquet");
        write(format, file, schema, List.of(Row.of(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789))));

        assertThat(read(format, file, schema, StorageFormat.PARQUET))
                .containsExactly(Row.of(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000)));
    }

    @Test
    void decimalsWithFewerFractionDigitsArePaddedToTheScale() throws Exception {
        StructType schema = schema("a:decimal(5,2),b:decimal(12,4),c:decimal(20,3)");
        org.apache.hadoop.fs.Path file = file("dec.parquet");
        write(format, file, schema, List.of(Row.of(new BigDecimal("1.5"), new BigDecimal("7"), new BigDecimal("-2"))));

        assertThat(read(format, file, schema, StorageFormat.PARQUET))
                .containsExactly(Row.of(new BigDecimal("1.50"), new BigDecimal("7.0000"), new BigDecimal("-2.000")));
    }

    @Test
    void aValueThatDoesNotFitItsColumnFailsNamingTheColumn() throws Exception {
        StructType schema = schema("id:int,price:decimal(4,2)");
        try (RowWriter writer = format.create(conf(), file("bad.parquet"), schema, Compression.DEFAULT)) {
            assertThatThrownBy(() -> writer.write(Row.of(1, new BigDecimal("123.45"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column price (decimal(4,2)): 123.45 has more digits than decimal(4,2) holds");
        }
        try (RowWriter writer = format.create(conf(), file("bad2.parquet"), schema, Compression.DEFAULT)) {
            assertThatThrownBy(() -> writer.write(Row.of(1L, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("column id (int): a value of the wrong Java type: class java.lang.Long"
                            + " cannot be cast to class java.lang.Integer");
        }
    }

    @Test
    void aMapWithANullKeyIsRefused() throws Exception {
        StructType schema = schema("m:map<string,int>");
        try (RowWriter writer = format.create(conf(), file("nullkey.parquet"), schema, Compression.DEFAULT)) {
            assertThatThrownBy(() -> writer.write(Row.of(SampleRows.map(null, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column m (map<string,int>): a map key is null");
        }
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        StructType schema = schema("id:int");
        org.apache.hadoop.fs.Path file = file("exists.parquet");
        write(format, file, schema, List.of(Row.of(1)));

        assertThatThrownBy(() -> format.create(conf(), file, schema, Compression.DEFAULT))
                .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
        assertThat(read(format, file, schema, StorageFormat.PARQUET)).containsExactly(Row.of(1));
    }

    @Test
    void readsWhatItsTableIsStoredAs() {
        StructType schema = schema("id:int");
        assertThat(format.reads(io.sluice.format.FormatTesting.spec(schema, StorageFormat.PARQUET)))
                .isTrue();
        assertThat(format.reads(io.sluice.format.FormatTesting.spec(schema, StorageFormat.ORC)))
                .isFalse();
        assertThat(format.reads(new io.sluice.format.ReadSpec(
                        schema, "x", io.sluice.catalog.SerDeInfo.of(StorageFormat.PARQUET.serde()), Map.of())))
                .isTrue();
    }
}
