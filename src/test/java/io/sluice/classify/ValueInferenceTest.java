package io.sluice.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueInferenceTest {

    private static ValueInference.Inferred infer(String... values) {
        ValueInference inference = new ValueInference();
        for (String value : values) {
            inference.add(value);
        }
        return inference.result();
    }

    private static DataType type(String... values) {
        return infer(values).type();
    }

    @Test
    void booleans() {
        assertThat(type("true", "FALSE", "True")).hasToString("boolean");
        assertThat(type("true", "yes")).hasToString("string");
    }

    @Test
    void integralByRange() {
        assertThat(type("1", "-20", "2147483647")).hasToString("int");
        assertThat(type("1", "2147483648")).hasToString("bigint");
        assertThat(type("-9223372036854775808")).hasToString("bigint");
        assertThat(type("9223372036854775808")).as("beyond bigint").hasToString("decimal(19,0)");
        assertThat(infer("3", "17").reason()).isEqualTo("int: all 2 values are whole numbers from 3 to 17, e.g. 3, 17");
    }

    @Test
    void leadingZerosStayText() {
        assertThat(type("007", "12")).hasToString("string");
        assertThat(type("0", "10")).hasToString("int");
        assertThat(type("01.50")).hasToString("string");
    }

    @Test
    void fixedScaleNumbersAreDecimals() {
        assertThat(type("4.50", "12.99", "149.00")).hasToString("decimal(5,2)");
        assertThat(type("5", "4.50", "-1234.75")).hasToString("decimal(6,2)");
        assertThat(infer("0.10", "2.25").reason()).startsWith("decimal(3,2): all 2 values are numbers with 2 decimals");
    }

    @Test
    void varyingScaleOrExponentIsDouble() {
        assertThat(type("1.5", "2.25")).hasToString("double");
        assertThat(type("1e10", "2")).hasToString("double");
        assertThat(type("1.5E-3")).hasToString("double");
    }

    @Test
    void nullsRuleNothingOut() {
        ValueInference.Inferred inferred = infer("", "NULL", "12", "\\N", "null", "7");
        assertThat(inferred.type()).hasToString("int");
        assertThat(inferred.reason()).contains("2 values and 4 nulls");
        assertThat(type("", "NULL")).hasToString("string");
        assertThat(infer("", "NULL").reason()).contains("only nulls");
    }

    @Test
    void datesInCommonFormats() {
        assertThat(infer("2024-01-15", "2024-02-29").format().map(TemporalFormat::pattern))
                .contains("yyyy-MM-dd");
        assertThat(type("2024-01-15", "2024-02-29")).hasToString("date");
        assertThat(type("2023-02-29")).as("not a real date").hasToString("string");
        assertThat(infer("15/01/2024", "28/02/2024").format().map(TemporalFormat::pattern))
                .contains("dd/MM/yyyy");
        assertThat(infer("01/15/2024", "02/28/2024").format().map(TemporalFormat::pattern))
                .contains("MM/dd/yyyy");
        ValueInference.Inferred ambiguous = infer("01/02/2024", "03/04/2024");
        assertThat(ambiguous.format().map(TemporalFormat::pattern)).contains("MM/dd/yyyy");
        assertThat(ambiguous.reason()).contains("also valid as dd/MM/yyyy");
    }

    @Test
    void timestampsWithFractionsAndZones() {
        ValueInference.Inferred iso = infer("2024-01-15T10:00:00Z", "2024-01-15T10:00:00.123+01:00");
        assertThat(iso.type()).hasToString("timestamp");
        assertThat(iso.format().map(TemporalFormat::pattern)).contains("yyyy-MM-dd'T'HH:mm:ss[.S][XXX]");
        assertThat(type("2024-01-15 10:00:00", "2024-01-15 23:59:59.123456789")).hasToString("timestamp");
        assertThat(type("2024-01-15 10:00:00", "2024-01-15")).hasToString("string");
        assertThat(type("15.01.2024 10:00:00")).hasToString("timestamp");
    }

    @Test
    void textExplainsWhichValueDecided() {
        ValueInference.Inferred inferred = infer("12", "4.5", "N/A", "7");
        assertThat(inferred.type()).hasToString("string");
        assertThat(inferred.reason()).isEqualTo("string: 'N/A' is not a number, boolean, date or timestamp");
        assertThat(inferred.format()).isEqualTo(Optional.empty());
    }

    @Test
    void temporalFormatsParseBackToUtc() {
        TemporalFormat iso =
                TemporalFormat.forPattern("yyyy-MM-dd'T'HH:mm:ss[.S][XXX]").orElseThrow();
        assertThat(iso.parseTimestamp("2024-01-15T10:00:00.5+01:00")).hasToString("2024-01-15T09:00:00.500");
        assertThat(iso.parseTimestamp("2024-01-15T10:00:00+0130")).hasToString("2024-01-15T08:30");
        TemporalFormat dmy = TemporalFormat.forPattern("dd/MM/yyyy").orElseThrow();
        assertThat(dmy.parseDate("31/12/2024")).hasToString("2024-12-31");
        assertThat(dmy.matches("31/02/2024")).isFalse();
    }
}
