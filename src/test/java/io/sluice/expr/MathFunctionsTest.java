package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest {

    @Test
    void absKeepsTheType() {
        assertThat(eval("abs(-qty)")).isEqualTo(3);
        assertThat(eval("abs(-price)")).isEqualTo(new BigDecimal("9.99"));
        assertThat(eval("abs(-x)")).isEqualTo(2.5);
        assertThat(eval("abs(-ratio)")).isEqualTo(0.5f);
        assertThat(eval("abs(tiny)")).isEqualTo((byte) 7);
        assertThat(eval("abs(big)", "big", -4L)).isEqualTo(4L);
        assertThat(evaluationError("abs(qty)", "qty", Integer.MIN_VALUE))
                .hasMessageEndingWith("int overflow: abs(-2147483648) does not fit");
    }

    @Test
    void roundIsHalfUp() {
        assertThat(eval("round(price)")).isEqualTo(new BigDecimal("10"));
        assertThat(eval("round(price, 1)")).isEqualTo(new BigDecimal("10.0"));
        assertThat(eval("round(2.345, 2)")).isEqualTo(new BigDecimal("2.35"));
        assertThat(eval("round(-2.5)")).isEqualTo(new BigDecimal("-3"));
        assertThat(eval("round(price, 5)")).isEqualTo(new BigDecimal("9.99"));
        assertThat(eval("round(price, -1)")).isEqualTo(new BigDecimal("10"));
        assertThat(eval("round(x)")).isEqualTo(3.0);
        assertThat(eval("round(2.675e0, 2)")).isEqualTo(2.68);
        assertThat(eval("round(ratio)")).isEqualTo(1.0f);
        assertThat(eval("round(qty)")).isEqualTo(3);
        assertThat(eval("round(1234, -2)")).isEqualTo(1200);
        assertThat(eval("round(1250, -2)")).isEqualTo(1300);
        assertThat(eval("round(x)", "x", Double.NaN)).isEqualTo(Double.NaN);
        assertThat(eval("round(tiny, -2)", "tiny", (byte) 127)).isEqualTo((byte) 100);
        assertThat(evaluationError("round(tiny, -1)", "tiny", (byte) 125))
                .hasMessageContaining("is out of range for tinyint");
    }

    @Test
    void roundingADoubleAgreesWithRoundingItsDecimalText() {
        // The fast path (no BigDecimal) must give what half-up rounding of the shortest decimal text gives, also at
        // halves that the double only nearly holds (1.005, 2.675...) and for values of every size and sign.
        java.util.Random random = new java.util.Random(8);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
                1.005, 2.675, 0.125, -0.125, 1.5, -1.5, 0.5, -0.5, 0.0, -0.0, -0.004, 1e15 + 0.5, 4.35, 123456.785));
        for (int i = 0; i < 40_000; i++) {
            double value =
                    switch (i % 4) {
                        case 0 -> (random.nextInt(2_000_000) - 1_000_000) / 1000.0 + 0.0005; // halves at three places
                        case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
                        case 2 -> (random.nextLong() % 100_000_000L) / 100.0; // money
                        default -> Double.longBitsToDouble(random.nextLong());
                    };
            values.add(value);
        }
        for (double value : values) {
            for (int places = -2; places <= 10; places++) {
                Double expected = Double.isFinite(value)
                        ? new BigDecimal(Double.toString(value))
                                .setScale(places, java.math.RoundingMode.HALF_UP)
                                .doubleValue()
                        : value;
                assertThat(Double.valueOf(MathFunctions.roundDouble(value, places))) // equals: signs of 0, NaN
                        .as("round(%s, %d)", value, places)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void floorAndCeil() {
        assertThat(eval("floor(x)")).isEqualTo(2L);
        assertThat(eval("ceil(x)")).isEqualTo(3L);
        assertThat(eval("ceiling(-x)")).isEqualTo(-2L);
        assertThat(eval("floor(-x)")).isEqualTo(-3L);
        assertThat(eval("floor(price)")).isEqualTo(new BigDecimal("9"));
        assertThat(eval("ceil(price)")).isEqualTo(new BigDecimal("10"));
        assertThat(eval("floor(-price)")).isEqualTo(new BigDecimal("-10"));
        assertThat(eval("floor(qty)")).isEqualTo(3L);
        assertThat(evaluationError("floor(1e30)")).hasMessageContaining("is out of range for bigint");
    }

    @Test
    void realFunctions() {
        assertThat(eval("sqrt(16)")).isEqualTo(4.0);
        assertThat((Double) eval("ln(x)")).isCloseTo(Math.log(2.5), within(1e-12));
        assertThat(eval("log10(1000)")).isEqualTo(3.0);
        assertThat(eval("exp(0)")).isEqualTo(1.0);
        assertThat(eval("pow(2, 10)")).isEqualTo(1024.0);
        assertThat(eval("power(price, 0)")).isEqualTo(1.0);
        assertThat(eval("sign(-x)")).isEqualTo(-1.0);
        assertThat(eval("sign(qty - 3)")).isEqualTo(0.0);
        assertThat(eval("sign(-price)")).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            sqrt(-1)
            ln(0)
            ln(-x)
            log10(-1)
            abs(n)
            round(n)
            round(n, 2)
            floor(n)
            ceil(n)
            sqrt(n)
            exp(n)
            pow(n, 2)
            pow(2, n)
            sign(n)
            """)
    void nullArgumentsAndValuesOutsideTheDomainGiveNull(String sql) {
        assertThat(eval(sql)).isNull();
    }
}
