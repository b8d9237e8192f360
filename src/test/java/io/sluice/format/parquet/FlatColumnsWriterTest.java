package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flat schemas written by Sluice's column chunk writers read back as written, and as the general path writes them. */
class FlatColumnsWriterTest {
    private static final StructType FLAT = schema("flag:boolean,tiny:tinyint,small:smallint,i:int,big:bigint,"
            + "f:float,d:double,dec_int:decimal(5,2),dec_long:decimal(12,4),dec_fixed:decimal(25,3),s:string,"
            + "v:varchar(10),c:char(3),bin:binary,day:date,ts:timestamp");

    @TempDir
    Path dir;

    /** Rows with every type, a null in a different column on each row, repeating and distinct values. */
    private static List<Row> rows(int count) {
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Row row = Row.of(
                    n % 3 == 0,
                    (byte) (n % 100 - 50),
                    (short) (n * 7 % 30_000),
                    n * 31,
                    n * 1_000_003L - 5_000_000_000L,
                    n / 8f,
                    n * 0.01 - 3,
                    BigDecimal.valueOf(n % 99_999 - 50_000, 2),
                    BigDecimal.valueOf(n * 12_345L, 4),
                    new BigDecimal("-1234567890123456789012.345").add(BigDecimal.valueOf(n)),
                    "country-" + (n % 7),
                    "v" + n,
                    "c" + n % 10 + " ",
                    new byte[] {(byte) n, 0, (byte) (n >> 8)},
                    LocalDate.of(2024, 1, 1).plusDays(n % 400 - 200),
                    LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000).plusSeconds(n * 37L));
            row.set(n % row.width(), null);
            rows.add(row);
        }
        return rows;
    }

    private org.apache.hadoop.fs.Path write(String name, Configuration conf, StructType schema, List<Row> rows)
            throws IOException {
        return write(name, conf, schema, rows, false);
    }

    /** Writes the rows through one reused row; {@code unboxed}: int, bigint, double, date and timestamp unboxed. */
    private org.apache.hadoop.fs.Path write(
            String name, Configuration conf, StructType schema, List<Row> rows, boolean unboxed) throws IOException {
        org.apache.hadoop.fs.Path file = path(dir.resolve(name));
        try (RowWriter writer = new ParquetFormat().create(conf, file, schema, Compression.SNAPPY)) {
            Row reused = new Row(schema.fields().size());
            for (Row row : rows) {
                for (int i = 0; i < row.width(); i++) {
                    if (unboxed) {
                        RowTesting.setUnboxed(reused, i, row.get(i));
                    } else {
                        reused.set(i, row.get(i));
                    }
                }
                writer.write(reused);
            }
        }
        return file;
    }

    private static ParquetMetadata footer(org.apache.hadoop.fs.Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf()))) {
            return reader.getFooter();
        }
    }

    @Test
    void everyPrimitiveTypeWithNullsReadsBackAsWrittenOverSeveralRowGroups() throws Exception {
        Configuration conf = conf();
        conf.setLong("parquet.block.size", 64 * 1024);
        conf.setInt("parquet.page.size", 8 * 1024);
        List<Row> rows = rows(20_000);

        org.apache.hadoop.fs.Path file = write("flat.parquet", conf, FLAT, rows);

        assertThat(read(new ParquetFormat(), file, FLAT, StorageFormat.PARQUET))
                .hasSize(rows.size())
                .containsExactlyElementsOf(rows.stream()
                        .map(row -> {
                            Row expected = row.copy();
                            if (expected.get(12) != null) {
                                expected.set(12, ((String) expected.get(12)).stripTrailing() + " ");
                            }
                            return expected;
                        })
                        .collect(Collectors.toList()));
        ParquetMetadata footer = footer(file);
        assertThat(footer.getBlocks()).hasSizeGreaterThan(1);
        assertThat(footer.getBlocks().stream()
                        .mapToLong(BlockMetaData::getRowCount)
                        .sum())
                .isEqualTo(rows.size());
        assertThat(footer.getFileMetaData().getKeyValueMetaData())
                .containsEntry(RowWriteSupport.HIVE_SCHEMA_KEY, FLAT.toString())
                .containsEntry("writer.model.name", "sluice");
    }

    @Test
    void unboxedValuesAreWrittenAsTheirBoxedValues() throws Exception {
        List<Row> rows = rows(3_000);
        Configuration general = conf();
        general.setBoolean(ParquetRowWriter.DIRECT_COLUMNS, false);

        org.apache.hadoop.fs.Path direct = write("unboxed-direct.parquet", conf(), FLAT, rows, true);
        org.apache.hadoop.fs.Path consumer = write("unboxed-general.parquet", general, FLAT, rows, true);

        List<Row> boxed =
                read(new ParquetFormat(), write("boxed.parquet", conf(), FLAT, rows), FLAT, StorageFormat.PARQUET);
        assertThat(boxed).hasSize(rows.size());
        assertThat(read(new ParquetFormat(), direct, FLAT, StorageFormat.PARQUET))
                .isEqualTo(boxed);
        assertThat(read(new ParquetFormat(), consumer, FLAT, StorageFormat.PARQUET))
                .isEqualTo(boxed);
    }

    @Test
    void writesTheSameColumnsAsTheGeneralPath() throws Exception {
        List<Row> rows = rows(5_000);
        Configuration general = conf();
        general.setBoolean(ParquetRowWriter.DIRECT_COLUMNS, false);

        ParquetMetadata direct = footer(write("direct.parquet", conf(), FLAT, rows));
        ParquetMetadata consumer = footer(write("general.parquet", general, FLAT, rows));

        assertThat(direct.getFileMetaData().getSchema())
                .isEqualTo(consumer.getFileMetaData().getSchema());
        assertThat(direct.getFileMetaData().getKeyValueMetaData())
                .isEqualTo(consumer.getFileMetaData().getKeyValueMetaData());
        assertThat(direct.getBlocks()).hasSameSizeAs(consumer.getBlocks());
        for (int column = 0; column < FLAT.fields().size(); column++) {
            var mine = direct.getBlocks().get(0).getColumns().get(column);
            var theirs = consumer.getBlocks().get(0).getColumns().get(column);
            assertThat(mine.getEncodings()).as(mine.getPath().toDotString()).isEqualTo(theirs.getEncodings());
            assertThat(mine.getValueCount()).isEqualTo(theirs.getValueCount());
            assertThat(mine.getStatistics()).isEqualTo(theirs.getStatistics());
            // sizes differ: ids and definition levels are bit-packed in one run here, in runs of 63 groups there
        }
    }

    @Test
    void anotherReaderSeesNullsAndValues() throws Exception {
        StructType schema = schema("id:bigint,day:date,ts:timestamp,price:decimal(7,2),s:string");
        org.apache.hadoop.fs.Path file = write(
                "other.parquet",
                conf(),
                schema,
                List.of(
                        Row.of(1L, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 15, 10, 30), null, "x"),
                        Row.of(null, null, null, new BigDecimal("-12.50"), null)));

        List<Group> groups = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file)
                .withConf(conf())
                .build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                groups.add(group);
            }
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).getLong("id", 0)).isEqualTo(1L);
        assertThat(groups.get(0).getInteger("day", 0))
                .isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(groups.get(0).getLong("ts", 0)).isEqualTo(1_705_314_600_000_000L);
        assertThat(groups.get(0).getFieldRepetitionCount("price")).isZero();
        assertThat(groups.get(1).getFieldRepetitionCount("id")).isZero();
        assertThat(groups.get(1).getFieldRepetitionCount("s")).isZero();
        assertThat(groups.get(1).getInteger("price", 0)).isEqualTo(-1250);
    }

    @Test
    void aMisfitAfterTheSampleFailsNamingTheColumn() throws Exception {
        Configuration conf = conf();
        conf.setInt(ParquetRowWriter.SAMPLE_ROWS, 1);
        StructType schema = schema("id:int,price:decimal(4,2)");
        try (RowWriter writer =
                new ParquetFormat().create(conf, path(dir.resolve("bad.parquet")), schema, Compression.DEFAULT)) {
            writer.write(Row.of(1, new BigDecimal("1.25")));
            assertThatThrownBy(() -> writer.write(Row.of(2, new BigDecimal("123.45"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column price (decimal(4,2)): 123.45 has more digits than decimal(4,2) holds");
            assertThatThrownBy(() -> writer.write(Row.of(3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a row of 1 values for 2 columns");
        }
    }

    @Test
    void nestedSchemasAreLeftToTheGeneralPath() {
        assertThat(FlatColumnsWriter.handles(FLAT)).isTrue();
        assertThat(FlatColumnsWriter.handles(schema("id:int,tags:array<string>")))
                .isFalse();
        assertThat(FlatColumnsWriter.handles(schema("id:int,m:map<string,int>")))
                .isFalse();
        assertThat(FlatColumnsWriter.handles(schema("id:int,s:struct<a:int>"))).isFalse();
    }

    @Test
    void openWritersShareTheRowGroupMemory() throws Exception {
        Configuration conf = conf();
        conf.setLong(RowGroupMemory.POOL, 4L << 20); // 1 MiB each for 4 writers: the minimum
        StructType schema = schema("id:bigint,payload:string");
        List<RowWriter> writers = new ArrayList<>();
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        int before = RowGroupMemory.open();
        for (int w = 0; w < 4; w++) {
            files.add(path(dir.resolve("shared-" + w + ".parquet")));
            writers.add(new ParquetFormat().create(conf, files.get(w), schema, Compression.NONE));
        }
        for (int n = 0; n < 240_000; n++) {
            writers.get(n % 4).write(Row.of((long) n, "distinct text that does not compress away " + n));
        }
        assertThat(RowGroupMemory.open()).isEqualTo(before + 4);
        for (RowWriter writer : writers) {
            writer.close();
        }
        assertThat(RowGroupMemory.open()).isEqualTo(before);

        for (org.apache.hadoop.fs.Path file : files) {
            ParquetMetadata footer = footer(file);
            assertThat(footer.getBlocks()).hasSizeGreaterThan(1);
            assertThat(footer.getBlocks()).allSatisfy(block -> assertThat(block.getTotalByteSize())
                    .isLessThan(RowGroupMemory.MIN_ROW_GROUP_BYTES * 3 / 2));
            assertThat(footer.getBlocks().stream()
                            .mapToLong(BlockMetaData::getRowCount)
                            .sum())
                    .isEqualTo(60_000);
        }
    }

    @Test
    void oneWriterKeepsItsWholeShareUpToTheBlockSize() {
        RowGroupMemory alone = RowGroupMemory.register(64L << 20, 128L << 20);
        try {
            assertThat(alone.rowGroupBytes()).isBetween(RowGroupMemory.MIN_ROW_GROUP_BYTES, 64L << 20);
            RowGroupMemory capped = RowGroupMemory.register(64L << 20, 2L << 20);
            assertThat(capped.rowGroupBytes()).isEqualTo(2L << 20);
            capped.release();
            capped.release();
        } finally {
            alone.release();
        }
    }
}
