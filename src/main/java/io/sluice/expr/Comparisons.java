package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The nodes that compare values: {@code = <> < <= > >=}, {@code BETWEEN}, {@code IN} and {@code IS [NOT] DISTINCT
 * FROM}. Operands keep their own types; the {@link ValueOrder} chosen at compile time compares them.
 *
 * <p>Null semantics: a comparison with NULL is NULL; {@code x BETWEEN a AND b} is {@code x >= a AND x <= b} in
 * three-valued logic; {@code x IN (...)} is true when x equals an item, else NULL when x or an item is NULL, else
 * false. {@code IS DISTINCT FROM} treats two NULLs as equal and is never NULL.
 */
final class Comparisons {
    /** Up to this many constant IN items, a linear scan beats sorting and binary search. */
    private static final int LINEAR_SCAN_LIMIT = 8;

    private Comparisons() {}

    static Node compare(Relation operator, ValueOrder order, Node left, Node right) {
        if ((order == ValueOrder.INTEGRAL || order == ValueOrder.FLOATING) && left.onlyReads() && right.onlyReads()) {
            return new NumberComparison(operator, order == ValueOrder.INTEGRAL, left, right);
        }
        return new Comparison(operator, order, left, right);
    }

    /** {@code value BETWEEN low AND high}, all of one type that {@code order} compares. */
    static Node between(ValueOrder order, Node value, Node low, Node high) {
        return new Between(order, value, low, high);
    }

    /**
     * {@code value IN (items)}, all of one type that {@code order} compares; constant items are searched in a sorted
     * array.
     */
    static Node in(ValueOrder order, Node value, List<Node> items) {
        Object[] constants = items.stream()
                .filter(Node::isConstant)
                .map(item -> ((Constant) item).value())
                .filter(v -> v != null)
                .sorted(order::compare)
                .toArray();
        boolean constantNull = items.stream().anyMatch(item -> item.isConstant() && ((Constant) item).value() == null);
        Node[] others = items.stream().filter(item -> !item.isConstant()).toArray(Node[]::new);
        return new In(order, value, constants, constantNull, others);
    }

    static Node distinct(ValueOrder order, Node left, Node right, boolean negated) {
        return new Distinct(order, left, right, negated);
    }

    private static final class Comparison extends Node {
        private final Relation operator;
        private final ValueOrder order;
        private final Node left;
        private final Node right;

        Comparison(Relation operator, ValueOrder order, Node left, Node right) {
            super(PrimitiveType.BOOLEAN);
            this.operator = operator;
            this.order = order;
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Row row) {
            Object a = left.evaluate(row);
            if (a == null) {
                return null;
            }
            Object b = right.evaluate(row);
            return b == null ? null : Logic.truth(operator.test(order.compare(a, b)));
        }
    }

    /**
     * A comparison of numbers read from the row or constant, as in {@code qty > 0}: compared as primitives, the values
     * never boxed. Compares as {@link ValueOrder#INTEGRAL} and {@link ValueOrder#FLOATING} do.
     */
    private static final class NumberComparison extends Node {
        private final Relation operator;
        private final boolean integral;
        private final Node left;
        private final Node right;

        NumberComparison(Relation operator, boolean integral, Node left, Node right) {
            super(PrimitiveType.BOOLEAN);
            this.operator = operator;
            this.integral = integral;
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Row row) {
            if (left.isNull(row) || right.isNull(row)) {
                return null;
            }
            int comparison;
            if (integral) {
                comparison = Long.compare(left.longValue(row), right.longValue(row));
            } else {
                double x = left.doubleValue(row);
                double y = right.doubleValue(row);
                comparison = x == y ? 0 : Double.compare(x, y);
            }
            return Logic.truth(operator.test(comparison));
        }
    }

    private static final class Between extends Node {
        private final ValueOrder order;
        private final Node value;
        private final Node low;
        private final Node high;

        Between(ValueOrder order, Node value, Node low, Node high) {
            super(PrimitiveType.BOOLEAN);
            this.order = order;
            this.value = value;
            this.low = low;
            this.high = high;
        }

        @Override
        Object evaluate(Row row) {
            Object x = value.evaluate(row);
            if (x == null) {
                return null;
            }
            Object a = low.evaluate(row);
            Object b = high.evaluate(row);
            if ((a != null && order.compare(x, a) < 0) || (b != null && order.compare(x, b) > 0)) {
                return Boolean.FALSE;
            }
            return a == null || b == null ? null : Boolean.TRUE;
        }
    }

    private static final class In extends Node {
        private final ValueOrder order;
        private final Comparator<Object> comparator;
        private final Node value;
        private final Object[] constants;
        private final boolean constantNull;
        private final Node[] others;

        In(ValueOrder order, Node value, Object[] constants, boolean constantNull, Node[] others) {
            super(PrimitiveType.BOOLEAN);
            this.order = order;
            this.comparator = order::compare;
            this.value = value;
            this.constants = constants;
            this.constantNull = constantNull;
            this.others = others;
        }

        @Override
        Object evaluate(Row row) {
            Object x = value.evaluate(row);
            if (x == null) {
                return null;
            }
            if (containsConstant(x)) {
                return Boolean.TRUE;
            }
            boolean sawNull = constantNull;
            for (Node other : others) {
                Object item = other.evaluate(row);
                if (item == null) {
                    sawNull = true;
                } else if (order.compare(x, item) == 0) {
                    return Boolean.TRUE;
                }
            }
            return sawNull ? null : Boolean.FALSE;
        }

        private boolean containsConstant(Object x) {
            if (constants.length > LINEAR_SCAN_LIMIT) {
                return Arrays.binarySearch(constants, x, comparator) >= 0;
            }
            for (Object constant : constants) {
                if (order.compare(x, constant) == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Distinct extends Node {
        private final ValueOrder order;
        private final Node left;
        private final Node right;
        private final boolean negated;

        Distinct(ValueOrder order, Node left, Node right, boolean negated) {
            super(PrimitiveType.BOOLEAN);
            this.order = order;
            this.left = left;
            this.right = right;
            this.negated = negated;
        }

        @Override
        Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            boolean distinct = a == null || b == null ? a != b : order.compare(a, b) != 0;
            return Logic.truth(distinct != negated);
        }
    }
}
