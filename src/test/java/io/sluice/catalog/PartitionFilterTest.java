package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PartitionFilterTest {
    private static final List<Column> DATE_KEYS = List.of(Column.of("year", "string"), Column.of("month", "string"));
    private static final List<Column> MIXED_KEYS =
            List.of(Column.of("region", "string"), Column.of("hour", "int"), Column.of("rate", "decimal(5,2)"));
    private static final String NULL = Partition.NULL_VALUE;

    private static final List<List<String>> DATES = List.of(
            List.of("2023", "12"),
            List.of("2024", "01"),
            List.of("2024", "02"),
            List.of("2024", "1"),
            List.of("2024", "10"),
            List.of("2025", NULL),
            List.of(NULL, "03"));

    private static final List<List<String>> MIXED = List.of(
            List.of("eu-west", "7", "1.5"),
            List.of("eu-east", "07", "1.50"),
            List.of("us_east", "10", "12"),
            List.of("us-east", "9", "2"),
            List.of("50%", "x", "abc"),
            List.of(NULL, NULL, NULL));

    static Stream<Arguments> dateFilters() {
        return Stream.of(
                Arguments.of("year = '2024'", "2024/01 2024/02 2024/1 2024/10"),
                Arguments.of("YEAR = '2024' and Month >= '02'", "2024/02 2024/1 2024/10"),
                Arguments.of("'2024' = year AND '02' <= month", "2024/02 2024/1 2024/10"),
                Arguments.of("`year` = 2024 AND `MONTH` < '1'", "2024/01 2024/02"),
                Arguments.of("year != '2024'", "2023/12 2025/null"),
                Arguments.of("year <> '2024'", "2023/12 2025/null"),
                Arguments.of("year > '2023' AND month <= '02'", "2024/01 2024/02"),
                Arguments.of("year < '2024' OR month = '10'", "2023/12 2024/10"),
                Arguments.of("year = '2024' AND (month = '01' OR month = '1')", "2024/01 2024/1"),
                Arguments.of("year = '2024' AND month = '01' OR month = '1'", "2024/01 2024/1"),
                Arguments.of("year = '2023' OR year = '2024' AND month = '10'", "2023/12 2024/10"),
                Arguments.of("(year = '2023' OR year = '2024') AND month = '10'", "2024/10"),
                Arguments.of("NOT year = '2024'", "2023/12 2025/null"),
                Arguments.of("NOT (year = '2024' OR year = '2023')", "2025/null"),
                Arguments.of("year IN ('2023', '2025')", "2023/12 2025/null"),
                Arguments.of("year NOT IN ('2023', '2024')", "2025/null"),
                Arguments.of("month BETWEEN '02' AND '10'", "2024/02 2024/1 2024/10 null/03"),
                Arguments.of("month NOT BETWEEN '02' AND '10'", "2023/12 2024/01"),
                Arguments.of("month LIKE '1%'", "2023/12 2024/1 2024/10"),
                Arguments.of("month LIKE '1_'", "2023/12 2024/10"),
                Arguments.of("month NOT LIKE '0%'", "2023/12 2024/1 2024/10"),
                Arguments.of("year IN ('2023', '2025') OR month = '10'", "2023/12 2024/10 2025/null"),
                Arguments.of("year = '2024' AND month IN ('01', '02') OR year = '2023'", "2023/12 2024/01 2024/02"),
                Arguments.of("NOT year IN ('2024') OR month = '03'", "2023/12 2025/null null/03"),
                Arguments.of("year NOT IN ('2024') AND month > '1' OR year IS NULL", "2023/12 null/03"),
                Arguments.of("(year IN ('2024') OR year IN ('2023')) AND month = '12'", "2023/12"),
                Arguments.of("year IS NULL", "null/03"),
                Arguments.of("month IS NULL OR year IS NULL", "2025/null null/03"),
                Arguments.of(
                        "month IS NOT NULL AND year IS NOT NULL AND year >= '2024'", "2024/01 2024/02 2024/1 2024/10"),
                Arguments.of("NOT month IS NULL AND year = '2025'", ""));
    }

    @ParameterizedTest
    @MethodSource("dateFilters")
    void stringKeysCompareAsText(String expression, String expected) {
        assertThat(matching(expression, DATE_KEYS, DATES)).isEqualTo(expected);
    }

    static Stream<Arguments> numericFilters() {
        return Stream.of(
                Arguments.of("hour = 7", "eu-west eu-east"),
                Arguments.of("hour = '7'", "eu-west eu-east"),
                Arguments.of("hour = 7.0", "eu-west eu-east"),
                Arguments.of("hour > 8", "us_east us-east"),
                Arguments.of("8 < hour", "us_east us-east"),
                Arguments.of("hour >= -1 AND hour <= +9", "eu-west eu-east us-east"),
                Arguments.of("hour != 7", "us_east us-east"),
                Arguments.of("hour IN (9, 10)", "us_east us-east"),
                Arguments.of("hour NOT IN (9, 10)", "eu-west eu-east"),
                Arguments.of("hour BETWEEN 8 AND 10", "us_east us-east"),
                Arguments.of("hour LIKE '0%'", "eu-east"),
                Arguments.of("rate = 1.5", "eu-west eu-east"),
                Arguments.of("rate > 1e1", "us_east"),
                Arguments.of("rate < 2", "eu-west eu-east"),
                Arguments.of("NOT rate < 2", "us_east us-east"),
                Arguments.of("region >= 'eu-west'", "eu-west us_east us-east"),
                Arguments.of("region LIKE 'us_east'", "us_east us-east"),
                Arguments.of("region LIKE 'us\\_east'", "us_east"),
                Arguments.of("region LIKE 'us!_east' ESCAPE '!'", "us_east"),
                Arguments.of("region LIKE '50\\%'", "50%"),
                Arguments.of("region LIKE '%-%'", "eu-west eu-east us-east"),
                Arguments.of("hour IS NULL", "null"),
                Arguments.of("hour IS NOT NULL", "eu-west eu-east us_east us-east 50%"));
    }

    @ParameterizedTest
    @MethodSource("numericFilters")
    void numericKeysCompareAsNumbers(String expression, String expected) {
        assertThat(matching(expression, MIXED_KEYS, MIXED).replaceAll("/[^ ]*", ""))
                .isEqualTo(expected);
    }

    @Test
    void textComparisonOfANumberLiteralUsesItsSpelling() {
        PartitionFilter filter = PartitionFilter.parse("month = 02", DATE_KEYS);

        assertThat(filter.matches(List.of("2024", "02"))).isTrue();
        assertThat(filter.matches(List.of("2024", "2"))).isFalse();
    }

    @Test
    void valueThatIsNotANumberMatchesNoComparisonOfANumericKey() {
        List<String> notANumber = List.of("eu", "x", "abc");

        for (String expression : List.of("hour = 1", "hour != 1", "NOT hour = 1", "hour NOT IN (1)", "rate >= 0")) {
            assertThat(PartitionFilter.parse(expression, MIXED_KEYS).matches(notANumber))
                    .as(expression)
                    .isFalse();
        }
        assertThat(PartitionFilter.parse("hour IS NOT NULL", MIXED_KEYS).matches(notANumber))
                .isTrue();
    }

    @Test
    void keepsExpressionAndKeys() {
        PartitionFilter filter = PartitionFilter.parse("year = '2024'", DATE_KEYS);

        assertThat(filter.expression()).isEqualTo("year = '2024'");
        assertThat(filter).hasToString("year = '2024'");
        assertThat(filter.partitionKeys()).isEqualTo(DATE_KEYS);
    }

    @Test
    void matchesRejectsValuesOfAnotherShape() {
        PartitionFilter filter = PartitionFilter.parse("year = '2024'", DATE_KEYS);

        assertThatThrownBy(() -> filter.matches(List.of("2024")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 partition values, got [2024]");
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                Arguments.of("yeer = '2024'", "unknown partition key 'yeer' (partition keys: year, month)"),
                Arguments.of("t.year = '2024'", "unknown partition key 't.year' (partition keys: year, month)"),
                Arguments.of(
                        "\"2024\" = year",
                        "unknown partition key '2024' (partition keys: year, month); quote strings with ' rather than \""),
                Arguments.of(
                        "year = \"2024\"",
                        "\"2024\" is a column, not a literal; compare a partition key with a literal;"
                                + " quote strings with ' rather than \""),
                Arguments.of(
                        "year = month", "month is a column, not a literal; compare a partition key with a literal"),
                Arguments.of(
                        "upper(year) = '2024'",
                        "unsupported expression upper(year): use = != <> < <= > >=, IN, BETWEEN, LIKE,"
                                + " IS [NOT] NULL, AND, OR, NOT and parentheses on partition keys and literals"),
                Arguments.of("year = '2024' XOR month = '01'", "unsupported expression year = '2024' XOR month = '01'"),
                Arguments.of("year", "unsupported expression year"),
                Arguments.of("year IN (SELECT 1)", "unsupported expression year IN (SELECT 1)"),
                Arguments.of("year ILIKE '2%'", "unsupported expression year ILIKE '2%'"),
                Arguments.of("year = 0x10", "unsupported expression 0x10"),
                Arguments.of("'2024' = '2024'", "'2024' = '2024' compares no partition key"),
                Arguments.of("'2024' IN (year)", "'2024' is not a partition key"),
                Arguments.of("year = NULL", "a comparison with NULL is never true; use IS NULL or IS NOT NULL"),
                Arguments.of("year IN ()", "year IN () has an empty list"),
                Arguments.of("year LIKE 2024", "year LIKE 2024 needs a string pattern"),
                Arguments.of(
                        "year LIKE 'a' ESCAPE '!!'",
                        "year LIKE 'a' ESCAPE '!!': ESCAPE takes a single character in quotes"),
                Arguments.of("year = '2024' AND", "syntax error: unexpected text after \"year = '2024'\""),
                Arguments.of(
                        "year = '2024' month = '01'", "syntax error: unexpected text after \"year = '2024' month\""),
                Arguments.of(
                        "(year = '2024'",
                        "syntax error: Encountered unexpected token:<EOF> at line 1, column 14. Was expecting one of: \")\""),
                Arguments.of("year = '2024", "syntax error: Lexical error at line 1, column 13."),
                Arguments.of("  ", "the filter is empty"));
    }

    @ParameterizedTest
    @MethodSource("invalidFilters")
    void rejectsInvalidFiltersNamingExpressionAndProblem(String expression, String problem) {
        assertThatThrownBy(() -> PartitionFilter.parse(expression, DATE_KEYS))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("invalid partition filter \"" + expression + "\": " + problem);
    }

    @Test
    void rejectsLiteralThatIsNotANumberForNumericKey() {
        assertThatThrownBy(() -> PartitionFilter.parse("hour IN (1, 'two')", MIXED_KEYS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("invalid partition filter \"hour IN (1, 'two')\": hour IN (1, 'two'): 'two' is not a"
                        + " number, but partition key 'hour' is int");
    }

    @Test
    void namesTheMissingKeysOfAnUnpartitionedTable() {
        assertThatThrownBy(() -> PartitionFilter.parse("year = 1", List.of()))
                .hasMessage("invalid partition filter \"year = 1\": unknown partition key 'year'"
                        + " (the table has no partition keys)");
    }

    /** The partitions a filter keeps, as {@code a/b} joined by spaces, {@code null} for the null partition value. */
    private static String matching(String expression, List<Column> keys, List<List<String>> partitions) {
        PartitionFilter filter = PartitionFilter.parse(expression, keys);
        return String.join(
                " ",
                partitions.stream()
                        .filter(filter::matches)
                        .map(values -> String.join("/", values).replace(NULL, "null"))
                        .toList());
    }
}
