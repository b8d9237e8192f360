package io.sluice.format.avro;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.readSplits;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.FormatTesting;
import io.sluice.format.RowReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroSplitsAndBadRecordsTest {
    private static final Schema SCHEMA = new Schema.Parser()
            .parse(
                    """
            {"type": "record", "name": "R", "fields": [
              {"name": "id", "type": "int"},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}}
            ]}
            """);
    private static final StructType TABLE = schema("id:int,price:decimal(4,2)");

    private final AvroFormat format = new AvroFormat();

    @TempDir
    Path dir;

    private static GenericRecord record(int id, long unscaledPrice) {
        return new GenericRecordBuilder(SCHEMA)
                .set("id", id)
                .set("price", ByteBuffer.wrap(BigInteger.valueOf(unscaledPrice).toByteArray()))
                .build();
    }

    /** A file of 10,000 records, ids 0 to 9,999, in blocks of 250. */
    private org.apache.hadoop.fs.Path manyBlocks(String name) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve(name));
        AvroFiles.write(
                file,
                SCHEMA,
                IntStream.range(0, 10_000).mapToObj(i -> record(i, i % 9999)).toList(),
                250);
        return file;
    }

    @Test
    void aSplitReportsTheShareOfItsBlocksRead() throws Exception {
        org.apache.hadoop.fs.Path file = manyBlocks("progress.avro");
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();

        try (RowReader reader = format.open(conf(), file, 0, length, spec(TABLE, StorageFormat.AVRO))) {
            Row row = new Row(2);
            List<Float> progress = new ArrayList<>();
            int read = 0;
            while (reader.next(row)) {
                if (++read % 1_000 == 0) {
                    progress.add(reader.progress());
                }
            }
            assertThat(progress).isSorted();
            assertThat(progress.get(4)).isBetween(0.35f, 0.6f); // 5,000 of 10,000 records read
            assertThat(reader.progress()).isBetween(0.95f, 1f);
        }
    }

    @Test
    void splitsOfAFileWithManyBlocksReadEveryRecordExactlyOnce() throws Exception {
        org.apache.hadoop.fs.Path file = manyBlocks("blocks.avro");

        List<List<Row>> splits = readSplits(format, file, TABLE, StorageFormat.AVRO, 3);

        assertThat(splits).hasSize(3).allSatisfy(split -> assertThat(split).isNotEmpty());
        List<Row> all = new ArrayList<>();
        splits.forEach(all::addAll);
        List<Row> rest = new ArrayList<>(splits.get(1));
        rest.addAll(splits.get(2));
        assertThat(FormatTesting.readRest(format, file, TABLE, StorageFormat.AVRO, 3))
                .as("from the second split on, with an unbounded length")
                .containsExactlyElementsOf(rest);
        assertThat(all)
                .containsExactlyElementsOf(IntStream.range(0, 10_000)
                        .mapToObj(i -> Row.of(i, BigDecimal.valueOf(i % 9999, 2)))
                        .toList());
    }

    @Test
    void aRecordThatDoesNotConvertIsABadRecordAndTheReaderGoesOn() throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("bad.avro"));
        AvroFiles.write(file, SCHEMA, List.of(record(1, 1234), record(2, 123_456), record(3, -1)));

        try (RowReader reader = format.open(conf(), file, 0, Long.MAX_VALUE, spec(TABLE, StorageFormat.AVRO))) {
            Row row = new Row(2);
            assertThat(reader.next(row)).isTrue();
            assertThat(row).isEqualTo(Row.of(1, new BigDecimal("12.34")));

            BadRecordException bad = catchThrowableOfType(BadRecordException.class, () -> reader.next(row));
            assertThat(bad.line()).hasValue(2);
            assertThat(bad.column()).hasValue("price");
            assertThat(bad.getMessage())
                    .endsWith("bad.avro:2: column price: 1234.56 has more digits than decimal(4,2) holds");

            assertThat(reader.next(row)).isTrue();
            assertThat(row).isEqualTo(Row.of(3, new BigDecimal("-0.01")));
            assertThat(reader.next(row)).isFalse();
        }
    }

    @Test
    void badRecordsInALaterSplitAreNumberedFromTheStartOfTheFile() throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("late.avro"));
        List<GenericRecord> records = IntStream.range(0, 3_000)
                .mapToObj(i -> record(i, i == 2_500 ? 99_999 : 1))
                .toList();
        AvroFiles.write(file, SCHEMA, records, 100);
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();
        long start = length / 2;

        List<Long> badLines = new ArrayList<>();
        try (RowReader reader = format.open(conf(), file, start, length - start, spec(TABLE, StorageFormat.AVRO))) {
            Row row = new Row(2);
            while (true) {
                try {
                    if (!reader.next(row)) {
                        break;
                    }
                } catch (BadRecordException e) {
                    badLines.add(e.line().orElseThrow());
                }
            }
        }

        assertThat(badLines).containsExactly(2_501L);
    }
}
