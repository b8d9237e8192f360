package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic nodes, one per kind of result: integral, float, double, decimal. Operands are read through {@link
 * Number}, so an int operand of a bigint sum needs no conversion node.
 *
 * <p>As in Hive, division and remainder by zero give NULL. Unlike Hive, which wraps integers around and turns
 * decimal overflow into NULL, an overflow fails the row with the values involved, so that no wrong or missing value
 * is written silently.
 */
final class Arithmetic {
    private Arithmetic() {}

    static Node of(ArithmeticOperator operator, DataType result, Node left, Node right) {
        if (result instanceof DecimalType decimal) {
            return new DecimalArithmetic(operator, decimal, left, right);
        }
        if (result == PrimitiveType.DOUBLE) {
            return UnboxedDoubleArithmetic.takes(operator, left, right)
                    ? new UnboxedDoubleArithmetic(operator, left, right)
                    : new DoubleArithmetic(operator, left, right);
        }
        if (result == PrimitiveType.FLOAT) {
            return new FloatArithmetic(operator, left, right);
        }
        return new IntegralArithmetic(operator, (PrimitiveType) result, left, right);
    }

    static Node negate(Node operand) {
        return new Negation(operand);
    }

    /** Fails the row: the value does not fit its type. */
    static ExpressionEvaluationException overflow(
            DataType type, Object left, ArithmeticOperator operator, Object right) {
        return new ExpressionEvaluationException(type + " overflow: " + text(left) + " " + operator.symbol() + " "
                + text(right) + " does not fit; CAST an operand to a wider type");
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /** An integral value in the range of its type, boxed as that type; null when it is out of range. */
    static Object integral(PrimitiveType type, long value) {
        return switch (type) {
            case TINYINT -> value == (byte) value ? Byte.valueOf((byte) value) : null;
            case SMALLINT -> value == (short) value ? Short.valueOf((short) value) : null;
            case INT -> value == (int) value ? Integer.valueOf((int) value) : null;
            case BIGINT -> Long.valueOf(value);
            default -> throw new IllegalStateException(type + " is not integral");
        };
    }

    private abstract static class Binary extends Node {
        final ArithmeticOperator operator;
        final Node left;
        final Node right;

        Binary(ArithmeticOperator operator, DataType type, Node left, Node right) {
            super(type);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        final Object evaluate(Row row) {
            Object a = left.evaluate(row);
            if (a == null) {
                return null;
            }
            Object b = right.evaluate(row);
            return b == null ? null : apply(a, b);
        }

        abstract Object apply(Object a, Object b);
    }

    private static final class IntegralArithmetic extends Binary {
        private final PrimitiveType result;

        IntegralArithmetic(ArithmeticOperator operator, PrimitiveType result, Node left, Node right) {
            super(operator, result, left, right);
            this.result = result;
        }

        @Override
        Object apply(Object a, Object b) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            try {
                Long value = compute(x, y);
                if (value == null) {
                    return null;
                }
                Object boxed = integral(result, value);
                if (boxed == null) {
                    throw overflow(result, a, operator, b);
                }
                return boxed;
            } catch (ArithmeticException e) {
                throw overflow(result, a, operator, b);
            }
        }

        private Long compute(long x, long y) {
            return switch (operator) {
                case ADD -> Math.addExact(x, y);
                case SUBTRACT -> Math.subtractExact(x, y);
                case MULTIPLY -> Math.multiplyExact(x, y);
                case MODULO -> y == 0 ? null : x % y;
                case INTEGER_DIVIDE -> y == 0 ? null : quotient(x, y);
                case DIVIDE -> throw new IllegalStateException("integral division gives a double");
            };
        }
    }

    /** Truncating division, as Hive's DIV; the one quotient that does not fit a long fails. */
    private static long quotient(long x, long y) {
        if (x == Long.MIN_VALUE && y == -1) {
            throw new ArithmeticException("long overflow");
        }
        return x / y;
    }

    private static final class DoubleArithmetic extends Binary {
        DoubleArithmetic(ArithmeticOperator operator, Node left, Node right) {
            super(operator, PrimitiveType.DOUBLE, left, right);
        }

        @Override
        Object apply(Object a, Object b) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return switch (operator) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? null : x / y;
                case MODULO -> y == 0 ? null : x % y;
                case INTEGER_DIVIDE -> throw new IllegalStateException("DIV takes integral operands");
            };
        }
    }

    /**
     * Double {@code +}, {@code -} and {@code *} over columns, constants and other such operations, as in {@code qty *
     * price - qty * unit_cost}: computed on primitive doubles, boxing only the result instead of every intermediate
     * value. Its operands only read values (they cannot fail, whatever order they are read in), and no operation
     * gives NULL but for a NULL operand, so the result is NULL exactly when one of the values read is.
     */
    private static final class UnboxedDoubleArithmetic extends Node {
        private final ArithmeticOperator operator;
        private final Node left;
        private final Node right;
        /** The columns and constants read, anywhere below. */
        private final Node[] reads;

        UnboxedDoubleArithmetic(ArithmeticOperator operator, Node left, Node right) {
            super(PrimitiveType.DOUBLE);
            this.operator = operator;
            this.left = left;
            this.right = right;
            java.util.List<Node> all = new java.util.ArrayList<>();
            addReads(left, all);
            addReads(right, all);
            this.reads = all.toArray(Node[]::new);
        }

        static boolean takes(ArithmeticOperator operator, Node left, Node right) {
            return (operator == ArithmeticOperator.ADD
                            || operator == ArithmeticOperator.SUBTRACT
                            || operator == ArithmeticOperator.MULTIPLY)
                    && isOperand(left)
                    && isOperand(right);
        }

        private static boolean isOperand(Node node) {
            return node instanceof UnboxedDoubleArithmetic || node.onlyReads();
        }

        private static void addReads(Node node, java.util.List<Node> reads) {
            if (node instanceof UnboxedDoubleArithmetic operation) {
                reads.addAll(java.util.Arrays.asList(operation.reads));
            } else {
                reads.add(node);
            }
        }

        @Override
        Object evaluate(Row row) {
            return anyNull(row) ? null : (Object) value(row);
        }

        @Override
        void evaluateInto(Row row, Row out, int position) {
            if (anyNull(row)) {
                out.set(position, null);
            } else {
                out.setDouble(position, value(row));
            }
        }

        private boolean anyNull(Row row) {
            for (Node read : reads) {
                if (read.isNull(row)) {
                    return true;
                }
            }
            return false;
        }

        /** The value, when no value read is null. */
        private double value(Row row) {
            double x = operand(left, row);
            double y = operand(right, row);
            return switch (operator) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                default -> throw new IllegalStateException(operator + " is not computed unboxed");
            };
        }

        private static double operand(Node node, Row row) {
            return node instanceof UnboxedDoubleArithmetic operation ? operation.value(row) : node.doubleValue(row);
        }
    }

    private static final class FloatArithmetic extends Binary {
        FloatArithmetic(ArithmeticOperator operator, Node left, Node right) {
            super(operator, PrimitiveType.FLOAT, left, right);
        }

        @Override
        Object apply(Object a, Object b) {
            float x = ((Number) a).floatValue();
            float y = ((Number) b).floatValue();
            return switch (operator) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case MODULO -> y == 0 ? null : x % y;
                case DIVIDE, INTEGER_DIVIDE -> throw new IllegalStateException(operator + " never gives a float");
            };
        }
    }

    private static final class DecimalArithmetic extends Binary {
        private final int scale;
        private final int integerDigits;

        DecimalArithmetic(ArithmeticOperator operator, DecimalType result, Node left, Node right) {
            super(operator, result, left, right);
            this.scale = result.scale();
            this.integerDigits = result.integerDigits();
        }

        @Override
        Object apply(Object a, Object b) {
            BigDecimal x = ValueOrder.decimal(a);
            BigDecimal y = ValueOrder.decimal(b);
            BigDecimal value =
                    switch (operator) {
                        case ADD -> x.add(y);
                        case SUBTRACT -> x.subtract(y);
                        case MULTIPLY -> x.multiply(y);
                        case DIVIDE -> y.signum() == 0 ? null : x.divide(y, scale, RoundingMode.HALF_UP);
                        case MODULO -> y.signum() == 0 ? null : x.remainder(y);
                        case INTEGER_DIVIDE -> throw new IllegalStateException("DIV takes integral operands");
                    };
            if (value == null) {
                return null;
            }
            if (value.scale() != scale) {
                value = value.setScale(scale, RoundingMode.HALF_UP);
            }
            if (value.precision() - value.scale() > integerDigits) {
                throw overflow(type(), a, operator, b);
            }
            return value;
        }
    }

    private static final class Negation extends Node {
        private final Node operand;

        Negation(Node operand) {
            super(operand.type());
            this.operand = operand;
        }

        @Override
        Object evaluate(Row row) {
            Object value = operand.evaluate(row);
            if (value == null) {
                return null;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.negate();
            }
            if (value instanceof Double number) {
                return -number;
            }
            if (value instanceof Float number) {
                return -number;
            }
            long negated = -((Number) value).longValue();
            Object boxed = integral((PrimitiveType) type(), negated);
            if (boxed == null || value.equals(Long.MIN_VALUE)) {
                throw new ExpressionEvaluationException(
                        type() + " overflow: -(" + value + ") does not fit; CAST it to a wider type");
            }
            return boxed;
        }
    }
}
