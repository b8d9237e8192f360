package io.sluice.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A schema with a column of every kind, rows of it by column name, and shortcuts to compile and evaluate. */
final class ExpressionTesting {
    static final StructType SCHEMA = (StructType) DataType.parse("struct<"
            + "qty:int,price:decimal(6,2),big:bigint,tiny:tinyint,small:smallint,ratio:float,x:double,"
            + "country:string,name:string,code:varchar(5),letter:char(1),day:date,ts:timestamp,flag:boolean,"
            + "p:boolean,q:boolean,r:boolean,bin:binary,tags:array<string>,ints:array<int>,attrs:map<string,int>,"
            + "ids:map<bigint,string>,user:struct<country:string,age:int,address:struct<city:string>>,"
            + "`order date`:date,n:int,text:string>");

    /** The time {@code current_date} and friends see in tests. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:34:56Z"), ZoneOffset.UTC);

    private ExpressionTesting() {}

    /** A row with the sample values; {@code overrides} are pairs of column name and value. */
    static Row row(Object... overrides) {
        Row row = new Row(SCHEMA.fields().size());
        set(row, "qty", 3);
        set(row, "price", new BigDecimal("9.99"));
        set(row, "big", 10L);
        set(row, "tiny", (byte) 7);
        set(row, "small", (short) 300);
        set(row, "ratio", 0.5f);
        set(row, "x", 2.5);
        set(row, "country", "DE");
        set(row, "name", " Ann Lee ");
        set(row, "code", "ab");
        set(row, "letter", "z");
        set(row, "day", LocalDate.of(2024, 2, 29));
        set(row, "ts", LocalDateTime.of(2024, 3, 15, 10, 30, 5));
        set(row, "flag", true);
        set(row, "bin", new byte[] {104, 105});
        set(row, "tags", List.of("a", "b", "c"));
        set(row, "ints", List.of(1, 2, 3));
        set(row, "attrs", Map.of("color", 7, "size", 2));
        set(row, "ids", Map.of(1L, "one"));
        set(row, "user", Row.of("FR", 30, Row.of("Paris")));
        set(row, "order date", LocalDate.of(2024, 1, 2));
        for (int i = 0; i < overrides.length; i += 2) {
            set(row, (String) overrides[i], overrides[i + 1]);
        }
        return row;
    }

    private static void set(Row row, String column, Object value) {
        for (int i = 0; i < SCHEMA.fields().size(); i++) {
            if (SCHEMA.fields().get(i).name().equals(column)) {
                row.set(i, value);
                return;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    static CompiledExpression compile(String sql) {
        return Expressions.compile(sql, SCHEMA, CLOCK);
    }

    /** The value of the expression over the sample row. */
    static Object eval(String sql) {
        return eval(sql, new Object[0]);
    }

    /**
     * The value of the expression over the sample row with some columns changed; checked to be the same over the row
     * with its values unboxed where rows can hold them ({@link RowTesting#unboxed}), and into a row ({@link
     * CompiledExpression#evaluateInto}).
     */
    static Object eval(String sql, Object... overrides) {
        CompiledExpression expression = compile(sql);
        Object value = expression.evaluate(row(overrides));
        Row unboxed = RowTesting.unboxed(row(overrides));
        Row out = new Row(1);
        expression.evaluateInto(unboxed, out, 0);
        assertThat(new Object[] {expression.evaluate(unboxed), out.get(0)})
                .as("%s over unboxed values, and into a row", sql)
                .isEqualTo(new Object[] {value, value});
        return value;
    }

    static String type(String sql) {
        return compile(sql).type().toString();
    }

    static ExpressionException compileError(String sql) {
        ExpressionException error = catchThrowableOfType(ExpressionException.class, () -> compile(sql));
        assertThat(error).as("compile error of %s", sql).isNotNull();
        return error;
    }

    static ExpressionEvaluationException evaluationError(String sql, Object... overrides) {
        CompiledExpression expression = compile(sql);
        ExpressionEvaluationException error =
                catchThrowableOfType(ExpressionEvaluationException.class, () -> expression.evaluate(row(overrides)));
        assertThat(error).as("evaluation error of %s", sql).isNotNull();
        ExpressionEvaluationException into = catchThrowableOfType(
                ExpressionEvaluationException.class,
                () -> expression.evaluateInto(RowTesting.unboxed(row(overrides)), new Row(1), 0));
        assertThat(into).as("evaluation error of %s into a row", sql).isNotNull();
        assertThat(into.getMessage()).isEqualTo(error.getMessage());
        return error;
    }
}
