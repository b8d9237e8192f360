package io.sluice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.classify.TemporalFormat;
import io.sluice.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextValueParserTest {
    private static Object parse(String type, String text) {
        return TextValueParser.of(DataType.parse(type), Optional.empty()).parse(text);
    }

    @Test
    void primitives() {
        assertThat(parse("boolean", "TRUE")).isEqualTo(true);
        assertThat(parse("tinyint", "-7")).isEqualTo((byte) -7);
        assertThat(parse("smallint", "300")).isEqualTo((short) 300);
        assertThat(parse("int", "42")).isEqualTo(42);
        assertThat(parse("bigint", "9000000000")).isEqualTo(9_000_000_000L);
        assertThat(parse("double", "1.5e3")).isEqualTo(1500.0);
        assertThat(parse("float", "0.5")).isEqualTo(0.5f);
        assertThat(parse("string", "héllo")).isEqualTo("héllo");
        assertThat(parse("varchar(3)", "abcdef")).isEqualTo("abc");
        assertThat(parse("binary", "AQI=")).isEqualTo(new byte[] {1, 2});
    }

    @Test
    void decimalsKeepTheirScaleAndCheckPrecision() {
        assertThat(parse("decimal(6,2)", "4.5")).isEqualTo(new BigDecimal("4.50"));
        assertThat(parse("decimal(6,2)", "4.555")).isEqualTo(new BigDecimal("4.56"));
        assertThatThrownBy(() -> parse("decimal(4,2)", "123.45"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not a valid decimal(4,2)");
    }

    @Test
    void nulls() {
        assertThat(parse("int", "")).isNull();
        assertThat(parse("int", "\\N")).isNull();
        assertThat(parse("int", "NULL")).isNull();
        assertThat(parse("string", "")).isNull();
        assertThat(parse("string", "NULL")).as("text keeps the word").isEqualTo("NULL");
    }

    @Test
    void datesAndTimestampsInTheRecordedFormat() {
        TextValueParser dmy = TextValueParser.of(DataType.parse("date"), TemporalFormat.forPattern("dd/MM/yyyy"));
        assertThat(dmy.parse("31/12/2024")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(parse("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(parse("timestamp", "2024-01-15 10:00:00.25"))
                .isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 0, 0, 250_000_000));
        assertThat(parse("timestamp", "2024-01-15T10:00:00+02:00")).isEqualTo(LocalDateTime.of(2024, 1, 15, 8, 0));
    }

    @Test
    void badValuesSayWhatTheyAreNot() {
        assertThatThrownBy(() -> parse("int", "12x")).hasMessage("is not a valid int");
        assertThatThrownBy(() -> parse("boolean", "yes")).hasMessage("is not a valid boolean");
        assertThatThrownBy(() -> parse("date", "2023-02-29")).hasMessage("is not a valid date");
        assertThatThrownBy(() -> parse("tinyint", "300")).hasMessage("is not a valid tinyint");
    }
}
