package io.sluice.job;

import io.sluice.definition.Suggestions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the aggregate of a {@code reduce} column: one call {@code function([DISTINCT] argument)} or {@code count(*)}.
 * The argument is a scalar expression, left to the expression compiler.
 */
final class AggregateCalls {
    private static final Pattern DISTINCT = Pattern.compile("(?is)\\s*distinct\\b\\s*(.*)");
    private static final String KNOWN = Arrays.stream(AggregateFunction.values())
            .map(AggregateFunction::spelling)
            .collect(Collectors.joining(", "));

    /** A parsed call; {@code argument} is empty for {@code count(*)}. */
    record Call(AggregateFunction function, boolean distinct, Optional<String> argument) {}

    private AggregateCalls() {}

    /**
     * The call; anything else fails with an {@link IllegalArgumentException} that says what to write instead, knowing
     * the stage's group-by columns.
     */
    static Call parse(String sql, Collection<String> groupBy) {
        List<SqlText.Name> names = SqlText.names(sql);
        String trimmed = sql.trim();
        if (names.isEmpty()
                || names.get(0).offset() != sql.indexOf(trimmed)
                || !names.get(0).call()) {
            throw notAggregate(sql, groupBy);
        }
        SqlText.Name first = names.get(0);
        Optional<AggregateFunction> function = AggregateFunction.of(first.text());
        if (function.isEmpty()) {
            throw unknownFunction(sql, first.text(), groupBy);
        }
        int open = sql.indexOf('(', first.offset() + first.text().length());
        int close = SqlText.closingParenthesis(sql, open);
        if (close < 0) {
            throw new IllegalArgumentException(
                    "'" + sql + "': the parenthesis after " + first.text() + " is not closed");
        }
        if (!sql.substring(close + 1).isBlank()) {
            throw new IllegalArgumentException("'" + sql + "' is not one aggregate call: write one call per column,"
                    + " such as sum(qty) or count(DISTINCT order_id), and combine them in a later map stage");
        }
        return call(sql, function.get(), sql.substring(open + 1, close));
    }

    private static Call call(String sql, AggregateFunction function, String inside) {
        Matcher distinct = DISTINCT.matcher(inside);
        boolean isDistinct = distinct.matches();
        String argument = (isDistinct ? distinct.group(1) : inside).trim();
        if (argument.isEmpty()) {
            throw new IllegalArgumentException("'" + sql + "': " + function.spelling() + " needs an argument");
        }
        if (isDistinct && !function.allowsDistinct()) {
            throw new IllegalArgumentException("'" + sql + "': " + function.spelling() + " does not take DISTINCT");
        }
        if (argument.equals("*")) {
            if (function != AggregateFunction.COUNT || isDistinct) {
                throw new IllegalArgumentException("'" + sql + "': only count(*) takes *");
            }
            return new Call(function, false, Optional.empty());
        }
        if (!SqlText.topLevelCommas(argument).isEmpty()) {
            throw new IllegalArgumentException("'" + sql + "': " + function.spelling() + " takes one argument");
        }
        Optional<SqlText.Name> nested = SqlText.aggregateCall(argument);
        if (nested.isPresent()) {
            throw new IllegalArgumentException("'" + sql + "': aggregate calls cannot be nested ("
                    + nested.get().text() + " inside " + function.spelling() + ")");
        }
        return new Call(function, isDistinct, Optional.of(argument));
    }

    private static IllegalArgumentException unknownFunction(String sql, String name, Collection<String> groupBy) {
        List<String> known = Arrays.stream(AggregateFunction.values())
                .map(AggregateFunction::spelling)
                .toList();
        Optional<String> suggestion = Suggestions.closest(name, known);
        if (suggestion.isPresent()) {
            return new IllegalArgumentException(
                    "unknown aggregate function '" + name + "' (did you mean '" + suggestion.get() + "'?)");
        }
        return notAggregate(sql, groupBy);
    }

    private static IllegalArgumentException notAggregate(String sql, Collection<String> groupBy) {
        Optional<String> column = SqlText.columnName(sql);
        if (column.isPresent()) {
            String name = column.get();
            if (groupBy.stream().anyMatch(name::equalsIgnoreCase)) {
                return new IllegalArgumentException(
                        "'" + name + "' is a group_by column, which the output has already: remove it from aggregate");
            }
            return new IllegalArgumentException("column '" + name + "' is neither grouped nor aggregated:"
                    + " add it to group_by or aggregate it, as in first(" + sql.trim() + ")");
        }
        return new IllegalArgumentException("'" + sql + "' is not an aggregate: write one call of " + KNOWN
                + ", or compute it from the group_by columns in a later map stage");
    }
}
