package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.classify.TemporalFormat;
import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesValueParserTest {
    private static final List<String> TRICKY = List.of(
            "",
            "\\N",
            "NULL",
            "null",
            " 42",
            "42 ",
            "+7",
            "-0",
            "0",
            "-",
            "+",
            ".",
            "1.",
            ".5",
            "-.5",
            "1e3",
            "1E-2",
            "0x10",
            "NaN",
            "Infinity",
            "-Infinity",
            "1.5f",
            "1,5",
            "127",
            "128",
            "-128",
            "-129",
            "32767",
            "32768",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "0.1",
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740992.5",
            "123.45",
            "123.456",
            "12345.6",
            "0.005",
            "-0.00",
            "007.50",
            "true",
            "false",
            "TRUE",
            "False",
            " true",
            "yes",
            "2024-01-05",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-1-05",
            " 2024-01-05",
            "2024-01-05 13:45:00",
            "2024-01-05T13:45:00",
            "2024-01-05 13:45:00.5",
            "2024-01-05 13:45:00.123456789",
            "2024-01-05 13:45:00.1234567891",
            "2024-01-05 13:45:00.",
            "2024-01-05T13:45:00Z",
            "2024-01-05T13:45:00+02:00",
            "2024-01-05 24:00:00",
            "2024-01-05 23:59:60",
            "31/01/2024",
            "01/31/2024",
            "31.01.2024",
            "31/01/2024 13:45:00",
            "31/01/2024 13:45:00.25",
            "héllo",
            "AQI=");

    private static final List<String> TYPES = List.of(
            "string",
            "varchar(3)",
            "char(2)",
            "boolean",
            "tinyint",
            "smallint",
            "int",
            "bigint",
            "float",
            "double",
            "decimal(5,2)",
            "decimal(18,0)",
            "decimal(38,10)",
            "decimal(3,3)",
            "date",
            "timestamp",
            "binary");

    private static final List<Optional<TemporalFormat>> FORMATS = List.of(
            Optional.empty(),
            TemporalFormat.forPattern("yyyy-MM-dd"),
            TemporalFormat.forPattern("dd/MM/yyyy"),
            TemporalFormat.forPattern("MM/dd/yyyy"),
            TemporalFormat.forPattern("dd.MM.yyyy"),
            TemporalFormat.forPattern("yyyy-MM-dd'T'HH:mm:ss[.S][XXX]"),
            TemporalFormat.forPattern("yyyy-MM-dd HH:mm:ss[.S][XXX]"),
            TemporalFormat.forPattern("dd/MM/yyyy HH:mm:ss[.S]"));

    /** The bytes parser gives what the text parser gives, or fails with the same message. */
    private static void assertAgrees(String type, Optional<TemporalFormat> format, String text, Charset charset) {
        DataType dataType = DataType.parse(type);
        boolean temporal = type.equals("date") || type.equals("timestamp");
        Optional<TemporalFormat> used = temporal ? format : Optional.empty();
        if (used.isPresent() && used.get().isTimestamp() != type.equals("timestamp")) {
            return;
        }
        TextValueParser textParser = TextValueParser.of(dataType, used);
        BytesValueParser bytesParser = BytesValueParser.of(textParser, charset, used);
        byte[] bytes = ("xx" + text + "yy").getBytes(charset);
        int from = 2;
        int to = bytes.length - 2;
        Object expected;
        try {
            expected = textParser.parse(text);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> bytesParser.parse(bytes, from, to))
                    .as("%s '%s' with %s", type, text, used)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        Object actual = bytesParser.parse(bytes, from, to);
        assertThat(actual).as("%s '%s' with %s", type, text, used).isEqualTo(expected);
        if (expected instanceof Double d) {
            assertThat(Double.doubleToRawLongBits((Double) actual)).isEqualTo(Double.doubleToRawLongBits(d));
        }
    }

    @Test
    void agreesWithTheTextParserOnTrickyValues() {
        for (String type : TYPES) {
            for (Optional<TemporalFormat> format : FORMATS) {
                for (String text : TRICKY) {
                    assertAgrees(type, format, text, UTF_8);
                }
            }
        }
    }

    @Test
    void unboxedDatesAndTimestampsAreTheValuesParsed() {
        List<String> texts = new ArrayList<>(TRICKY);
        texts.addAll(List.of("1969-12-31 23:59:59.999999", "1900-03-01T00:00:00.000001", "2024-01-05 13:45:00.1234"));
        for (String type : List.of("date", "timestamp")) {
            for (Optional<TemporalFormat> format : FORMATS) {
                if (format.isPresent() && format.get().isTimestamp() != type.equals("timestamp")) {
                    continue;
                }
                TextValueParser textParser = TextValueParser.of(DataType.parse(type), format);
                BytesValueParser bytesParser = BytesValueParser.of(textParser, UTF_8, format);
                for (int round = 0; round < 2; round++) {
                    for (String text : texts) {
                        if (text.isEmpty()) {
                            continue;
                        }
                        byte[] bytes = ("x" + text + ",").getBytes(UTF_8);
                        int to = bytes.length - 1;
                        long unboxed = type.equals("date")
                                ? bytesParser.epochDay(bytes, 1, to)
                                : bytesParser.timestampMicros(bytes, 1, to);
                        if (unboxed == BytesValueParser.NOT_UNBOXED) {
                            continue;
                        }
                        Object expected = textParser.parse(text);
                        long value = expected instanceof LocalDate date
                                ? date.toEpochDay()
                                : io.sluice.row.Temporals.epochMicros((LocalDateTime) expected);
                        assertThat(unboxed)
                                .as("%s '%s' with %s", type, text, format)
                                .isEqualTo(value);
                        if (expected instanceof LocalDateTime timestamp) {
                            assertThat(timestamp.getNano() % 1000).isZero();
                        }
                    }
                }
            }
        }
        byte[] fine = "2024-01-05 13:45:00.123456789".getBytes(UTF_8);
        assertThat(parser("timestamp").timestampMicros(fine, 0, fine.length)).isEqualTo(BytesValueParser.NOT_UNBOXED);
        assertThat(parser("timestamp").timestampMicros(fine, 0, 19))
                .isEqualTo(io.sluice.row.Temporals.epochMicros(LocalDateTime.of(2024, 1, 5, 13, 45)));
        assertThat(parser("date").epochDay(fine, 0, 10))
                .isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
        assertThat(parser("bigint").epochDay(fine, 0, 10)).isEqualTo(BytesValueParser.NOT_UNBOXED);
    }

    @Test
    void agreesWithTheTextParserWhenValuesRepeat() {
        // One parser per column sees the same values again and again: what it keeps of them must not change a value.
        for (String type : TYPES) {
            for (Optional<TemporalFormat> format : FORMATS) {
                boolean temporal = type.equals("date") || type.equals("timestamp");
                Optional<TemporalFormat> used = temporal ? format : Optional.empty();
                if (used.isPresent() && used.get().isTimestamp() != type.equals("timestamp")) {
                    continue;
                }
                TextValueParser textParser = TextValueParser.of(DataType.parse(type), used);
                BytesValueParser bytesParser = BytesValueParser.of(textParser, UTF_8, used);
                for (int round = 0; round < 3; round++) {
                    for (String text : TRICKY) {
                        byte[] bytes = (text + ",").getBytes(UTF_8);
                        Object expected;
                        try {
                            expected = textParser.parse(text);
                        } catch (IllegalArgumentException e) {
                            assertThatThrownBy(() -> bytesParser.parse(bytes, 0, bytes.length - 1))
                                    .as("%s '%s' with %s", type, text, used)
                                    .hasMessage(e.getMessage());
                            continue;
                        }
                        assertThat(bytesParser.parse(bytes, 0, bytes.length - 1))
                                .as("%s '%s' with %s", type, text, used)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithTheTextParserOnRandomNumbers() {
        Random random = new Random(42);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add(randomNumber(random));
        }
        for (String type : List.of("int", "bigint", "smallint", "double", "float", "decimal(9,3)", "decimal(20,4)")) {
            for (String value : values) {
                assertAgrees(type, Optional.empty(), value, UTF_8);
            }
        }
    }

    @Test
    void decodesTextInTheTableCharset() {
        TextValueParser text = TextValueParser.of(DataType.parse("string"), Optional.empty());
        byte[] latin1 = "Zürich".getBytes(ISO_8859_1);

        assertThat(BytesValueParser.of(text, ISO_8859_1, Optional.empty()).parse(latin1, 0, latin1.length))
                .isEqualTo("Zürich");
    }

    @Test
    void fastValuesHaveTheirColumnsJavaTypes() {
        byte[] bytes = "12".getBytes(UTF_8);
        assertThat(parser("tinyint").parse(bytes, 0, 2)).isEqualTo((byte) 12);
        assertThat(parser("smallint").parse(bytes, 0, 2)).isEqualTo((short) 12);
        assertThat(parser("int").parse(bytes, 0, 2)).isEqualTo(12);
        assertThat(parser("bigint").parse(bytes, 0, 2)).isEqualTo(12L);
        assertThat(parser("float").parse(bytes, 0, 2)).isEqualTo(12f);
        assertThat(parser("double").parse(bytes, 0, 2)).isEqualTo(12d);
        assertThat(parser("decimal(4,2)").parse(bytes, 0, 2)).isEqualTo(new BigDecimal("12.00"));
        byte[] date = "2024-03-01 10:00:00".getBytes(UTF_8);
        assertThat(parser("date").parse(date, 0, 10)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(parser("timestamp").parse(date, 0, date.length)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
    }

    private static BytesValueParser parser(String type) {
        return BytesValueParser.of(TextValueParser.of(DataType.parse(type), Optional.empty()), UTF_8, Optional.empty());
    }

    private static String randomNumber(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        int integer = random.nextInt(21);
        for (int i = 0; i < integer; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            text.append('.');
            int fraction = random.nextInt(25);
            for (int i = 0; i < fraction; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        return text.toString();
    }
}
