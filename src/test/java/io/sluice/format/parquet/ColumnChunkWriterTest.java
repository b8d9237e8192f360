package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages {@link ColumnChunkWriter}s encode at their edges: dictionaries that stop paying (too large, or not smaller
 * than PLAIN on the first page), pages of nulls only, special doubles, values larger than a page, decimals in two's
 * complement order. Each file is checked against one written by parquet-hadoop's own writer from the same rows: the
 * same values read back, and the same statistics, encodings and column indexes.
 */
class ColumnChunkWriterTest {
    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path write(String name, Configuration conf, StructType schema, List<Row> rows)
            throws IOException {
        org.apache.hadoop.fs.Path file = path(dir.resolve(name));
        try (RowWriter writer = new ParquetFormat().create(conf, file, schema, Compression.SNAPPY)) {
            for (Row row : rows) {
                writer.write(row);
            }
        }
        return file;
    }

    /** Writes the rows with both writers; checks they read back as given and agree; returns the footer of ours. */
    private ParquetMetadata writeBoth(Configuration conf, StructType schema, List<Row> rows) throws IOException {
        Configuration general = new Configuration(conf);
        general.setBoolean(ParquetRowWriter.DIRECT_COLUMNS, false);
        org.apache.hadoop.fs.Path mine = write("mine.parquet", conf, schema, rows);
        org.apache.hadoop.fs.Path theirs = write("theirs.parquet", general, schema, rows);

        assertThat(read(new ParquetFormat(), mine, schema, StorageFormat.PARQUET))
                .containsExactlyElementsOf(rows);
        try (ParquetFileReader ours = open(mine);
                ParquetFileReader reference = open(theirs)) {
            List<BlockMetaData> blocks = ours.getFooter().getBlocks();
            List<BlockMetaData> expectedBlocks = reference.getFooter().getBlocks();
            if (blocks.size() != expectedBlocks.size()) {
                // row groups are cut by each writer's own estimate of what it buffers: compare whole columns
                for (int c = 0; c < schema.fields().size(); c++) {
                    assertThat(merged(blocks, c))
                            .as(schema.fields().get(c).name())
                            .isEqualTo(merged(expectedBlocks, c));
                }
                return ours.getFooter();
            }
            for (int b = 0; b < blocks.size(); b++) {
                BlockMetaData block = blocks.get(b);
                BlockMetaData other = expectedBlocks.get(b);
                assertThat(block.getRowCount()).isEqualTo(other.getRowCount());
                for (int c = 0; c < block.getColumns().size(); c++) {
                    ColumnChunkMetaData chunk = block.getColumns().get(c);
                    ColumnChunkMetaData expected = other.getColumns().get(c);
                    String column = chunk.getPath().toDotString() + " in row group " + b;
                    assertThat(chunk.getStatistics()).as(column).isEqualTo(expected.getStatistics());
                    assertThat(chunk.getEncodings()).as(column).isEqualTo(expected.getEncodings());
                    assertThat(chunk.hasDictionaryPage()).as(column).isEqualTo(expected.hasDictionaryPage());
                    OffsetIndex offsets = ours.readOffsetIndex(chunk);
                    OffsetIndex expectedOffsets = reference.readOffsetIndex(expected);
                    if (offsets.getPageCount() != expectedOffsets.getPageCount()) {
                        continue; // pages cut at another size (ours check it at every value)
                    }
                    for (int p = 0; p < offsets.getPageCount(); p++) {
                        assertThat(offsets.getFirstRowIndex(p)).isEqualTo(expectedOffsets.getFirstRowIndex(p));
                    }
                    ColumnIndex index = ours.readColumnIndex(chunk);
                    ColumnIndex expectedIndex = reference.readColumnIndex(expected);
                    assertThat(index == null).as(column).isEqualTo(expectedIndex == null);
                    if (index != null) {
                        assertThat(index.getMinValues()).as(column).isEqualTo(expectedIndex.getMinValues());
                        assertThat(index.getMaxValues()).as(column).isEqualTo(expectedIndex.getMaxValues());
                        assertThat(index.getNullCounts()).as(column).isEqualTo(expectedIndex.getNullCounts());
                        assertThat(index.getNullPages()).as(column).isEqualTo(expectedIndex.getNullPages());
                    }
                }
            }
            return ours.getFooter();
        }
    }

    /** The statistics of a column over all row groups. */
    private static Statistics<?> merged(List<BlockMetaData> blocks, int column) {
        Statistics<?> all = null;
        for (BlockMetaData block : blocks) {
            Statistics<?> statistics = block.getColumns().get(column).getStatistics();
            if (all == null) {
                all = statistics.copy();
            } else {
                all.mergeStatistics(statistics);
            }
        }
        return all;
    }

    private static ParquetFileReader open(org.apache.hadoop.fs.Path file) throws IOException {
        return ParquetFileReader.open(HadoopInputFile.fromPath(file, conf()));
    }

    private static List<Row> rows(int count, IntFunction<Row> row) {
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(row.apply(n));
        }
        return rows;
    }

    private static ColumnChunkMetaData chunk(ParquetMetadata footer, int block, int column) {
        return footer.getBlocks().get(block).getColumns().get(column);
    }

    @Test
    void aDictionaryThatOutgrowsItsPageFallsBackToPlainForTheRestOfTheRowGroup() throws Exception {
        Configuration conf = conf();
        conf.setInt("parquet.dictionary.page.size", 2048);
        StructType schema = schema("s:string,n:bigint");
        // the first page repeats (a dictionary is chosen and used), then every value is new
        List<Row> rows =
                rows(30_000, n -> n < 22_000 ? Row.of("v" + n % 10, (long) (n % 10)) : Row.of("distinct-" + n, n * 7L));

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        for (int column = 0; column < 2; column++) {
            assertThat(chunk(footer, 0, column).getEncodings()).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
            assertThat(chunk(footer, 0, column).hasDictionaryPage()).isTrue();
        }
    }

    @Test
    void aDictionaryThatDoesNotMakeTheFirstPageSmallerIsDropped() throws Exception {
        Configuration conf = conf();
        conf.setInt(ParquetRowWriter.SAMPLE_ROWS, 10);
        StructType schema = schema("n:bigint,s:string");
        List<Row> rows = rows(25_000, n -> n < 10 ? Row.of(1L, "same") : Row.of(n * 31L, "text " + n));

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        for (int column = 0; column < 2; column++) {
            assertThat(chunk(footer, 0, column).getEncodings()).doesNotContain(Encoding.PLAIN_DICTIONARY);
            assertThat(chunk(footer, 0, column).hasDictionaryPage()).isFalse();
        }
    }

    @Test
    void pagesOfNullsOnlyAndColumnsOfNullsOnly() throws Exception {
        Configuration conf = conf();
        conf.setInt("parquet.page.row.count.limit", 1_000);
        StructType schema = schema("sometimes:int,never:string,flag:boolean");
        // rows 1,000-2,999 are null in the first column: two whole pages of nulls
        List<Row> rows =
                rows(5_000, n -> Row.of(n >= 1_000 && n < 3_000 ? null : n % 17, null, n % 5 == 0 ? null : n % 3 == 0));

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        assertThat(chunk(footer, 0, 0).getStatistics().getNumNulls()).isEqualTo(2_000);
        assertThat(chunk(footer, 0, 1).getStatistics().getNumNulls()).isEqualTo(5_000);
        assertThat(chunk(footer, 0, 1).getStatistics().hasNonNullValue()).isFalse();
    }

    @Test
    void specialDoublesAndFloatsKeepTheirValuesAndStatistics() throws Exception {
        Configuration conf = conf();
        conf.setInt("parquet.page.row.count.limit", 100);
        StructType schema = schema("d:double,f:float");
        double[] doubles = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.25};
        float[] floats = {-0.0f, 0.0f, 3.5f, Float.NaN, Float.MIN_VALUE, -7f};
        // page 1 has a NaN; page 3 (rows 200-299) has none and only zeros of both signs
        List<Row> rows = rows(
                500,
                n -> n >= 200 && n < 300
                        ? Row.of(n % 2 == 0 ? 0.0 : -0.0, n % 2 == 0 ? -0.0f : 0.0f)
                        : Row.of(doubles[n % doubles.length], floats[n % floats.length]));

        writeBoth(conf, schema, rows);
    }

    @Test
    void valuesLargerThanAPageMakePagesOfTheirOwn() throws Exception {
        Configuration conf = conf();
        conf.setInt("parquet.page.size", 16 * 1024);
        conf.setBoolean("parquet.enable.dictionary", false);
        StructType schema = schema("id:int,blob:binary,text:string");
        List<Row> rows = rows(60, n -> {
            byte[] blob = new byte[n * 1_000];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) (i * n);
            }
            return Row.of(n, n % 7 == 0 ? null : blob, "é".repeat(n * 300));
        });

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        try (ParquetFileReader reader = open(path(dir.resolve("mine.parquet")))) {
            assertThat(reader.readOffsetIndex(chunk(footer, 0, 1)).getPageCount())
                    .isGreaterThan(10);
        }
    }

    @Test
    void decimalsCompareAsNumbersAndDatesAndTimestampsAsTheirCounts() throws Exception {
        StructType schema = schema("small:decimal(5,2),large:decimal(12,3),huge:decimal(30,4)");
        List<Row> rows = rows(
                3_000,
                n -> Row.of(
                        BigDecimal.valueOf(n % 500 - 250, 2),
                        n % 11 == 0 ? null : BigDecimal.valueOf(-n * 1_000_003L, 3),
                        new BigDecimal("12345678901234567890.1234")
                                .multiply(BigDecimal.valueOf(n % 3 - 1))
                                .add(BigDecimal.valueOf(n, 4))));

        ParquetMetadata footer = writeBoth(conf(), schema, rows);

        assertThat(chunk(footer, 0, 2).getStatistics().minAsString()).startsWith("-12345678901234567890");
    }

    @Test
    void rowGroupsStartTheirDictionariesAfresh() throws Exception {
        Configuration conf = conf();
        conf.setLong("parquet.block.size", 256 * 1024);
        StructType schema = schema("country:string,day:date,amount:double");
        List<Row> rows = rows(
                120_000,
                n -> Row.of(
                        "country-" + (n / 10_000 + n % 3),
                        java.time.LocalDate.of(2024, 1, 1).plusDays(n % 366),
                        (n % 1_000) / 4.0));

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        assertThat(footer.getBlocks()).hasSizeGreaterThan(2);
    }

    @Test
    void runsOfASortedColumnKeepTheirIdsAcrossPagesAndRowGroups() throws Exception {
        Configuration conf = conf();
        conf.setLong("parquet.block.size", 256 * 1024);
        StructType schema = schema("customer:bigint,qty:int,ts:bigint");
        // runs of 1 to 13 equal values, some across the edges of pages and row groups
        List<Row> rows = new ArrayList<>();
        for (long customer = 0; rows.size() < 150_000; customer++) {
            for (int i = 0; i <= customer % 13; i++) {
                rows.add(Row.of(customer * 1_000, (int) (customer % 5), customer * 7 + i));
            }
        }

        ParquetMetadata footer = writeBoth(conf, schema, rows);

        assertThat(footer.getBlocks()).hasSizeGreaterThan(2);
        assertThat(chunk(footer, 1, 0).hasDictionaryPage()).isTrue();
    }

    @Test
    void duckDbReadsEveryKindOfPage() throws Exception {
        Configuration conf = conf();
        conf.setInt("parquet.dictionary.page.size", 4096);
        conf.setInt("parquet.page.row.count.limit", 5_000);
        StructType schema = schema("id:bigint,s:string,n:int,d:double,day:date");
        // s: dictionary pages, then PLAIN once the dictionary is full; n: whole pages of nulls; d: NaN and -0.0
        List<Row> rows = rows(
                30_000,
                i -> Row.of(
                        (long) i,
                        i % 13 == 0 ? null : i < 12_000 ? "country-" + i % 40 : "name-" + i,
                        i >= 5_000 && i < 15_000 ? null : i % 1_000,
                        i % 7 == 0 ? Double.NaN : i % 5 == 0 ? -0.0 : i / 8.0,
                        java.time.LocalDate.of(2020, 1, 1).plusDays(i % 2_000)));
        org.apache.hadoop.fs.Path file = write("duck.parquet", conf, schema, rows);

        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement sql = duck.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("SELECT id, s, n, d, day FROM read_parquet('"
                        + file.toUri().getPath() + "') ORDER BY id")) {
            int i = 0;
            while (rs.next()) {
                Row row = rows.get(i++);
                assertThat(rs.getLong(1)).isEqualTo(row.get(0));
                assertThat(rs.getString(2)).as("s of row " + i).isEqualTo(row.get(1));
                Object n = rs.getObject(3);
                assertThat(n).as("n of row " + i).isEqualTo(row.get(2));
                assertThat(Double.doubleToLongBits(rs.getDouble(4)))
                        .isEqualTo(Double.doubleToLongBits((Double) row.get(3)));
                assertThat(rs.getObject(5, java.time.LocalDate.class)).isEqualTo(row.get(4));
            }
            assertThat(i).isEqualTo(rows.size());
        }
    }

    @Test
    void theDictionaryHashSpreadsDecimalLikeDoubles() {
        // 20,000 prices of two decimals in a table of 65,536 slots, placed by linear probing as the dictionary does
        int[] slots = new int[1 << 16];
        long probes = 0;
        for (int cents = 0; cents < 20_000; cents++) {
            int slot = FixedWidthChunkWriter.mix(Double.doubleToLongBits(cents / 100.0)) & (slots.length - 1);
            probes++;
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
                probes++;
            }
            slots[slot] = cents + 1;
        }
        assertThat(probes / 20_000.0).as("probes per value").isLessThan(2.0);
    }
}
