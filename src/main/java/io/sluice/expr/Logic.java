package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.PrimitiveType;

/**
 * The boolean nodes, in SQL's three-valued logic: {@code FALSE AND NULL} is false, {@code TRUE OR NULL} is true, any
 * other combination with NULL is NULL; {@code NOT NULL} is NULL. {@code IS [NOT] NULL} and {@code IS [NOT]
 * TRUE|FALSE} are never NULL.
 */
final class Logic {
    private Logic() {}

    static Node and(Node left, Node right) {
        return new Junction(left, right, Boolean.FALSE);
    }

    static Node or(Node left, Node right) {
        return new Junction(left, right, Boolean.TRUE);
    }

    static Node not(Node operand) {
        return new Not(operand);
    }

    static Node isNull(Node operand, boolean negated) {
        return new IsNull(operand, negated);
    }

    /** {@code x IS [NOT] TRUE|FALSE}: whether x is the given value, NULL being neither. */
    static Node is(Node operand, boolean value, boolean negated) {
        return new Is(operand, value, negated);
    }

    static Boolean truth(boolean value) {
        return value ? Boolean.TRUE : Boolean.FALSE;
    }

    /**
     * {@code AND} (dominant value false) and {@code OR} (dominant value true): the dominant value of either side
     * decides, without the other side when it is the left one; otherwise NULL on either side gives NULL.
     */
    private static final class Junction extends Node {
        private final Node left;
        private final Node right;
        private final Boolean dominant;
        private final Boolean otherwise;

        Junction(Node left, Node right, Boolean dominant) {
            super(PrimitiveType.BOOLEAN);
            this.left = left;
            this.right = right;
            this.dominant = dominant;
            this.otherwise = !dominant;
        }

        @Override
        Object evaluate(Row row) {
            Object a = left.evaluate(row);
            if (dominant.equals(a)) {
                return dominant;
            }
            Object b = right.evaluate(row);
            if (dominant.equals(b)) {
                return dominant;
            }
            return a == null || b == null ? null : otherwise;
        }
    }

    private static final class Not extends Node {
        private final Node operand;

        Not(Node operand) {
            super(PrimitiveType.BOOLEAN);
            this.operand = operand;
        }

        @Override
        Object evaluate(Row row) {
            Object value = operand.evaluate(row);
            return value == null ? null : truth(!(Boolean) value);
        }
    }

    private static final class IsNull extends Node {
        private final Node operand;
        private final boolean negated;

        IsNull(Node operand, boolean negated) {
            super(PrimitiveType.BOOLEAN);
            this.operand = operand;
            this.negated = negated;
        }

        @Override
        Object evaluate(Row row) {
            return truth((operand.evaluate(row) == null) != negated);
        }
    }

    private static final class Is extends Node {
        private final Node operand;
        private final Boolean value;
        private final boolean negated;

        Is(Node operand, boolean value, boolean negated) {
            super(PrimitiveType.BOOLEAN);
            this.operand = operand;
            this.value = value;
            this.negated = negated;
        }

        @Override
        Object evaluate(Row row) {
            return truth(value.equals(operand.evaluate(row)) != negated);
        }
    }
}
