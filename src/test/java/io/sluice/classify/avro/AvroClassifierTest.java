package io.sluice.classify.avro;

import static io.sluice.classify.ClassifierTestFiles.columnTypes;
import static io.sluice.classify.ClassifierTestFiles.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierTestFiles;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroClassifierTest {
    private static final Schema SCHEMA = new Schema.Parser()
            .parse(
                    """
                    {"type":"record","name":"Order","namespace":"shop","fields":[
                      {"name":"id","type":"long"},
                      {"name":"customer","type":["null","string"],"default":null},
                      {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
                      {"name":"placed","type":{"type":"long","logicalType":"timestamp-micros"}},
                      {"name":"day","type":{"type":"int","logicalType":"date"}},
                      {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
                      {"name":"tags","type":{"type":"array","items":"string"}},
                      {"name":"quantities","type":{"type":"map","values":"int"}},
                      {"name":"address","type":["null",{"type":"record","name":"Address","fields":[
                        {"name":"street","type":"string"},{"name":"zip","type":["null","int"]}]}]},
                      {"name":"choice","type":["null","int","string"]}]}
                    """);

    @TempDir
    Path dir;

    private Path write(String name, int records, CodecFactory codec) throws IOException {
        Path file = dir.resolve(name);
        Schema address = SCHEMA.getField("address").schema().getTypes().get(1);
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
            writer.setCodec(codec);
            writer.setSyncInterval(256); // many small blocks: the count must add them all up
            writer.create(SCHEMA, file.toFile());
            for (int i = 0; i < records; i++) {
                GenericRecord street = new GenericData.Record(address);
                street.put("street", "Main St " + i);
                street.put("zip", i % 2 == 0 ? null : 12345);
                GenericRecord row = new GenericData.Record(SCHEMA);
                row.put("id", (long) i);
                row.put("customer", i % 3 == 0 ? null : "customer " + i);
                row.put("price", ByteBuffer.wrap(BigInteger.valueOf(1999 + i).toByteArray()));
                row.put("placed", 1_700_000_000_000_000L + i);
                row.put("day", 19_000 + i % 30);
                row.put(
                        "status",
                        new GenericData.EnumSymbol(SCHEMA.getField("status").schema(), "PAID"));
                row.put("tags", List.of("a", "b"));
                row.put("quantities", Map.of("sku", i));
                row.put("address", street);
                row.put("choice", i % 2 == 0 ? i : "text");
                writer.append(row);
            }
        }
        return file;
    }

    @Test
    void readsSchemaFromTheHeaderAndCountsRecords() throws IOException {
        Path file = write("orders.avro", 777, CodecFactory.deflateCodec(6));

        Classification verdict = new AvroClassifier().classify(sample(file)).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("avro");
        assertThat(verdict.classification()).isEqualTo("avro");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("id", "bigint"),
                        Map.entry("customer", "string"),
                        Map.entry("price", "decimal(9,2)"),
                        Map.entry("placed", "timestamp"),
                        Map.entry("day", "date"),
                        Map.entry("status", "string"),
                        Map.entry("tags", "array<string>"),
                        Map.entry("quantities", "map<string,int>"),
                        Map.entry("address", "struct<street:string,zip:int>"),
                        Map.entry("choice", "struct<tag:tinyint,field0:int,field1:string>"));
        assertThat(verdict.recordCount()).hasValue(777);
        assertThat(verdict.parameters())
                .containsEntry("compressionType", "deflate")
                .containsEntry("avro.schema.literal", SCHEMA.toString());
        assertThat(verdict.serde().parameters()).containsEntry("avro.schema.literal", SCHEMA.toString());
        assertThat(new Schema.Parser().parse(verdict.parameters().get("avro.schema.literal")))
                .isEqualTo(SCHEMA);
        assertThat(verdict.inputFormat()).isEqualTo(StorageFormat.AVRO.inputFormat());
        assertThat(verdict.serde().serializationLibrary()).isEqualTo(StorageFormat.AVRO.serde());
    }

    @Test
    void codecsInGlueSpelling() throws IOException {
        assertThat(new AvroClassifier()
                        .classify(sample(write("none.avro", 3, CodecFactory.nullCodec())))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "none");
        assertThat(new AvroClassifier()
                        .classify(sample(write("snappy.avro", 3, CodecFactory.snappyCodec())))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "snappy");
        assertThat(new AvroClassifier()
                        .classify(sample(write("zstd.avro", 3, CodecFactory.zstandardCodec(3))))
                        .orElseThrow()
                        .parameters())
                .containsEntry("compressionType", "zstd");
    }

    @Test
    void countsFilesLargerThanTheSampleUpToTheLimit() throws IOException {
        Path file = write("orders.avro", 2000, CodecFactory.snappyCodec());
        FileSample head = sample(file, 2048);
        assertThat(head.complete()).isFalse();

        assertThat(new AvroClassifier().classify(head).orElseThrow().recordCount())
                .hasValue(2000);
    }

    @Test
    void leavesOutTheCountOfFilesBeyondTheLimit() throws IOException {
        Path file = write("orders.avro", 2000, CodecFactory.snappyCodec());

        Classification verdict =
                new AvroClassifier(1024).classify(sample(file, 2048)).orElseThrow();

        assertThat(verdict.recordCount()).isEmpty();
        assertThat(verdict.columns()).hasSize(10);
        assertThat(verdict.reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("records not counted")
                .endsWith("exceeds the limit of 1024 bytes"));
    }

    @Test
    void readsAHeaderLongerThanTheSampleFromTheFile() throws IOException {
        Path file = write("orders.avro", 10, CodecFactory.nullCodec());

        Classification verdict = new AvroClassifier().classify(sample(file, 64)).orElseThrow();

        assertThat(verdict.columns()).hasSize(10);
        assertThat(verdict.recordCount()).hasValue(10);
    }

    @Test
    void otherContentIsNotAvro() throws IOException {
        assertThat(new AvroClassifier().classify(FileSample.of("a.txt", "Object,1\n".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void truncatedFileIsCorrupt() throws IOException {
        Path file = write("orders.avro", 100, CodecFactory.deflateCodec(6));
        Path truncated = ClassifierTestFiles.truncatedCopy(file, 7, dir.resolve("cut.avro"));

        assertThatThrownBy(() -> new AvroClassifier().classify(sample(truncated)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("cut.avro")
                .hasMessageContaining("ends inside block")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedFileLargerThanTheSampleIsCorrupt() throws IOException {
        Path file = write("orders.avro", 2000, CodecFactory.nullCodec());
        Path truncated = ClassifierTestFiles.truncatedCopy(file, 100, dir.resolve("cut.avro"));

        assertThatThrownBy(() -> new AvroClassifier().classify(sample(truncated, 1024)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("ends inside block");
    }

    @Test
    void damagedSyncMarkerIsCorrupt() throws IOException {
        Path file = write("orders.avro", 100, CodecFactory.nullCodec());
        long size = Files.size(file);
        Path damaged = ClassifierTestFiles.damagedCopy(file, (int) size - 8, 4, (byte) 0, dir.resolve("sync.avro"));

        assertThatThrownBy(() -> new AvroClassifier().classify(sample(damaged)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("does not end with the file's sync marker");
    }

    @Test
    void unreadableHeaderIsCorrupt() throws IOException {
        Path file = write("orders.avro", 5, CodecFactory.nullCodec());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int schemaAt = text.indexOf("{\"type\":\"record\"");
        Path damaged = ClassifierTestFiles.damagedCopy(file, schemaAt, 2, (byte) '#', dir.resolve("header.avro"));

        assertThatThrownBy(() -> new AvroClassifier().classify(sample(damaged)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("unreadable Avro header");
    }

    @Test
    void avroCompressedAsAWholeCannotBeReadInPlace() throws IOException {
        Path gz = ClassifierTestFiles.gzipCopy(write("a.avro", 5, CodecFactory.nullCodec()), dir.resolve("a.avro.gz"));

        assertThatThrownBy(() -> new AvroClassifier().classify(sample(gz)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("compressed as a whole with gzip");
    }
}
