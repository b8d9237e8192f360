package io.sluice.expr;

import static java.util.Objects.requireNonNull;

import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.SortedSet;
import net.sf.jsqlparser.expression.Expression;

/**
 * Compiles SQL expressions ({@code qty * price}, {@code CAST(ts AS DATE)}, {@code lower(country) IN ('de', 'fr')})
 * against a row schema. Parsing and type checking happen here, once; problems are reported as {@link
 * ExpressionException}s that name the expression, the position and what is wrong (with a suggestion for misspelt
 * columns and functions). The result evaluates rows without parsing or looking anything up by name, and may be shared
 * between threads.
 *
 * <p><b>Syntax.</b> Literals: numbers (int, else bigint, else decimal, as written; {@code 1.5} is {@code
 * decimal(2,1)}, {@code 1e3} a double), {@code 'text'} (a doubled quote for a quote; backslashes are kept as written),
 * {@code TRUE FALSE NULL}, {@code DATE '2024-01-01'}, {@code TIMESTAMP '2024-01-01 10:00:00'}. Columns by name,
 * without regard to case, in backquotes or double quotes when needed ({@code `order date`}); struct fields {@code
 * user.country}; array elements {@code tags[0]} (0-based, as in Hive) and map values {@code attributes['color']}.
 * Operators {@code + - * / % DIV ||}, unary {@code -}, {@code = != <> < <= > >=}, {@code AND OR NOT}, {@code [NOT]
 * IN (...)}, {@code [NOT] BETWEEN}, {@code [NOT] LIKE [ESCAPE]}, {@code RLIKE}/{@code REGEXP}, {@code IS [NOT] NULL},
 * {@code IS [NOT] TRUE|FALSE}, {@code IS [NOT] DISTINCT FROM} and {@code <=>}, {@code CASE} (both forms), {@code CAST(x AS type)} to
 * any primitive Hive type, {@code EXTRACT(field FROM x)} and the functions of {@link #functionNames()}.
 *
 * <p><b>Types</b> follow Hive: see {@code TypeRules} for arithmetic (int + bigint is bigint, int * decimal(6,2) is
 * decimal(17,2), int / int is double) and comparisons. Text literals compared with dates, timestamps, numbers or
 * booleans are read as values of that type at compile time ({@code ts >= '2024-01-01'}); other text must be CAST.
 *
 * <p><b>Nulls</b> follow SQL: operators and functions of NULL are NULL, {@code AND}/{@code OR} are three-valued,
 * {@code x IN (1, NULL)} is NULL when x is not 1. As in Hive, division and remainder by zero are NULL, and so are the
 * square root and logarithms of numbers outside their domain.
 *
 * <p><b>Failures.</b> A value that a cast or function cannot convert ({@code CAST('abc' AS INT)}, a date that is no
 * date, a number out of the target's range, an arithmetic overflow) throws {@link ExpressionEvaluationException}
 * naming the expression and the value: the row becomes a bad record. Sluice never turns such a value into NULL or
 * wraps it around, where Hive would.
 *
 * <p><b>Time.</b> {@code current_date}, {@code current_timestamp} and {@code unix_timestamp()} are read from the clock
 * once, when the expression is compiled, so they are the same for every row; give all tasks of a job the same fixed
 * clock to have them agree. Timestamps have no zone; {@link #compile(String, StructType)} uses UTC.
 */
public final class Expressions {
    private Expressions() {}

    /** Compiles a scalar expression over rows of {@code schema}, reading the current time in UTC. */
    public static CompiledExpression compile(String sql, StructType schema) {
        return compile(sql, schema, Clock.systemUTC());
    }

    /** Compiles a scalar expression over rows of {@code schema}; {@code clock} gives the current date and time. */
    public static CompiledExpression compile(String sql, StructType schema, Clock clock) {
        requireNonNull(sql, "sql is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(clock, "clock is null");
        ExpressionSource source = new ExpressionSource(sql);
        Expression parsed = SqlParser.parse(source);
        ExpressionCompiler compiler = new ExpressionCompiler(source, schema, LocalDateTime.now(clock));
        return new CompiledTree(sql, compiler.compile(parsed).node());
    }

    /**
     * The top-level columns of {@code schema} an expression reads, by position (a nested field reads its top-level
     * column); fails as {@link #compile} does.
     */
    public static java.util.BitSet columnsRead(String sql, StructType schema) {
        requireNonNull(sql, "sql is null");
        requireNonNull(schema, "schema is null");
        ExpressionSource source = new ExpressionSource(sql);
        ExpressionCompiler compiler = new ExpressionCompiler(source, schema, LocalDateTime.now(Clock.systemUTC()));
        compiler.compile(SqlParser.parse(source));
        return compiler.columnsRead();
    }

    /** The type of an expression's values, for validators; fails as {@link #compile} does. */
    public static DataType typeOf(String sql, StructType schema) {
        return compile(sql, schema).type();
    }

    /** The names of the built-in functions, lower case and sorted. */
    public static SortedSet<String> functionNames() {
        return FunctionRegistry.BUILTIN.names();
    }
}
