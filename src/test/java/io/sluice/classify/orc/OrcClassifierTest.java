package io.sluice.classify.orc;

import static io.sluice.classify.ClassifierTestFiles.columnTypes;
import static io.sluice.classify.ClassifierTestFiles.conf;
import static io.sluice.classify.ClassifierTestFiles.hadoopPath;
import static io.sluice.classify.ClassifierTestFiles.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierTestFiles;
import io.sluice.classify.CorruptFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcClassifierTest {
    private static final TypeDescription SCHEMA = TypeDescription.fromString("struct<id:bigint,name:string,"
            + "price:decimal(10,2),placed:timestamp,placed_at:timestamp with local time zone,day:date,"
            + "tags:array<string>,qty:map<string,int>,address:struct<street:string,zip:int>,"
            + "choice:uniontype<int,string>,code:char(3),label:varchar(20),flag:boolean,small:smallint>");

    @TempDir
    Path dir;

    private final OrcClassifier classifier = new OrcClassifier();

    /** Writes {@code rows} rows: id and name set, every other column null. */
    private Path write(String name, int rows, CompressionKind compression) throws IOException {
        Path file = dir.resolve(name);
        try (Writer writer = OrcFile.createWriter(
                hadoopPath(file),
                OrcFile.writerOptions(conf()).setSchema(SCHEMA).compress(compression))) {
            VectorizedRowBatch batch = SCHEMA.createRowBatch();
            for (int row = 0; row < rows; row++) {
                int r = batch.size++;
                ((LongColumnVector) batch.cols[0]).vector[r] = row;
                ((BytesColumnVector) batch.cols[1]).setVal(r, ("name " + row).getBytes(StandardCharsets.UTF_8));
                if (batch.size == batch.getMaxSize()) {
                    flush(writer, batch);
                }
            }
            if (batch.size > 0) {
                flush(writer, batch);
            }
        }
        return file;
    }

    private static void flush(Writer writer, VectorizedRowBatch batch) throws IOException {
        for (int c = 2; c < batch.cols.length; c++) {
            ColumnVector column = batch.cols[c];
            column.noNulls = false;
            column.isRepeating = true;
            column.isNull[0] = true;
        }
        writer.addRowBatch(batch);
        batch.reset();
    }

    @Test
    void readsSchemaRowCountAndCompressionFromTheTail() throws IOException {
        Path file = write("orders.orc", 2500, CompressionKind.ZSTD);

        Classification verdict = classifier.classify(sample(file)).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("orc");
        assertThat(verdict.classification()).isEqualTo("orc");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("id", "bigint"),
                        Map.entry("name", "string"),
                        Map.entry("price", "decimal(10,2)"),
                        Map.entry("placed", "timestamp"),
                        Map.entry("placed_at", "timestamp"),
                        Map.entry("day", "date"),
                        Map.entry("tags", "array<string>"),
                        Map.entry("qty", "map<string,int>"),
                        Map.entry("address", "struct<street:string,zip:int>"),
                        Map.entry("choice", "struct<tag:tinyint,field0:int,field1:string>"),
                        Map.entry("code", "char(3)"),
                        Map.entry("label", "varchar(20)"),
                        Map.entry("flag", "boolean"),
                        Map.entry("small", "smallint"));
        assertThat(verdict.recordCount()).hasValue(2500);
        assertThat(verdict.parameters()).containsEntry("compressionType", "zstd");
        assertThat(verdict.reasons()).contains("2500 rows in 1 stripes");
        assertThat(verdict.inputFormat()).isEqualTo(StorageFormat.ORC.inputFormat());
        assertThat(verdict.serde().serializationLibrary()).isEqualTo(StorageFormat.ORC.serde());
    }

    @Test
    void compressionKindsInGlueSpelling() throws IOException {
        assertThat(classifier
                        .classify(sample(write("none.orc", 10, CompressionKind.NONE)))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "none");
        assertThat(classifier
                        .classify(sample(write("zlib.orc", 10, CompressionKind.ZLIB)))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "zlib");
        assertThat(classifier
                        .classify(sample(write("snappy.orc", 10, CompressionKind.SNAPPY)))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "snappy");
    }

    @Test
    void emptyFileHasSchemaAndZeroRows() throws IOException {
        Classification verdict = classifier
                .classify(sample(write("empty.orc", 0, CompressionKind.ZLIB)))
                .orElseThrow();

        assertThat(verdict.recordCount()).hasValue(0);
        assertThat(verdict.columns()).hasSize(14);
    }

    @Test
    void otherContentIsNotOrc() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "ORACLE,1\n");

        assertThat(classifier.classify(sample(text))).isEmpty();
    }

    @Test
    void truncatedFileIsCorrupt() throws IOException {
        Path file = write("orders.orc", 100, CompressionKind.ZLIB);
        Path truncated = ClassifierTestFiles.truncatedCopy(file, 20, dir.resolve("cut.orc"));

        assertThatThrownBy(() -> classifier.classify(sample(truncated)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("cut.orc")
                .hasMessageContaining("unreadable ORC file tail");
    }

    @Test
    void headerOnlyIsCorrupt() throws IOException {
        Path file = Files.write(dir.resolve("header.orc"), "ORC".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> classifier.classify(sample(file))).isInstanceOf(CorruptFileException.class);
    }

    @Test
    void orcCompressedAsAWholeCannotBeReadInPlace() throws IOException {
        Path gz = ClassifierTestFiles.gzipCopy(write("a.orc", 5, CompressionKind.ZLIB), dir.resolve("a.orc.gz"));

        assertThatThrownBy(() -> classifier.classify(sample(gz)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("compressed as a whole with gzip");
    }
}
