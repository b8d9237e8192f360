package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.format.SampleRows;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads files Sluice wrote with parquet-hadoop's own example reader, which knows nothing of Sluice. */
class ParquetIndependentReadTest {
    @TempDir
    Path dir;

    @Test
    void anotherReaderSeesTheLogicalTypesAndValues() throws Exception {
        StructType schema = schema(
                "tiny:tinyint,dec:decimal(5,2),big_dec:decimal(25,3),day:date,ts:timestamp,s:string,tags:array<string>,"
                        + "m:map<string,int>");
        org.apache.hadoop.fs.Path file = path(dir.resolve("sluice.parquet"));
        write(
                new ParquetFormat(),
                file,
                schema,
                List.of(Row.of(
                        (byte) -5,
                        new BigDecimal("-123.45"),
                        new BigDecimal("1234567890123456789012.345"),
                        LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000),
                        "ünïcode",
                        SampleRows.list("a", null, "c"),
                        SampleRows.map("k", 1))));

        MessageType fileSchema;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf()))) {
            fileSchema = reader.getFileMetaData().getSchema();
            assertThat(reader.getFileMetaData().getKeyValueMetaData())
                    .containsEntry(RowWriteSupport.HIVE_SCHEMA_KEY, schema.toString());
        }
        assertThat(fileSchema.getType("ts").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(fileSchema.getType("dec").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.decimalType(2, 5));

        Group group;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file)
                .withConf(conf())
                .build()) {
            group = reader.read();
        }
        assertThat(group.getInteger("tiny", 0)).isEqualTo(-5);
        assertThat(group.getInteger("dec", 0)).isEqualTo(-12345);
        assertThat(new BigInteger(group.getBinary("big_dec", 0).getBytes()))
                .isEqualTo(new BigInteger("1234567890123456789012345"));
        assertThat(group.getInteger("day", 0))
                .isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(group.getLong("ts", 0)).isEqualTo(1_705_314_600_123_456L);
        assertThat(group.getString("s", 0)).isEqualTo("ünïcode");
        Group tags = group.getGroup("tags", 0);
        assertThat(tags.getFieldRepetitionCount("list")).isEqualTo(3);
        assertThat(tags.getGroup("list", 0).getString("element", 0)).isEqualTo("a");
        assertThat(tags.getGroup("list", 1).getFieldRepetitionCount("element")).isZero();
        Group entry = group.getGroup("m", 0).getGroup("key_value", 0);
        assertThat(entry.getString("key", 0)).isEqualTo("k");
        assertThat(entry.getInteger("value", 0)).isEqualTo(1);
    }
}
