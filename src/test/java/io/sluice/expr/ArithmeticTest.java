package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArithmeticTest {

    @Test
    void integralArithmeticKeepsTheWiderType() {
        assertThat(eval("qty + 4")).isEqualTo(7);
        assertThat(eval("qty - 5")).isEqualTo(-2);
        assertThat(eval("qty * big")).isEqualTo(30L);
        assertThat(eval("tiny + tiny")).isEqualTo((byte) 14);
        assertThat(eval("small * tiny")).isEqualTo((short) 2100);
        assertThat(eval("qty % 2")).isEqualTo(1);
        assertThat(eval("-7 % 3")).isEqualTo(-1);
        assertThat(eval("qty DIV 2")).isEqualTo(1L);
        assertThat(eval("-7 DIV 2")).isEqualTo(-3L);
    }

    @Test
    void integerDivisionGivesADoubleAsInHive() {
        assertThat(eval("qty / 2")).isEqualTo(1.5);
        assertThat(eval("big / 4")).isEqualTo(2.5);
    }

    @Test
    void decimalArithmeticIsExactAtTheResultScale() {
        assertThat(eval("qty * price")).isEqualTo(new BigDecimal("29.97"));
        assertThat(eval("price + 0.011")).isEqualTo(new BigDecimal("10.001"));
        assertThat(eval("price - qty")).isEqualTo(new BigDecimal("6.99"));
        assertThat(eval("price * price")).isEqualTo(new BigDecimal("99.8001"));
        assertThat(eval("price / qty")).isEqualTo(new BigDecimal("3.3300000000000"));
        assertThat(eval("price / 3.00")).isEqualTo(new BigDecimal("3.330000"));
        assertThat(eval("1.00 / 3")).isEqualTo(new BigDecimal("0.3333333333333"));
        assertThat(eval("2.00 / 3")).isEqualTo(new BigDecimal("0.6666666666667"));
        assertThat(eval("price % 2")).isEqualTo(new BigDecimal("1.99"));
        assertThat(eval("0.1 + 0.2")).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void decimalResultsOverThirtyEightDigitsRoundToTheAdjustedScale() {
        Object value = eval("CAST(1 AS decimal(38,10)) / CAST(3 AS decimal(38,10))");
        assertThat(value).isEqualTo(new BigDecimal("0.333333"));
    }

    @Test
    void floatingArithmetic() {
        assertThat(eval("x * 2")).isEqualTo(5.0);
        assertThat(eval("x + price")).isEqualTo(12.49);
        assertThat(eval("ratio * 3")).isEqualTo(1.5f);
        assertThat(eval("ratio / 2")).isEqualTo(0.25);
        assertThat(eval("x % 1")).isEqualTo(0.5);
        assertThat(eval("1e308 * 10")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void nestedDoubleArithmeticOverColumnsGivesTheValuesOfBoxedArithmetic() {
        // qty * x - qty * ratio: int, double and float operands, computed unboxed; each step as Java computes it.
        assertThat(eval("qty * x - qty * ratio")).isEqualTo(3 * 2.5 - 3 * (double) 0.5f);
        assertThat(eval("x * 0.1 + x * 0.2")).isEqualTo(2.5 * 0.1 + 2.5 * 0.2);
        assertThat(eval("(x + 1e308) * 10 - x")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("x * big + price")).isEqualTo(2.5 * 10 + 9.99);
        assertThat(eval("qty * x - qty * ratio", "qty", null)).isNull();
        assertThat(eval("qty * x - qty * ratio", "x", null)).isNull();
        assertThat(eval("qty * x - qty * ratio", "ratio", null)).isNull();
        assertThat(eval("x * x + CAST(NULL AS double)")).isNull();
    }

    @Test
    void aDivisionByZeroInsideDoubleArithmeticStillGivesNull() {
        assertThat(eval("x * 2 + x / (qty - 3)")).isNull();
        assertThat(eval("x * 2 + x / qty")).isEqualTo(5.0 + 2.5 / 3);
        assertThat(eval("x * 2 - x % 0")).isNull();
    }

    @Test
    void unaryMinus() {
        assertThat(eval("-qty")).isEqualTo(-3);
        assertThat(eval("-price")).isEqualTo(new BigDecimal("-9.99"));
        assertThat(eval("-x")).isEqualTo(-2.5);
        assertThat(eval("-ratio")).isEqualTo(-0.5f);
        assertThat(eval("-tiny")).isEqualTo((byte) -7);
        assertThat(eval("-(-qty)")).isEqualTo(3);
        assertThat(eval("+qty")).isEqualTo(3);
        assertThat(eval("-qty", "qty", null)).isNull();
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            qty / 0
            qty / n
            price / 0
            x / 0.0
            ratio / 0
            qty % 0
            price % 0
            x % 0
            qty DIV 0
            qty + n
            n * price
            NULL + 1
            x - NULL
            n DIV 2
            -n
            """)
    void nullAndDivisionByZeroGiveNull(String sql) {
        assertThat(eval(sql)).isNull();
    }

    @Test
    void nullOperandsGiveNullForEveryResultType() {
        assertThat(eval("qty * price", "qty", null)).isNull();
        assertThat(eval("qty * price", "price", null)).isNull();
        assertThat(eval("x + ratio", "ratio", null)).isNull();
        assertThat(eval("big - qty", "big", null)).isNull();
    }

    @Test
    void integralOverflowFailsTheRowNamingTheValues() {
        assertThat(evaluationError("qty * qty", "qty", 100_000))
                .hasMessage("expression \"qty * qty\": int overflow: 100000 * 100000 does not fit;"
                        + " CAST an operand to a wider type");
        assertThat(evaluationError("tiny + tiny", "tiny", (byte) 100))
                .hasMessageContaining("tinyint overflow: 100 + 100");
        assertThat(evaluationError("big + 1", "big", Long.MAX_VALUE))
                .hasMessageContaining("bigint overflow: 9223372036854775807 + 1");
        assertThat(evaluationError("-qty", "qty", Integer.MIN_VALUE))
                .hasMessageContaining("int overflow: -(-2147483648)");
        assertThat(evaluationError("big DIV -1", "big", Long.MIN_VALUE)).hasMessageContaining("bigint overflow");
    }

    @Test
    void decimalOverflowFailsTheRow() {
        String sql = "CAST(price AS decimal(38,2)) * CAST(price AS decimal(38,0))";
        BigDecimal huge = new BigDecimal("999999999999999999999999999999999999.99");
        assertThat(evaluationError(sql, "price", huge)).hasMessageContaining("decimal(38,2) overflow");
    }

    @Test
    void constantArithmeticIsFoldedAndStillEvaluatesPerRow() {
        CompiledExpression expression = ExpressionTesting.compile("1 + 2 * 3");
        assertThat(((CompiledTree) expression).isConstant()).isTrue();
        assertThat(expression.evaluate(ExpressionTesting.row())).isEqualTo(7);
        CompiledExpression overflow = ExpressionTesting.compile("2147483647 + 1");
        assertThat(((CompiledTree) overflow).isConstant()).isFalse();
    }
}
