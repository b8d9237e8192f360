package io.sluice.format.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.format.Schemas;
import io.sluice.format.text.BytesValueParser;
import io.sluice.format.text.ValueFormats;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of plain records must give exactly what the full path (tokenizer, then each field's parser)
 * gives, and decline every record it cannot read so.
 */
class PlainRecordParserTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("event_id", "bigint"),
            Column.of("ts", "timestamp"),
            Column.of("country", "string"),
            Column.of("qty", "int"),
            Column.of("price", "double"),
            Column.of("day", "date"),
            Column.of("amount", "decimal(6,2)"),
            Column.of("ok", "boolean"));

    private static final List<String> VALUES = List.of(
            "",
            "0",
            "-0",
            "+7",
            "-",
            "+",
            "42",
            "-42",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "999999999999999999",
            "9223372036854775807",
            "12345678901234567890",
            "1.5",
            "-1.25",
            "1.",
            ".5",
            ".",
            "1.2.3",
            "1e3",
            "9007199254740993",
            "NaN",
            " 12",
            "12 ",
            "12x",
            "\\N",
            "NULL",
            "true",
            "false",
            "DE",
            "Ünïcödé",
            "日本",
            "a'b",
            "2024-02-29",
            "2023-02-29",
            "2024-02-19 16:40:51",
            "2024-02-19T16:40:51.25",
            "2024-02-19 24:00:00",
            "2024-13-01 00:00:00",
            "x\"y",
            "\"quoted\"",
            "back\\slash");

    private static ReadSpec spec(Map<String, String> serde, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(Map.of("classification", "csv"));
        parameters.putAll(extra);
        return new ReadSpec(
                Schemas.struct(COLUMNS), "", SerDeInfo.of(DelimitedDialect.OPEN_CSV_SERDE, serde), parameters);
    }

    /** Both ways of reading records of one spec. */
    private static final class Readers {
        final DelimitedDialect dialect;
        final BytesValueParser[] parsers;
        final DelimitedTokenizer tokenizer;
        final PlainRecordParser plain;
        final byte[] nullText;

        Readers(ReadSpec spec, byte[] nullText) {
            this.dialect = DelimitedDialect.of(spec);
            List<StructField> fields = spec.schema().fields();
            this.parsers = new BytesValueParser[fields.size()];
            DataType[] types = new DataType[fields.size()];
            for (int i = 0; i < parsers.length; i++) {
                StructField field = fields.get(i);
                types[i] = field.type();
                parsers[i] = BytesValueParser.of(
                        ValueFormats.parser(spec, field.name(), field.type()),
                        UTF_8,
                        ValueFormats.format(spec, field.name()));
            }
            this.tokenizer = new DelimitedTokenizer(dialect, fields.size());
            this.plain = new PlainRecordParser(dialect, types, parsers, new boolean[fields.size()], nullText);
            this.nullText = nullText;
        }

        /** The row the full path reads, or null when it reads none (a bad record, a blank line, more bytes needed). */
        Row reference(byte[] b, int limit, boolean eof) {
            if (tokenizer.record(b, 0, limit, eof) != DelimitedTokenizer.RECORD || tokenizer.count() > parsers.length) {
                return null;
            }
            Row row = new Row(parsers.length);
            for (int i = 0; i < tokenizer.count(); i++) {
                byte[] source = tokenizer.source(i, b);
                int start = tokenizer.start(i);
                int end = tokenizer.end(i);
                if (nullText != null && Arrays.equals(source, start, end, nullText, 0, nullText.length)) {
                    continue;
                }
                try {
                    row.set(i, parsers[i].parse(source, start, end));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return row;
        }

        /** Checks one record and says whether the plain path read it. */
        boolean check(String record, boolean eof) {
            byte[] b = record.getBytes(UTF_8);
            Row expected = reference(b, b.length, eof);
            Row actual = new Row(parsers.length);
            for (int i = 0; i < parsers.length; i++) {
                actual.set(i, "left over from the record before");
            }
            int next = plain.parse(b, 0, b.length, eof, actual);
            if (next == PlainRecordParser.DECLINED) {
                return false;
            }
            assertThat(expected)
                    .as("a record the full path does not read: %s", record)
                    .isNotNull();
            assertThat(actual).as(record).isEqualTo(expected);
            assertThat(next).as(record).isEqualTo(tokenizer.next());
            return true;
        }
    }

    @Test
    void agreesWithTheFullPathOnEveryValueInEveryColumn() {
        Readers readers = new Readers(spec(Map.of("escapeChar", "\""), Map.of()), null);
        int read = 0;
        for (int column = 0; column < COLUMNS.size(); column++) {
            for (String value : VALUES) {
                String[] fields = {"1", "2024-01-05 10:00:00", "FR", "3", "2.5", "2024-01-05", "1.25", "true"};
                fields[column] = value;
                for (String end : List.of("\n", "\r\n", "\r")) {
                    if (readers.check(String.join(",", fields) + end + "9,", false)) {
                        read++;
                    }
                }
            }
        }
        assertThat(read).as("records read in one pass").isGreaterThan(COLUMNS.size() * VALUES.size());
    }

    @Test
    void agreesWithTheFullPathOnRandomRecords() {
        Readers escaped = new Readers(spec(Map.of("escapeChar", "\\"), Map.of()), null);
        Readers nulls = new Readers(spec(Map.of("escapeChar", "\""), Map.of()), "-1".getBytes(UTF_8));
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            List<String> fields = new ArrayList<>();
            int count = 1 + random.nextInt(COLUMNS.size() + 1);
            for (int f = 0; f < count; f++) {
                fields.add(VALUES.get(random.nextInt(VALUES.size())));
            }
            String record = String.join(random.nextInt(20) == 0 ? ";" : ",", fields) + "\n";
            escaped.check(record, random.nextBoolean());
            nulls.check(record, random.nextBoolean());
        }
    }

    @Test
    void bytesPastTheLimitChangeNothing() {
        // The parser reads eight bytes at a time, also past the limit when the array goes on: what is there (stop
        // bytes or not) must not change what it reads before the limit.
        Readers readers = new Readers(spec(Map.of("escapeChar", "\\"), Map.of()), null);
        Random random = new Random(17);
        byte[] filler = ",\n\r\"\\x7 ".getBytes(UTF_8);
        for (int i = 0; i < 20_000; i++) {
            List<String> fields = new ArrayList<>();
            int count = 1 + random.nextInt(COLUMNS.size() + 1);
            for (int f = 0; f < count; f++) {
                fields.add(VALUES.get(random.nextInt(VALUES.size())));
            }
            byte[] record = (String.join(",", fields) + "\n").getBytes(UTF_8);
            int limit = random.nextInt(4) == 0 ? random.nextInt(record.length + 1) : record.length;
            byte[] padded = Arrays.copyOf(record, limit + 1 + random.nextInt(16));
            for (int at = limit; at < padded.length; at++) {
                padded[at] = filler[random.nextInt(filler.length)];
            }
            boolean eof = random.nextBoolean();
            Row exact = new Row(COLUMNS.size());
            Row past = new Row(COLUMNS.size());

            int expected = readers.plain.parse(Arrays.copyOf(record, limit), 0, limit, eof, exact);
            int actual = readers.plain.parse(padded, 0, limit, eof, past);

            assertThat(actual).as(new String(record, UTF_8)).isEqualTo(expected);
            if (expected != PlainRecordParser.DECLINED) {
                assertThat(past).as(new String(record, UTF_8)).isEqualTo(exact);
            }
        }
    }

    @Test
    void aDelimiterThatDatesHoldIsNotSkippedOver() {
        // Dates and timestamps are tried at their usual length first, unless a stop byte can be part of them.
        for (String delimiter : List.of("-", " ", ":", "T", "1")) {
            Readers readers = new Readers(spec(Map.of("separatorChar", delimiter, "escapeChar", "\""), Map.of()), null);
            for (String record : List.of(
                    "7,2024-02-19 16:40:51,DE,1,2.5,2024-02-29\n",
                    "7,2024-02-19T16:40:51,DE,1,2.5,2024-02-29\n",
                    "7,2024-02-19 16:40:51.5,DE,1,2.5,2024-02-29\n")) {
                readers.check(record.replace(",", delimiter), false);
            }
        }
    }

    @Test
    void readsAPlainRecordWhole() {
        Readers readers = new Readers(spec(Map.of("escapeChar", "\""), Map.of()), null);

        assertThat(readers.check("7,2024-02-19 16:40:51,Ünï,,-1.5,2024-02-29,3.5,false\n", false))
                .isTrue();
        assertThat(readers.check("7,2024-02-19 16:40:51,DE\r\nnext", false))
                .as("fewer fields than columns")
                .isTrue();
        assertThat(readers.check("7,2024-02-19 16:40:51,DE", true))
                .as("the last record, at the end of the file")
                .isFalse();
    }

    @Test
    void declinesWhatOnlyTheFullPathReads() {
        Readers readers = new Readers(spec(Map.of("escapeChar", "\\"), Map.of()), null);
        List<String> declined = List.of(
                "1,\"2024-02-19 16:40:51\",DE\n",
                "1,2024-02-19 16:40:51,D\"E\n",
                "1,2024-02-19 16:40:51,D\\,E\n",
                "\n",
                "\r\n",
                "1,2,3,4,5,6,7,8,9\n",
                "1,2024-02-19 16:40:51,DE,x\n",
                "1,2024-02-19 16:40:51,DE",
                "1,2024-02-19 16:40:51,DE\r");
        for (String record : declined) {
            assertThat(readers.check(record, false)).as(record).isFalse();
        }
    }

    @Test
    void theNullTextIsNullInEveryColumn() {
        Readers readers = new Readers(spec(Map.of("escapeChar", "\""), Map.of()), "-1".getBytes(UTF_8));
        byte[] b = "-1,-1,-1,-1,-1,-1,-1,-1\n".getBytes(UTF_8);
        Row row = new Row(COLUMNS.size());

        assertThat(readers.plain.parse(b, 0, b.length, false, row)).isEqualTo(b.length);
        assertThat(row).isEqualTo(new Row(COLUMNS.size()));
    }
}
