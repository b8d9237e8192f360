package io.sluice.format.json;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.SampleRows;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonOutputTest {
    private final JsonOutput output = new JsonOutput();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyTypeWithNullsAndNestingReadsBackAsWritten(Compression compression) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("part" + output.extension(compression)));
        write(output, conf(), file, SampleRows.SCHEMA, SampleRows.rows(), compression);

        List<Row> rows = read(new JsonFormat(), file, SampleRows.SCHEMA, StorageFormat.JSON);

        List<Row> expected = new ArrayList<>();
        for (Row row : SampleRows.rows()) {
            Row copy = row.copy();
            if (row.get(13) != null && ((byte[]) row.get(13)).length == 0) {
                copy.set(13, null); // "" is null for every type but text in Sluice's JSON reader
            }
            expected.add(copy);
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void linesAreJsonWithExactDecimalsStringDatesAndEscapedText() throws Exception {
        StructType schema = schema("id:bigint,amount:decimal(38,10),ratio:double,day:date,at:timestamp,"
                + "note:string,tags:map<int,boolean>,bad:float");
        List<Row> rows = List.of(Row.of(
                7L,
                new BigDecimal("1234567890123456789012345678.0123456789"),
                0.1,
                LocalDate.of(2024, 1, 15),
                LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000),
                "tab\there \"quoted\" \\ \u0001 ünïcödé",
                SampleRows.map(1, true, 2, null),
                Float.NEGATIVE_INFINITY));
        org.apache.hadoop.fs.Path file = path(dir.resolve("t.json"));
        write(output, conf(), file, schema, rows, Compression.NONE);

        String text = Files.readString(dir.resolve("t.json"));

        assertThat(text)
                .isEqualTo("{\"id\":7,\"amount\":1234567890123456789012345678.0123456789,\"ratio\":0.1,"
                        + "\"day\":\"2024-01-15\",\"at\":\"2024-01-15 10:30:00.123456\","
                        + "\"note\":\"tab\\there \\\"quoted\\\" \\\\ \\u0001 ünïcödé\","
                        + "\"tags\":{\"1\":true,\"2\":null},\"bad\":\"-Infinity\"}\n");
        JsonNode parsed = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(text);
        assertThat(parsed.get("amount").decimalValue()).isEqualByComparingTo("1234567890123456789012345678.0123456789");
        assertThat(read(new JsonFormat(), file, schema, StorageFormat.JSON)).containsExactlyElementsOf(rows);
    }
}
