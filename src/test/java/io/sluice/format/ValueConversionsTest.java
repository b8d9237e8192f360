package io.sluice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueConversionsTest {
    private static Optional<ValueConversion> between(String file, String table) {
        return ValueConversions.between(DataType.parse(file), DataType.parse(table));
    }

    private static Object convert(String file, String table, Object value) {
        return between(file, table).orElseThrow().apply(value);
    }

    @Test
    void aTypeReadsAsItself() {
        assertThat(between("decimal(5,2)", "decimal(5,2)")).contains(ValueConversion.IDENTITY);
        assertThat(between("int", "int")).contains(ValueConversion.IDENTITY);
    }

    @Test
    void integersWidenToWiderIntegersDecimalsAndDouble() {
        assertThat(convert("tinyint", "smallint", (byte) -3)).isEqualTo((short) -3);
        assertThat(convert("smallint", "int", (short) 300)).isEqualTo(300);
        assertThat(convert("int", "bigint", Integer.MIN_VALUE)).isEqualTo((long) Integer.MIN_VALUE);
        assertThat(convert("int", "decimal(12,2)", 7)).isEqualTo(new BigDecimal("7.00"));
        assertThat(convert("bigint", "double", 1L << 40)).isEqualTo((double) (1L << 40));
    }

    @Test
    void decimalsWidenKeepingTheirValueAtTheTableScale() {
        assertThat(convert("decimal(5,2)", "decimal(7,2)", new BigDecimal("-999.99")))
                .isEqualTo(new BigDecimal("-999.99"));
        assertThat(convert("decimal(5,2)", "decimal(8,4)", new BigDecimal("1.25")))
                .isEqualTo(new BigDecimal("1.2500"));
        assertThat(convert("decimal(5,2)", "double", new BigDecimal("1.25"))).isEqualTo(1.25);
    }

    @Test
    void floatWidensToDoubleAndDateToTimestampAtMidnight() {
        assertThat(convert("float", "double", 0.5f)).isEqualTo(0.5);
        assertThat(convert("date", "timestamp", LocalDate.of(2024, 2, 29)))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    }

    @Test
    void anyPrimitiveReadsAsTextInHiveCastForm() {
        assertThat(convert("boolean", "string", true)).isEqualTo("true");
        assertThat(convert("bigint", "string", -5L)).isEqualTo("-5");
        assertThat(convert("double", "string", 1.5)).isEqualTo("1.5");
        assertThat(convert("decimal(20,10)", "string", new BigDecimal("1E-7").setScale(10)))
                .isEqualTo("0.0000001000");
        assertThat(convert("date", "string", LocalDate.of(2024, 1, 5))).isEqualTo("2024-01-05");
        assertThat(convert("timestamp", "string", LocalDateTime.of(2024, 1, 5, 10, 0)))
                .isEqualTo("2024-01-05 10:00:00");
        assertThat(convert("timestamp", "string", LocalDateTime.of(2024, 1, 5, 10, 0, 1, 250_000_000)))
                .isEqualTo("2024-01-05 10:00:01.25");
        assertThat(convert("binary", "string", "hé".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("hé");
    }

    @Test
    void varcharKeepsItsFirstCharacters() {
        assertThat(convert("string", "varchar(3)", "abcdef")).isEqualTo("abc");
        assertThat(convert("int", "varchar(2)", 12345)).isEqualTo("12");
        assertThat(convert("varchar(10)", "string", "abcdef")).isEqualTo("abcdef");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bigint | int",
                "double | float",
                "decimal(7,2) | decimal(5,2)",
                "decimal(5,2) | decimal(5,3)",
                "double | decimal(38,10)",
                "float | bigint",
                "string | int",
                "timestamp | date",
                "boolean | int",
                "binary | date",
            })
    void narrowingAndUnrelatedTypesDoNotConvert(String file, String table) {
        assertThat(between(file, table)).as("%s as %s", file, table).isEmpty();
    }

    @Test
    void nestedTypesAreForTheFormatsToMatch() {
        assertThatThrownBy(() -> between("array<int>", "array<bigint>")).isInstanceOf(IllegalArgumentException.class);
    }
}
