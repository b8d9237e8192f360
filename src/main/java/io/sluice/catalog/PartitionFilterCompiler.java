package io.sluice.catalog;

import io.sluice.SluiceException;
import io.sluice.sql.BooleanStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.schema.Column;

/** Turns the text of a {@link PartitionFilter} into a tree of {@link Condition}s, checking it against the keys. */
final class PartitionFilterCompiler {
    private static final String SUPPORTED =
            "use = != <> < <= > >=, IN, BETWEEN, LIKE, IS [NOT] NULL, AND, OR, NOT and parentheses"
                    + " on partition keys and literals";
    private static final char HIVE_LIKE_ESCAPE = '\\';
    private static final BooleanStructure.Connectives<Condition> CONNECTIVES = new BooleanStructure.Connectives<>() {
        @Override
        public Condition and(Condition left, Condition right) {
            return left.and(right);
        }

        @Override
        public Condition or(Condition left, Condition right) {
            return left.or(right);
        }

        @Override
        public Condition not(Condition operand) {
            return operand.not();
        }
    };

    private final String expression;
    private final List<io.sluice.catalog.Column> keys;

    private PartitionFilterCompiler(String expression, List<io.sluice.catalog.Column> keys) {
        this.expression = expression;
        this.keys = keys;
    }

    static Condition compile(String expression, List<io.sluice.catalog.Column> keys) {
        PartitionFilterCompiler compiler = new PartitionFilterCompiler(expression, keys);
        return compiler.condition(compiler.parse());
    }

    private Expression parse() {
        if (expression.isBlank()) {
            throw invalid("the filter is empty");
        }
        try {
            // Without partial parsing, trailing text such as "year = 1 x" is an error instead of being ignored.
            return CCJSqlParserUtil.parseCondExpression(expression, false);
        } catch (JSQLParserException | TokenMgrException e) {
            throw invalid("syntax error: %s", syntaxMessage(e));
        }
    }

    private static String syntaxMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String partial = "could only parse partial expression ";
        if (message.startsWith(partial)) {
            return "unexpected text after \"" + message.substring(partial.length()) + "\"";
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    private Condition condition(Expression e) {
        return BooleanStructure.compile(e, this::predicate, CONNECTIVES);
    }

    private Condition predicate(Expression e) {
        if (e instanceof ParenthesedExpressionList<?> parenthesis && parenthesis.size() == 1) {
            return condition(parenthesis.get(0));
        }
        if (e instanceof ComparisonOperator comparison) {
            return comparison(comparison);
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (e instanceof Between between) {
            return between(between);
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof IsNullExpression isNull) {
            return isNull(isNull);
        }
        throw unsupported(e);
    }

    private Condition comparison(ComparisonOperator comparison) {
        Operator operator = Operator.of(comparison.getStringExpression());
        if (operator == null) {
            throw unsupported(comparison);
        }
        Expression left = comparison.getLeftExpression();
        Expression right = comparison.getRightExpression();
        if (left instanceof Column) {
            return compare(key(left), operator, literal(right), comparison);
        }
        if (right instanceof Column) {
            return compare(key(right), operator.flipped(), literal(left), comparison);
        }
        literal(left);
        literal(right);
        throw invalid("%s compares no partition key; compare a key with a literal, as in year = '2024'", comparison);
    }

    private <T extends Comparable<T>> Condition compare(
            FilterKey<T> key, Operator operator, String literal, Expression context) {
        T bound = value(key, literal, context);
        return values -> {
            T value = key.value(values);
            return value == null ? Truth.UNKNOWN : Truth.of(operator.test(value.compareTo(bound)));
        };
    }

    private Condition in(InExpression in) {
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            throw unsupported(in);
        }
        if (list.isEmpty()) {
            throw invalid("%s has an empty list", in);
        }
        Condition condition = in(key(in.getLeftExpression()), list, in);
        return in.isNot() ? condition.not() : condition;
    }

    private <T extends Comparable<T>> Condition in(FilterKey<T> key, List<? extends Expression> list, Expression in) {
        // A TreeSet compares with compareTo, so 7 and 7.0 are the same number.
        Set<T> set = new TreeSet<>();
        for (Expression element : list) {
            set.add(value(key, literal(element), in));
        }
        return values -> {
            T value = key.value(values);
            return value == null ? Truth.UNKNOWN : Truth.of(set.contains(value));
        };
    }

    private Condition between(Between between) {
        Condition condition = between(
                key(between.getLeftExpression()),
                literal(between.getBetweenExpressionStart()),
                literal(between.getBetweenExpressionEnd()),
                between);
        return between.isNot() ? condition.not() : condition;
    }

    private <T extends Comparable<T>> Condition between(FilterKey<T> key, String low, String high, Expression context) {
        T lowValue = value(key, low, context);
        T highValue = value(key, high, context);
        return values -> {
            T value = key.value(values);
            if (value == null) {
                return Truth.UNKNOWN;
            }
            return Truth.of(value.compareTo(lowValue) >= 0 && value.compareTo(highValue) <= 0);
        };
    }

    private Condition like(LikeExpression like) {
        if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || like.isUseBinary()) {
            throw unsupported(like);
        }
        FilterKey<?> key = key(like.getLeftExpression());
        if (!(like.getRightExpression() instanceof StringValue pattern)) {
            throw invalid("%s needs a string pattern such as '2024-%%'", like);
        }
        Pattern regex = likePattern(pattern.getNotExcapedValue(), escape(like));
        Condition condition = values -> {
            String value = key.text(values);
            return value == null ? Truth.UNKNOWN : Truth.of(regex.matcher(value).matches());
        };
        return like.isNot() ? condition.not() : condition;
    }

    private char escape(LikeExpression like) {
        if (like.getEscape() == null) {
            return HIVE_LIKE_ESCAPE;
        }
        if (like.getEscape() instanceof StringValue escape
                && escape.getNotExcapedValue().length() == 1) {
            return escape.getNotExcapedValue().charAt(0);
        }
        throw invalid("%s: ESCAPE takes a single character in quotes", like);
    }

    /** SQL LIKE as a regular expression: {@code %} is any text, {@code _} one character, escaped ones are literal. */
    private static Pattern likePattern(String pattern, char escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private Condition isNull(IsNullExpression isNull) {
        FilterKey<?> key = key(isNull.getLeftExpression());
        boolean wantNull = !isNull.isNot();
        return values -> Truth.of((key.text(values) == null) == wantNull);
    }

    private FilterKey<?> key(Expression e) {
        if (!(e instanceof Column column)) {
            throw invalid("%s is not a partition key; write the key first, as in year IN ('2023', '2024')", e);
        }
        String name = column.getTable() == null ? column.getUnquotedColumnName() : column.getFullyQualifiedName();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(name.toLowerCase(Locale.ROOT))) {
                return FilterKey.of(i, keys.get(i));
            }
        }
        throw invalid("unknown partition key '%s' (%s)%s", name, describeKeys(), doubleQuoteHint(column));
    }

    private String describeKeys() {
        if (keys.isEmpty()) {
            return "the table has no partition keys";
        }
        return keys.stream()
                .map(io.sluice.catalog.Column::name)
                .collect(Collectors.joining(", ", "partition keys: ", ""));
    }

    /** The text of a literal: a quoted string or a number, possibly signed. */
    private String literal(Expression e) {
        if (e instanceof StringValue string) {
            return string.getNotExcapedValue();
        }
        if (e instanceof LongValue number) {
            return number.getStringValue();
        }
        if (e instanceof DoubleValue number) {
            return number.toString();
        }
        if (e instanceof SignedExpression signed
                && (signed.getExpression() instanceof LongValue || signed.getExpression() instanceof DoubleValue)) {
            return (signed.getSign() == '-' ? "-" : "") + literal(signed.getExpression());
        }
        if (e instanceof NullValue) {
            throw invalid("a comparison with NULL is never true; use IS NULL or IS NOT NULL");
        }
        if (e instanceof Column column) {
            throw invalid(
                    "%s is a column, not a literal; compare a partition key with a literal%s",
                    e, doubleQuoteHint(column));
        }
        throw unsupported(e);
    }

    /** SQL reads {@code "2024"} as a name; Hive users often mean a string. */
    private static String doubleQuoteHint(Column column) {
        return column.getColumnName().startsWith("\"") ? "; quote strings with ' rather than \"" : "";
    }

    private <T extends Comparable<T>> T value(FilterKey<T> key, String literal, Expression context) {
        T value = key.literal(literal);
        if (value == null) {
            throw invalid(
                    "%s: '%s' is not a number, but partition key '%s' is %s",
                    context, literal, key.name(), key.typeName());
        }
        return value;
    }

    private SluiceException unsupported(Expression e) {
        return invalid("unsupported expression %s: %s", e, SUPPORTED);
    }

    private SluiceException invalid(String format, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(expression);
        all.addAll(List.of(args));
        return SluiceException.invalidArgument("invalid partition filter \"%s\": " + format, all.toArray());
    }

    /** The comparison operators, tested against the sign of {@code value.compareTo(literal)}. */
    private enum Operator {
        EQUAL,
        NOT_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL;

        static Operator of(String sql) {
            return switch (sql) {
                case "=" -> EQUAL;
                case "<>", "!=" -> NOT_EQUAL;
                case "<" -> LESS;
                case "<=" -> LESS_OR_EQUAL;
                case ">" -> GREATER;
                case ">=" -> GREATER_OR_EQUAL;
                default -> null;
            };
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }

        /** The operator with its operands swapped: {@code 5 < hour} is {@code hour > 5}. */
        Operator flipped() {
            return switch (this) {
                case EQUAL, NOT_EQUAL -> this;
                case LESS -> GREATER;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER -> LESS;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
            };
        }
    }
}
