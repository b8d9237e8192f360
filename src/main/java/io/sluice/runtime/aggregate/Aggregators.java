package io.sluice.runtime.aggregate;

import io.sluice.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The aggregate functions Sluice runs, typed as Hive types them:
 *
 * <table>
 *   <tr><th>function</th><th>argument</th><th>result</th><th>partial</th></tr>
 *   <tr><td>count(*), count(x)</td><td>any (x null: not counted)</td><td>bigint</td><td>bigint</td></tr>
 *   <tr><td>sum</td><td>integral / float, double / decimal(p,s)</td><td>bigint / double / decimal(min(38,p+10),s)</td>
 *       <td>the result type</td></tr>
 *   <tr><td>avg</td><td>integral, float, double / decimal(p,s)</td><td>double / decimal(p-s+s', s'),
 *       s' = min(s+4, 38-(p-s))</td><td>struct&lt;sum,count:bigint&gt;</td></tr>
 *   <tr><td>min, max</td><td>any primitive type</td><td>the argument's</td><td>the argument's</td></tr>
 *   <tr><td>first, last</td><td>any</td><td>the argument's</td><td>the argument's</td></tr>
 *   <tr><td>collect_list</td><td>any</td><td>array&lt;T&gt;</td><td>array&lt;T&gt;</td></tr>
 *   <tr><td>collect_set</td><td>any but maps</td><td>array&lt;T&gt; (in key order)</td><td>array&lt;T&gt;</td></tr>
 * </table>
 *
 * <p>Null inputs are skipped except by {@code count(*)}, {@code first} and {@code last}; sum, avg, min and max of
 * only nulls are null. {@code DISTINCT} works with count, sum, avg and collect_list (see {@link Distinct} for its
 * memory), changes nothing for min and max, and is refused for first and last. Integral and decimal sums that
 * overflow their result type fail the job rather than wrap (Hive wraps bigint sums and nulls decimal ones).
 */
public final class Aggregators {
    static final List<String> FUNCTIONS =
            List.of("avg", "collect_list", "collect_set", "count", "first", "last", "max", "min", "sum");

    private Aggregators() {}

    /** {@code count(*)}. */
    public static Aggregator<?> countRows() {
        return new Count(null);
    }

    /**
     * The aggregate {@code function(argument)}, or {@code function(DISTINCT argument)}; {@code count} with a null
     * argument type is {@code count(*)}. Function names are case-insensitive.
     *
     * @throws SluiceException for an unknown function or an argument type the function does not take
     */
    public static Aggregator<?> create(String function, boolean distinct, DataType argument) {
        String name = function.toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(name)) {
            throw error("unknown aggregate function '%s'; Sluice has %s", function, String.join(", ", FUNCTIONS));
        }
        if (argument == null) {
            if (name.equals("count") && !distinct) {
                return countRows();
            }
            throw error("%s(%s*) is not valid: name the column to aggregate", name, distinct ? "DISTINCT " : "");
        }
        return switch (name) {
            case "count" -> distinct(name, distinct, argument, new Count(argument));
            case "sum" -> distinct(name, distinct, argument, sum(argument));
            case "avg" -> distinct(name, distinct, argument, avg(argument));
            case "min" -> Extreme.min(argument, order("min", argument));
            case "max" -> Extreme.max(argument, order("max", argument));
            case "first", "last" -> positional(name, distinct, argument);
            case "collect_list" -> distinct(name, distinct, argument, new CollectList(argument));
            default -> distinct(name, true, argument, new CollectList(argument));
        };
    }

    private static Aggregator<?> sum(DataType argument) {
        if (argument.isIntegral()) {
            return new IntegralSum(argument);
        }
        if (argument == PrimitiveType.FLOAT || argument == PrimitiveType.DOUBLE) {
            return new DoubleSum(argument);
        }
        if (argument instanceof DecimalType decimal) {
            return new DecimalSum(decimal);
        }
        throw notNumeric("sum", argument);
    }

    private static Aggregator<?> avg(DataType argument) {
        if (argument instanceof DecimalType decimal) {
            return new DecimalAverage(decimal);
        }
        if (argument.isNumeric()) {
            return new DoubleAverage(argument);
        }
        throw notNumeric("avg", argument);
    }

    private static Comparator<Object> order(String name, DataType argument) {
        return ValueOrder.of(argument)
                .orElseThrow(() -> error(
                        "%s(%s) is not supported: %s takes numbers, text, binary, boolean, date or timestamp",
                        name, argument, name));
    }

    private static Aggregator<?> positional(String name, boolean distinct, DataType argument) {
        if (distinct) {
            throw error(
                    "%s(DISTINCT %s) is not supported: the first or last distinct value has no order", name, argument);
        }
        return name.equals("first") ? Positional.first(argument) : Positional.last(argument);
    }

    private static Aggregator<?> distinct(String name, boolean distinct, DataType argument, Aggregator<?> inner) {
        if (!distinct) {
            return inner;
        }
        String description =
                name.equals("collect_set") ? name + "(" + argument + ")" : name + "(DISTINCT " + argument + ")";
        try {
            return new Distinct<>(description, argument, inner);
        } catch (IllegalArgumentException e) {
            throw error("%s is not supported: its values cannot be compared (%s)", description, e.getMessage());
        }
    }

    private static SluiceException notNumeric(String name, DataType argument) {
        return error(
                "%s(%s) is not supported: %s takes tinyint, smallint, int, bigint, float, double or decimal",
                name, argument, name);
    }

    private static SluiceException error(String format, Object... args) {
        return SluiceException.invalidArgument(format, args);
    }
}
