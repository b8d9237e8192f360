package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.readSplits;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.FormatTesting;
import io.sluice.format.RowReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSplitsAndBadRecordsTest {
    private final ParquetFormat format = new ParquetFormat();

    @TempDir
    Path dir;

    @Test
    void splitsOfAFileWithManyRowGroupsReadEveryRowExactlyOnce() throws Exception {
        StructType schema = schema("id:int,text:string");
        org.apache.hadoop.fs.Path file = path(dir.resolve("groups.parquet"));
        Configuration conf = conf();
        conf.setLong("parquet.block.size", 16 * 1024);
        List<Row> written = IntStream.range(0, 20_000)
                .mapToObj(i -> Row.of(i, "row " + i + " " + "x".repeat(i % 17)))
                .toList();
        FormatTesting.write(format, conf, file, schema, written, Compression.NONE);
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf()))) {
            assertThat(reader.getRowGroups()).hasSizeGreaterThan(3);
        }

        List<List<Row>> splits = readSplits(format, file, schema, StorageFormat.PARQUET, 3);

        assertThat(splits).hasSize(3).allSatisfy(split -> assertThat(split).isNotEmpty());
        List<Row> all = new ArrayList<>();
        splits.forEach(all::addAll);
        List<Row> rest = new ArrayList<>(splits.get(1));
        rest.addAll(splits.get(2));
        assertThat(FormatTesting.readRest(format, file, schema, StorageFormat.PARQUET, 3))
                .as("from the second split on, with an unbounded length")
                .containsExactlyElementsOf(rest);
        assertThat(all).containsExactlyElementsOf(written);
    }

    @Test
    void aValueThatDoesNotFitIsABadRecordAndTheReaderGoesOn() throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("bad.parquet"));
        ExampleFiles.write(
                file,
                "message m { optional int32 id; optional binary price (DECIMAL(4,2)); }",
                List.of(
                        g -> g.append("id", 1).append("price", decimal(1234)),
                        g -> g.append("id", 2).append("price", decimal(123_456)),
                        g -> g.append("id", 3).append("price", decimal(-1))));
        StructType schema = schema("id:int,price:decimal(4,2)");

        try (RowReader reader = format.open(conf(), file, 0, Long.MAX_VALUE, spec(schema, StorageFormat.PARQUET))) {
            Row row = new Row(2);
            assertThat(reader.next(row)).isTrue();
            assertThat(row).isEqualTo(Row.of(1, new BigDecimal("12.34")));

            BadRecordException bad = catchThrowableOfType(BadRecordException.class, () -> reader.next(row));
            assertThat(bad.line()).hasValue(2);
            assertThat(bad.column()).hasValue("price");
            assertThat(bad.reason()).isEqualTo("1234.56 has more digits than decimal(4,2) holds");
            assertThat(bad.getMessage())
                    .endsWith("bad.parquet:2: column price: 1234.56 has more digits than decimal(4,2) holds");

            assertThat(reader.next(row)).isTrue();
            assertThat(row).isEqualTo(Row.of(3, new BigDecimal("-0.01")));
            assertThat(reader.next(row)).isFalse();
        }
    }

    private static Binary decimal(long unscaled) {
        return Binary.fromConstantByteArray(BigInteger.valueOf(unscaled).toByteArray());
    }
}
