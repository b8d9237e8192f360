package io.sluice.classify.parquet;

import static io.sluice.classify.ClassifierTestFiles.conf;
import static io.sluice.classify.ClassifierTestFiles.hadoopPath;
import static io.sluice.classify.ClassifierTestFiles.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierTestFiles;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetClassifierTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            """
            message order {
              required int64 id;
              optional binary customer (STRING);
              optional int32 price (DECIMAL(9,2));
              optional int64 placed (TIMESTAMP(MICROS,true));
              optional int32 day (DATE);
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional group quantities (MAP) {
                repeated group key_value { required binary key (STRING); optional int32 value; }
              }
              optional group address { required binary street (STRING); optional int32 zip (INTEGER(16,false)); }
            }
            """);

    @TempDir
    Path dir;

    private final ParquetClassifier classifier = new ParquetClassifier();

    private Path write(String name, int rows, CompressionCodecName codec) throws IOException {
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                        HadoopOutputFile.fromPath(hadoopPath(file), conf()))
                .withType(SCHEMA)
                .withCompressionCodec(codec)
                .withRowGroupSize(1024L) // several row groups, so the count must add them up
                .build()) {
            for (int i = 0; i < rows; i++) {
                Group row = groups.newGroup()
                        .append("id", (long) i)
                        .append("customer", "customer " + i)
                        .append("price", 1999 + i)
                        .append("placed", 1_700_000_000_000_000L + i)
                        .append("day", 19_000 + i % 30);
                row.addGroup("tags").addGroup("list").append("element", "tag" + i % 3);
                row.addGroup("quantities")
                        .addGroup("key_value")
                        .append("key", "sku")
                        .append("value", i);
                row.addGroup("address").append("street", "Main St " + i).append("zip", 65_000);
                writer.write(row);
            }
        }
        return file;
    }

    @Test
    void readsSchemaAndExactRowCountFromTheFooter() throws IOException {
        Path file = write("orders.parquet", 1234, CompressionCodecName.SNAPPY);

        Classification verdict = classifier.classify(sample(file)).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("parquet");
        assertThat(verdict.classification()).isEqualTo("parquet");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(ClassifierTestFiles.columnTypes(verdict))
                .containsExactly(
                        Map.entry("id", "bigint"),
                        Map.entry("customer", "string"),
                        Map.entry("price", "decimal(9,2)"),
                        Map.entry("placed", "timestamp"),
                        Map.entry("day", "date"),
                        Map.entry("tags", "array<string>"),
                        Map.entry("quantities", "map<string,int>"),
                        Map.entry("address", "struct<street:string,zip:int>"));
        assertThat(verdict.recordCount()).hasValue(1234);
        assertThat(verdict.reasons()).anySatisfy(r -> assertThat(r).matches("1234 rows in [1-9]\\d+ row groups"));
        assertThat(verdict.parameters()).containsEntry("compressionType", "snappy");
        assertThat(verdict.inputFormat()).isEqualTo(StorageFormat.PARQUET.inputFormat());
        assertThat(verdict.outputFormat()).isEqualTo(StorageFormat.PARQUET.outputFormat());
        assertThat(verdict.serde().serializationLibrary()).isEqualTo(StorageFormat.PARQUET.serde());
    }

    @Test
    void emptyFileHasSchemaAndZeroRows() throws IOException {
        Path file = write("empty.parquet", 0, CompressionCodecName.UNCOMPRESSED);

        Classification verdict = classifier.classify(sample(file)).orElseThrow();

        assertThat(verdict.recordCount()).hasValue(0);
        assertThat(verdict.columns()).hasSize(8);
        assertThat(verdict.parameters()).doesNotContainKey("compressionType");
    }

    @Test
    void uncompressedPagesAreCompressionNone() throws IOException {
        Path file = write("plain.parquet", 3, CompressionCodecName.UNCOMPRESSED);

        assertThat(classifier.classify(sample(file)).orElseThrow().parameters())
                .containsEntry("compressionType", "none");
    }

    @Test
    void otherContentIsNotParquet() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "id,name\n1,PAR1\n");

        assertThat(classifier.classify(sample(csv))).isEmpty();
        assertThat(classifier.classify(FileSample.of("x", "PAR".getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
    }

    @Test
    void truncatedFileIsCorrupt() throws IOException {
        Path file = write("orders.parquet", 50, CompressionCodecName.SNAPPY);
        Path truncated = ClassifierTestFiles.truncatedCopy(file, 100, dir.resolve("cut.parquet"));

        assertThatThrownBy(() -> classifier.classify(sample(truncated)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("cut.parquet")
                .hasMessageContaining("does not end with the magic PAR1")
                .hasMessageContaining("truncated");
    }

    @Test
    void tooShortFileIsCorrupt() throws IOException {
        Path file = Files.write(dir.resolve("short.parquet"), "PAR1PAR1".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> classifier.classify(sample(file)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("only 8 bytes");
    }

    @Test
    void impossibleFooterLengthIsCorrupt() throws IOException {
        Path file = write("orders.parquet", 5, CompressionCodecName.SNAPPY);
        long size = Files.size(file);
        Path damaged =
                ClassifierTestFiles.damagedCopy(file, (int) size - 8, 4, (byte) 0x7f, dir.resolve("length.parquet"));

        assertThatThrownBy(() -> classifier.classify(sample(damaged)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("footer length 2139062143 does not fit");
    }

    @Test
    void unreadableFooterIsCorrupt() throws IOException {
        Path file = write("orders.parquet", 5, CompressionCodecName.SNAPPY);
        long size = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        int footerLength = java.nio.ByteBuffer.wrap(bytes, (int) size - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        Path damaged = ClassifierTestFiles.damagedCopy(
                file, (int) size - 8 - footerLength, footerLength, (byte) 0xff, dir.resolve("footer.parquet"));

        assertThatThrownBy(() -> classifier.classify(sample(damaged)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("unreadable Parquet footer");
    }

    @Test
    void parquetCompressedAsAWholeCannotBeReadInPlace() throws IOException {
        Path file = write("orders.parquet", 5, CompressionCodecName.SNAPPY);
        Path gz = ClassifierTestFiles.gzipCopy(file, dir.resolve("orders.parquet.gz"));

        assertThatThrownBy(() -> classifier.classify(sample(gz)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("compressed as a whole with gzip");
    }
}
