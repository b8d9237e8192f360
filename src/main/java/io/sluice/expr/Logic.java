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
        return new And(left, right);
    }

    static Node or(Node left, Node right) {
        return new Or(left, right);
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

    private static final class And extends Node {
        private final Node left;
        private final Node right;

        And(Node left, Node right) {
            super(PrimitiveType.BOOLEAN);
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Row row) {
            Object a = left.evaluate(row);
            if (Boolean.FALSE.equals(a)) {
                return Boolean.FALSE;
            }
            Object b = right.evaluate(row);
            if (Boolean.FALSE.equals(b)) {
                return Boolean.FALSE;
            }
            return a == null || b == null ? null : Boolean.TRUE;
        }
    }

    private static final class Or extends Node {
        private final Node left;
        private final Node right;

        Or(Node left, Node right) {
            super(PrimitiveType.BOOLEAN);
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Row row) {
            Object a = left.evaluate(row);
            if (Boolean.TRUE.equals(a)) {
                return Boolean.TRUE;
            }
            Object b = right.evaluate(row);
            if (Boolean.TRUE.equals(b)) {
                return Boolean.TRUE;
            }
            return a == null || b == null ? null : Boolean.FALSE;
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
