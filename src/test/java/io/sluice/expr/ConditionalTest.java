package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ConditionalTest {

    @Test
    void searchedCaseTakesTheFirstTrueBranch() {
        String sql = "CASE WHEN qty > 10 THEN 'many' WHEN qty > 2 THEN 'some' ELSE 'few' END";
        assertThat(eval(sql)).isEqualTo("some");
        assertThat(eval(sql, "qty", 11)).isEqualTo("many");
        assertThat(eval(sql, "qty", 1)).isEqualTo("few");
        assertThat(eval(sql, "qty", null)).isEqualTo("few");
    }

    @Test
    void caseWithoutElseIsNull() {
        assertThat(eval("CASE WHEN qty > 10 THEN 1 END")).isNull();
        assertThat(eval("CASE WHEN p THEN 1 END", "p", null)).isNull();
    }

    @Test
    void caseResultsTakeTheCommonType() {
        assertThat(eval("CASE WHEN flag THEN qty ELSE big END")).isEqualTo(3L);
        assertThat(eval("CASE WHEN flag THEN qty ELSE price END")).isEqualTo(new BigDecimal("3.00"));
        assertThat(eval("CASE WHEN flag THEN day ELSE ts END")).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(eval("CASE WHEN NOT flag THEN NULL ELSE day END")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aCommonDecimalTypeOverThirtyEightDigitsRoundsTheDecimalsItCannotKeep() {
        String sql = "CASE WHEN flag THEN big ELSE 0.123456789012345678951 END";
        assertThat(ExpressionTesting.type(sql)).isEqualTo("decimal(38,19)");
        assertThat(eval(sql, "flag", false)).isEqualTo(new BigDecimal("0.1234567890123456790"));
        assertThat(eval(sql)).isEqualTo(new BigDecimal("10.0000000000000000000"));
    }

    @Test
    void simpleCaseComparesTheOperandOnce() {
        String sql = "CASE country WHEN 'FR' THEN 1 WHEN 'DE' THEN 2 ELSE 0 END";
        assertThat(eval(sql)).isEqualTo(2);
        assertThat(eval(sql, "country", "IT")).isEqualTo(0);
        assertThat(eval(sql, "country", null)).isEqualTo(0);
        assertThat(eval("CASE qty WHEN 3.0 THEN 'three' END")).isEqualTo("three");
        assertThat(eval("CASE day WHEN '2024-02-29' THEN 'leap' END")).isEqualTo("leap");
        assertThat(eval("CASE qty WHEN n THEN 'null' ELSE 'other' END")).isEqualTo("other");
    }

    @Test
    void coalesceTakesTheFirstNonNull() {
        assertThat(eval("coalesce(n, qty, big)")).isEqualTo(3L);
        assertThat(eval("coalesce(n, NULL)")).isNull();
        assertThat(eval("coalesce(text, country)", "text", null)).isEqualTo("DE");
        assertThat(eval("coalesce(text, country)", "text", "x")).isEqualTo("x");
        assertThat(eval("nvl(n, 0)")).isEqualTo(0);
    }

    @Test
    void nullIfIsNullWhenEqual() {
        assertThat(eval("nullif(qty, 3)")).isNull();
        assertThat(eval("nullif(qty, 4)")).isEqualTo(3);
        assertThat(eval("nullif(qty, n)")).isEqualTo(3);
        assertThat(eval("nullif(n, 1)")).isNull();
        assertThat(eval("nullif(price, 9.990)")).isNull();
        assertThat(eval("nullif(country, '')")).isEqualTo("DE");
    }

    @Test
    void ifChoosesByTheCondition() {
        assertThat(eval("IF(flag, 'yes', 'no')")).isEqualTo("yes");
        assertThat(eval("if(NOT flag, 'yes', 'no')")).isEqualTo("no");
        assertThat(eval("IF(p, 'yes', 'no')", "p", null)).isEqualTo("no");
        assertThat(eval("IF(flag, qty, price)")).isEqualTo(new BigDecimal("3.00"));
    }

    @Test
    void greatestAndLeastAreNullWithANullArgument() {
        assertThat(eval("greatest(qty, big, 7)")).isEqualTo(10L);
        assertThat(eval("least(qty, big, 7)")).isEqualTo(3L);
        assertThat(eval("greatest(price, 10)")).isEqualTo(new BigDecimal("10.00"));
        assertThat(eval("least(country, 'AB', code)")).isEqualTo("AB");
        assertThat(eval("greatest(day, ts)")).isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 30, 5));
        assertThat(eval("greatest(qty, n)")).isNull();
        assertThat(eval("least(x, n, 1)")).isNull();
    }
}
