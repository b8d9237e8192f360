package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.SCHEMA;
import static io.sluice.expr.ExpressionTesting.compile;
import static io.sluice.expr.ExpressionTesting.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void theColumnsAnExpressionReadsAreItsTopLevelColumns() {
        io.sluice.types.StructType schema = (io.sluice.types.StructType) io.sluice.types.DataType.parse(
                "struct<id:int,user:struct<name:string,city:string>,qty:int,price:double,note:string>");

        assertThat(Expressions.columnsRead("qty * price", schema).toString()).isEqualTo("{2, 3}");
        assertThat(Expressions.columnsRead("upper(user.city) || note", schema).toString())
                .isEqualTo("{1, 4}");
        assertThat(Expressions.columnsRead("CASE WHEN id > 3 THEN 1 ELSE 0 END", schema)
                        .toString())
                .isEqualTo("{0}");
        assertThat(Expressions.columnsRead("current_date", schema).isEmpty()).isTrue();
    }

    @Test
    void everyFunctionOfTheReferenceIsBuiltIn() {
        assertThat(Expressions.functionNames())
                .containsExactly(
                        "abs",
                        "ceil",
                        "ceiling",
                        "coalesce",
                        "concat",
                        "concat_ws",
                        "date_add",
                        "date_format",
                        "date_sub",
                        "date_trunc",
                        "datediff",
                        "day",
                        "dayofmonth",
                        "dayofweek",
                        "exp",
                        "floor",
                        "from_unixtime",
                        "greatest",
                        "hour",
                        "if",
                        "least",
                        "length",
                        "ln",
                        "log10",
                        "lower",
                        "ltrim",
                        "minute",
                        "month",
                        "nullif",
                        "nvl",
                        "pow",
                        "power",
                        "quarter",
                        "regexp_extract",
                        "regexp_replace",
                        "replace",
                        "round",
                        "rtrim",
                        "second",
                        "sign",
                        "size",
                        "split",
                        "sqrt",
                        "substr",
                        "substring",
                        "to_date",
                        "to_timestamp",
                        "trim",
                        "unix_timestamp",
                        "upper",
                        "year");
    }

    @Test
    void functionNamesIgnoreCase() {
        assertThat(ExpressionTesting.eval("UPPER(Country)")).isEqualTo("DE");
        assertThat(ExpressionTesting.eval("Coalesce(N, Qty)")).isEqualTo(3);
    }

    @Test
    void aCompiledExpressionEvaluatesEveryRowItIsGiven() {
        CompiledExpression expression = compile("qty * price");
        assertThat(expression.evaluate(row("qty", 2))).isEqualTo(new BigDecimal("19.98"));
        assertThat(expression.evaluate(row("qty", 0))).isEqualTo(new BigDecimal("0.00"));
        assertThat(expression.evaluate(row("qty", null))).isNull();
    }

    @Test
    void aCompiledExpressionMayBeSharedBetweenThreads() throws Exception {
        CompiledExpression expression =
                compile("CASE WHEN name LIKE '%7' THEN upper(name) ELSE concat(name, '-', qty * price) END");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Row row = row("name", "n" + i, "qty", i);
                        Object expected = i % 10 == 7
                                ? "N" + i
                                : "n" + i + "-" + new BigDecimal("9.99").multiply(BigDecimal.valueOf(i));
                        if (!expected.equals(expression.evaluate(row))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void typeOfReportsErrorsAsCompileDoes() {
        ExpressionException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                ExpressionException.class, () -> Expressions.typeOf("qty +", SCHEMA));
        assertThat(error.getMessage()).startsWith("expression \"qty +\": syntax error");
    }

    @Test
    void theCompiledExpressionPrintsAsItsText() {
        assertThat(compile("qty  *  price")).hasToString("qty  *  price");
    }
}
