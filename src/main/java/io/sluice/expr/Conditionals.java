package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import java.util.List;

/**
 * The nodes that choose a value: {@code CASE} (searched and simple), {@code COALESCE}, {@code NULLIF}, {@code
 * greatest} and {@code least}. Branches are evaluated only when chosen. Every branch already has the node's type.
 */
final class Conditionals {
    private Conditionals() {}

    /** {@code CASE WHEN c1 THEN r1 ... ELSE e END}: the first branch whose condition is true. */
    static Node searchedCase(DataType type, List<Node> conditions, List<Node> results, Node otherwise) {
        return new SearchedCase(type, conditions.toArray(Node[]::new), results.toArray(Node[]::new), otherwise);
    }

    /** {@code CASE x WHEN v1 THEN r1 ... ELSE e END}: x is evaluated once; a NULL x matches no branch. */
    static Node simpleCase(
            DataType type, ValueOrder order, Node operand, List<Node> values, List<Node> results, Node otherwise) {
        return new SimpleCase(
                type, order, operand, values.toArray(Node[]::new), results.toArray(Node[]::new), otherwise);
    }

    static Node coalesce(DataType type, List<Node> operands) {
        return new Coalesce(type, operands.toArray(Node[]::new));
    }

    /** {@code NULLIF(a, b)}: NULL when a equals b, else a. */
    static Node nullIf(ValueOrder order, Node value, Node other) {
        return new NullIf(order, value, other);
    }

    /** {@code greatest} ({@code sign} 1) or {@code least} (-1): NULL when any operand is NULL, as in Hive 2+. */
    static Node extremum(DataType type, ValueOrder order, List<Node> operands, int sign) {
        return new Extremum(type, order, operands.toArray(Node[]::new), sign);
    }

    private static final class SearchedCase extends Node {
        private final Node[] conditions;
        private final Node[] results;
        private final Node otherwise;

        SearchedCase(DataType type, Node[] conditions, Node[] results, Node otherwise) {
            super(type);
            this.conditions = conditions;
            this.results = results;
            this.otherwise = otherwise;
        }

        @Override
        Object evaluate(Row row) {
            for (int i = 0; i < conditions.length; i++) {
                if (Boolean.TRUE.equals(conditions[i].evaluate(row))) {
                    return results[i].evaluate(row);
                }
            }
            return otherwise.evaluate(row);
        }
    }

    private static final class SimpleCase extends Node {
        private final ValueOrder order;
        private final Node operand;
        private final Node[] values;
        private final Node[] results;
        private final Node otherwise;

        SimpleCase(DataType type, ValueOrder order, Node operand, Node[] values, Node[] results, Node otherwise) {
            super(type);
            this.order = order;
            this.operand = operand;
            this.values = values;
            this.results = results;
            this.otherwise = otherwise;
        }

        @Override
        Object evaluate(Row row) {
            Object x = operand.evaluate(row);
            if (x != null) {
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i].evaluate(row);
                    if (value != null && order.compare(x, value) == 0) {
                        return results[i].evaluate(row);
                    }
                }
            }
            return otherwise.evaluate(row);
        }
    }

    private static final class Coalesce extends Node {
        private final Node[] operands;

        Coalesce(DataType type, Node[] operands) {
            super(type);
            this.operands = operands;
        }

        @Override
        Object evaluate(Row row) {
            for (Node operand : operands) {
                Object value = operand.evaluate(row);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
    }

    private static final class NullIf extends Node {
        private final ValueOrder order;
        private final Node value;
        private final Node other;

        NullIf(ValueOrder order, Node value, Node other) {
            super(value.type());
            this.order = order;
            this.value = value;
            this.other = other;
        }

        @Override
        Object evaluate(Row row) {
            Object a = value.evaluate(row);
            if (a == null) {
                return null;
            }
            Object b = other.evaluate(row);
            return b != null && order.compare(a, b) == 0 ? null : a;
        }
    }

    private static final class Extremum extends Node {
        private final ValueOrder order;
        private final Node[] operands;
        private final int sign;

        Extremum(DataType type, ValueOrder order, Node[] operands, int sign) {
            super(type);
            this.order = order;
            this.operands = operands;
            this.sign = sign;
        }

        @Override
        Object evaluate(Row row) {
            Object best = null;
            for (Node operand : operands) {
                Object value = operand.evaluate(row);
                if (value == null) {
                    return null;
                }
                if (best == null || order.compare(value, best) * sign > 0) {
                    best = value;
                }
            }
            return best;
        }
    }
}
