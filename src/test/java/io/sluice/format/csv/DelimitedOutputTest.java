package io.sluice.format.csv;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.FormatTesting;
import io.sluice.format.ReadSpec;
import io.sluice.format.SampleRows;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DelimitedOutputTest {
    private static final StructType SMALL = schema("id:int,name:string,price:decimal(7,2),at:timestamp");

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path file(String name) {
        return path(dir.resolve(name));
    }

    /** Reads files as the catalog describes them once a job registered its output. */
    private static ReadSpec spec(StructType schema, DelimitedWriteOptions options) {
        return new ReadSpec(
                schema,
                StorageFormat.CSV.inputFormat(),
                SerDeInfo.of(StorageFormat.CSV.serde(), options.serdeParameters()),
                options.tableParameters(schema));
    }

    private static List<Row> read(org.apache.hadoop.fs.Path file, StructType schema, DelimitedWriteOptions options)
            throws Exception {
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();
        return FormatTesting.read(new DelimitedFormat(), file, 0, length, spec(schema, options));
    }

    private String written(DelimitedWriteOptions options, StructType schema, List<Row> rows) throws Exception {
        org.apache.hadoop.fs.Path file = file("t.csv");
        Files.deleteIfExists(dir.resolve("t.csv"));
        write(new DelimitedOutput(options), conf(), file, schema, rows, Compression.NONE);
        return Files.readString(dir.resolve("t.csv"));
    }

    @Test
    void everyPrimitiveTypeReadsBackAsWrittenAndNestedValuesAsTheirJson() throws Exception {
        StructType catalog = catalogSchema(SampleRows.SCHEMA);
        org.apache.hadoop.fs.Path file = file("all.csv");
        write(
                new DelimitedOutput(DelimitedWriteOptions.DEFAULT),
                conf(),
                file,
                SampleRows.SCHEMA,
                SampleRows.rows(),
                Compression.NONE);

        List<Row> rows = read(file, catalog, DelimitedWriteOptions.DEFAULT);

        assertThat(rows).containsExactlyElementsOf(expectedAsText(SampleRows.rows()));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCompressionReadsBack(Compression compression) throws Exception {
        DelimitedOutput output = new DelimitedOutput(DelimitedWriteOptions.DEFAULT);
        String name = "part" + output.extension(compression);
        org.apache.hadoop.fs.Path file = file(name);
        write(output, conf(), file, SampleRows.SCHEMA, SampleRows.rows(), compression);

        assertThat(read(file, catalogSchema(SampleRows.SCHEMA), DelimitedWriteOptions.DEFAULT))
                .containsExactlyElementsOf(expectedAsText(SampleRows.rows()));
        assertThat(name)
                .isEqualTo(
                        switch (compression) {
                            case NONE -> "part.csv";
                            case GZIP -> "part.csv.gz";
                            case SNAPPY -> "part.csv.snappy";
                            case ZSTD -> "part.csv.zst";
                        });
        if (compression == Compression.GZIP) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name)))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("standard gzip")
                        .startsWith("flag,tiny,small,i,big,f,d,");
            }
        }
    }

    @Test
    void quotesOnlyWhatNeedsQuotesAsRfc4180Says() throws Exception {
        List<Row> rows = List.of(
                Row.of(1, "plain", new BigDecimal("5.00"), LocalDateTime.of(2024, 1, 15, 10, 0)),
                Row.of(2, "a,b", new BigDecimal("-0.05"), LocalDateTime.of(2024, 1, 15, 10, 0, 0, 250_000_000)),
                Row.of(3, "say \"hi\"", null, null),
                Row.of(4, "two\nlines", new BigDecimal("12345.67"), LocalDateTime.of(2024, 1, 15, 10, 0, 0, 1000)),
                Row.of(5, "", null, null),
                Row.of(6, null, null, null));

        String text = written(DelimitedWriteOptions.DEFAULT, SMALL, rows);

        assertThat(text)
                .isEqualTo("id,name,price,at\n"
                        + "1,plain,5.00,2024-01-15 10:00:00\n"
                        + "2,\"a,b\",-0.05,2024-01-15 10:00:00.25\n"
                        + "3,\"say \"\"hi\"\"\",,\n"
                        + "4,\"two\nlines\",12345.67,2024-01-15 10:00:00.000001\n"
                        + "5,\"\",,\n"
                        + "6,,,\n");
        org.apache.hadoop.fs.Path file = file("t.csv");
        assertThat(read(file, SMALL, DelimitedWriteOptions.DEFAULT))
                .extracting(r -> r.get(1))
                .containsExactly("plain", "a,b", "say \"hi\"", "two\nlines", null, null);
    }

    @Test
    void optionsChooseHeaderSeparatorsEscapeNullTextAndQuoting() throws Exception {
        DelimitedWriteOptions options = DelimitedWriteOptions.of(
                Map.of("header", "false", "delimiter", "\t", "quote", "'", "escape", "\\", "null_value", "\\N"));
        List<Row> rows = List.of(
                Row.of(1, "it's", new BigDecimal("1.50"), null),
                Row.of(2, "back\\slash\tand tab", null, LocalDateTime.of(2024, 2, 29, 23, 59, 59)));

        String text = written(options, SMALL, rows);

        assertThat(text)
                .isEqualTo("1\t'it\\'s'\t1.50\t\\N\n" + "2\t'back\\\\slash\tand tab'\t\\N\t2024-02-29 23:59:59\n");
        assertThat(read(file("t.csv"), SMALL, options)).containsExactlyElementsOf(rows);

        String all = written(DelimitedWriteOptions.of(Map.of("quote_all", "true")), SMALL, rows.subList(0, 1));
        assertThat(all).isEqualTo("\"id\",\"name\",\"price\",\"at\"\n\"1\",\"it's\",\"1.50\",\n");
    }

    @Test
    void theCatalogDescriptionNamesTheDialectAndTheHeader() {
        DelimitedWriteOptions options = DelimitedWriteOptions.of(Map.of("delimiter", "|"));

        assertThat(options.serdeParameters())
                .containsEntry("separatorChar", "|")
                .containsEntry("quoteChar", "\"")
                .containsEntry("escapeChar", "\"");
        assertThat(options.tableParameters(SMALL))
                .containsEntry("classification", "csv")
                .containsEntry("delimiter", "|")
                .containsEntry("skip.header.line.count", "1")
                .containsEntry("sluice.multiline", "true");
        assertThat(options.tableParameters(schema("id:int"))).doesNotContainKey("sluice.multiline");
    }

    /** The schema the catalog records for a CSV output: nested columns are JSON strings. */
    static StructType catalogSchema(StructType schema) {
        return new StructType(schema.fields().stream()
                .map(f -> io.sluice.types.StructField.of(f.name(), DelimitedWriteOptions.catalogType(f.type())))
                .toList());
    }

    /**
     * The rows as CSV reads them: nested values as JSON text, and the empty string and empty binary as null (the
     * empty field is null in delimited text).
     */
    private static List<Row> expectedAsText(List<Row> rows) {
        List<Row> expected = new ArrayList<>();
        for (Row row : rows) {
            Row copy = row.copy();
            copy.set(10, "".equals(row.get(10)) ? null : row.get(10));
            copy.set(11, "".equals(row.get(11)) ? null : row.get(11));
            copy.set(13, row.get(13) != null && ((byte[]) row.get(13)).length == 0 ? null : row.get(13));
            expected.add(copy);
        }
        expected.get(0).set(16, "[1,null,3]");
        expected.get(0).set(17, "[{\"name\":\"ann\",\"age\":31},null,{\"name\":null,\"age\":7}]");
        expected.get(0).set(18, "{\"a\":[1.0,2.0],\"b\":null,\"c\":[]}");
        expected.get(0).set(19, "{\"street\":\"1 Main St\",\"geo\":{\"lat\":52.5,\"day\":\"1999-12-31\"}}");
        expected.get(2).set(16, "[]");
        expected.get(2).set(17, "[]");
        expected.get(2).set(18, "{}");
        expected.get(2).set(19, "{\"street\":null,\"geo\":null}");
        expected.get(3).set(17, "[null]");
        expected.get(3).set(19, "{\"street\":\"only street\",\"geo\":null}");
        return expected;
    }

    @Test
    void binaryIsBase64AndDatesAreIso() throws Exception {
        StructType schema = schema("b:binary,d:date");
        String text = written(
                DelimitedWriteOptions.DEFAULT,
                schema,
                List.<Row>of(Row.of(new byte[] {1, 2, 3, (byte) 0xFF}, LocalDate.of(33, 3, 3))));

        assertThat(text)
                .isEqualTo("b,d\n" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xFF})
                        + ",0033-03-03\n");
    }
}
