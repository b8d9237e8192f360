package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.compile;
import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AND, OR and NOT against SQL's truth tables, first exhaustively for each operator, then for random nested
 * expressions written with the fewest parentheses SQL's precedence allows, which also checks that the compiler
 * groups them as SQL does (including after IN, which JSqlParser 5.3 groups wrongly).
 */
class ThreeValuedLogicTest {
    private static final Boolean[] TRUTHS = {Boolean.TRUE, Boolean.FALSE, null};
    private static final String[] COLUMNS = {"p", "q", "r"};

    @Test
    void andOrNotFollowTheTruthTables() {
        for (Boolean a : TRUTHS) {
            for (Boolean b : TRUTHS) {
                assertThat(eval("p AND q", "p", a, "q", b))
                        .as("%s AND %s", a, b)
                        .isEqualTo(and(a, b));
                assertThat(eval("p OR q", "p", a, "q", b)).as("%s OR %s", a, b).isEqualTo(or(a, b));
            }
            assertThat(eval("NOT p", "p", a)).as("NOT %s", a).isEqualTo(not(a));
        }
    }

    @Test
    void literalTruthValuesFollowTheTablesToo() {
        assertThat(eval("FALSE AND NULL")).isEqualTo(false);
        assertThat(eval("TRUE AND NULL")).isNull();
        assertThat(eval("TRUE OR NULL")).isEqualTo(true);
        assertThat(eval("FALSE OR NULL")).isNull();
        assertThat(eval("NOT NULL")).isNull();
    }

    @Test
    void randomNestedExpressionsAgreeWithTheTruthTables() {
        Random random = new Random(20240615);
        for (int i = 0; i < 300; i++) {
            Formula formula = formula(random, 4);
            String sql = formula.sql(0);
            CompiledExpression expression = compile(sql);
            for (Boolean p : TRUTHS) {
                for (Boolean q : TRUTHS) {
                    for (Boolean r : TRUTHS) {
                        Row row = row("p", p, "q", q, "r", r);
                        Boolean expected = formula.value(p, q, r);
                        assertThat(expression.evaluate(row))
                                .as("%s with p=%s q=%s r=%s", sql, p, q, r)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void precedenceIsNotBeforeAndBeforeOr() {
        assertThat(eval("p OR q AND r", "p", true, "q", false, "r", false)).isEqualTo(true);
        assertThat(eval("NOT p AND q", "p", true, "q", false)).isEqualTo(false);
        assertThat(eval("NOT p OR q", "p", true, "q", true)).isEqualTo(true);
        assertThat(eval("qty IN (1, 2) AND flag OR qty = 3")).isEqualTo(true);
        assertThat(eval("NOT qty IN (3) OR flag")).isEqualTo(true);
        assertThat(eval("CASE WHEN qty IN (3) AND NOT flag THEN 1 ELSE 2 END")).isEqualTo(2);
    }

    @Test
    void isNullAndIsTrueAreNeverNull() {
        assertThat(eval("n IS NULL")).isEqualTo(true);
        assertThat(eval("n IS NOT NULL")).isEqualTo(false);
        assertThat(eval("qty IS NOT NULL")).isEqualTo(true);
        assertThat(eval("p IS TRUE", "p", null)).isEqualTo(false);
        assertThat(eval("p IS NOT TRUE", "p", null)).isEqualTo(true);
        assertThat(eval("p IS FALSE", "p", false)).isEqualTo(true);
        assertThat(eval("p IS NOT FALSE", "p", true)).isEqualTo(true);
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    /** A boolean formula over p, q and r, with the SQL that writes it. */
    private interface Formula {
        Boolean value(Boolean p, Boolean q, Boolean r);

        /** The SQL, in parentheses when its operator binds less than {@code context} (0 OR, 1 AND, 2 NOT, 3 under NOT). */
        String sql(int context);
    }

    private static Formula formula(Random random, int depth) {
        int kind = depth == 0 ? 3 + random.nextInt(4) : random.nextInt(7);
        switch (kind) {
            case 0 -> {
                Formula a = formula(random, depth - 1);
                Formula b = formula(random, depth - 1);
                return binary(a, b, "AND", 1, (x, y) -> and(x, y));
            }
            case 1 -> {
                Formula a = formula(random, depth - 1);
                Formula b = formula(random, depth - 1);
                return binary(a, b, "OR", 0, (x, y) -> or(x, y));
            }
            case 2 -> {
                Formula a = formula(random, depth - 1);
                return new Formula() {
                    @Override
                    public Boolean value(Boolean p, Boolean q, Boolean r) {
                        return not(a.value(p, q, r));
                    }

                    @Override
                    public String sql(int context) {
                        // JSqlParser reads NOT NOT p but not three NOTs in a row: a NOT under a NOT is parenthesised.
                        String text = "NOT " + a.sql(3);
                        return context > 2 ? "(" + text + ")" : text;
                    }
                };
            }
            default -> {
                return leaf(random);
            }
        }
    }

    private interface Operator {
        Boolean apply(Boolean a, Boolean b);
    }

    private static Formula binary(Formula a, Formula b, String symbol, int precedence, Operator operator) {
        return new Formula() {
            @Override
            public Boolean value(Boolean p, Boolean q, Boolean r) {
                return operator.apply(a.value(p, q, r), b.value(p, q, r));
            }

            @Override
            public String sql(int context) {
                // The right operand of the same operator is parenthesised too: a AND (b AND c) stays as written.
                String text = a.sql(precedence) + " " + symbol + " " + b.sql(precedence + 1);
                return precedence < context ? "(" + text + ")" : text;
            }
        };
    }

    private static Formula leaf(Random random) {
        int column = random.nextInt(COLUMNS.length);
        String name = COLUMNS[column];
        List<Formula> leaves = new ArrayList<>(Arrays.asList(
                atom(name, column, value -> value),
                atom("TRUE", column, value -> true),
                atom("NULL", column, value -> null),
                atom(name + " IN (TRUE)", column, value -> value == null ? null : value),
                atom(name + " NOT IN (FALSE, NULL)", column, value -> Boolean.FALSE.equals(value) ? false : null),
                atom(name + " IS NULL", column, value -> value == null),
                atom(name + " = FALSE", column, value -> value == null ? null : !value)));
        return leaves.get(random.nextInt(leaves.size()));
    }

    private interface Truth {
        Boolean of(Boolean value);
    }

    private static Formula atom(String sql, int column, Truth truth) {
        return new Formula() {
            @Override
            public Boolean value(Boolean p, Boolean q, Boolean r) {
                return truth.of(column == 0 ? p : column == 1 ? q : r);
            }

            @Override
            public String sql(int context) {
                // NOT binds less than IN, IS and =: NOT p IN (TRUE) is NOT (p IN (TRUE)), which is how it is evaluated.
                return sql;
            }
        };
    }
}
