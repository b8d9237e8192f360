package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.TypeWidening;
import java.util.Optional;

/**
 * Hive's typing rules for operators, applied at compile time.
 *
 * <ul>
 *   <li>Arithmetic ({@code + - * %}): integral operands give the wider integral type; any {@code double} gives
 *       double, else any {@code float} gives float; otherwise decimal, with Hive's precision and scale:
 *       <ul>
 *         <li>{@code + -}: scale {@code max(s1,s2)}, precision {@code max(p1-s1, p2-s2) + scale + 1};
 *         <li>{@code *}: scale {@code s1+s2}, precision {@code p1+p2+1};
 *         <li>{@code /}: scale {@code max(6, s1+p2+1)}, precision {@code p1-s1+s2+scale};
 *         <li>{@code %}: scale {@code max(s1,s2)}, precision {@code min(p1-s1, p2-s2) + scale};
 *       </ul>
 *       where an integral operand counts as {@code decimal(3|5|10|19, 0)}. Over 38 digits the precision is 38 and the
 *       scale shrinks to keep the integer digits, but not below {@code min(scale, 6)} (Hive 3's rule).
 *   <li>{@code /} of two non-decimal numbers is a double, as in Hive; {@code DIV} of integral numbers a bigint.
 *   <li>Comparisons: numbers with numbers (as the common type: integral, decimal, else double), text with text,
 *       boolean with boolean, dates and timestamps with each other, binary with binary.
 *   <li>Where one value stands for several ({@code CASE}, {@code COALESCE}, {@code IN}...), the common type is the one
 *       {@link TypeWidening#widen} gives, without falling back to text.
 * </ul>
 */
final class TypeRules {
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private TypeRules() {}

    /** The result type of an arithmetic operator, or empty when it does not apply to these types. */
    static Optional<DataType> arithmetic(ArithmeticOperator operator, DataType left, DataType right) {
        if (!left.isNumeric() || !right.isNumeric()) {
            return Optional.empty();
        }
        if (operator == ArithmeticOperator.INTEGER_DIVIDE) {
            return left.isIntegral() && right.isIntegral() ? Optional.of(PrimitiveType.BIGINT) : Optional.empty();
        }
        if (isFloating(left) || isFloating(right)) {
            boolean isFloat = left != PrimitiveType.DOUBLE
                    && right != PrimitiveType.DOUBLE
                    && operator != ArithmeticOperator.DIVIDE;
            return Optional.of(isFloat ? PrimitiveType.FLOAT : PrimitiveType.DOUBLE);
        }
        if (left.isIntegral() && right.isIntegral()) {
            return Optional.of(operator == ArithmeticOperator.DIVIDE ? PrimitiveType.DOUBLE : widen(left, right));
        }
        return Optional.of(decimalResult(operator, asDecimal(left), asDecimal(right)));
    }

    private static DecimalType decimalResult(ArithmeticOperator operator, DecimalType a, DecimalType b) {
        int p1 = a.precision();
        int s1 = a.scale();
        int p2 = b.precision();
        int s2 = b.scale();
        return switch (operator) {
            case ADD, SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield adjusted(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY -> adjusted(p1 + p2 + 1, s1 + s2);
            case DIVIDE -> {
                int scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
                yield adjusted(p1 - s1 + s2 + scale, scale);
            }
            case MODULO -> {
                int scale = Math.max(s1, s2);
                yield adjusted(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
            case INTEGER_DIVIDE -> throw new IllegalStateException("DIV takes integral operands");
        };
    }

    /** Hive 3's fit of a result over 38 digits: integer digits first, but at least min(scale, 6) decimals. */
    static DecimalType adjusted(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return DecimalType.of(Math.max(precision, 1), scale);
        }
        int integerDigits = precision - scale;
        int minimumScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
        int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integerDigits, minimumScale);
        return DecimalType.of(DecimalType.MAX_PRECISION, adjustedScale);
    }

    /** The decimal type that holds every value of a numeric type but float and double. */
    static DecimalType asDecimal(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        return DecimalType.of(((PrimitiveType) type).integralDigits(), 0);
    }

    /** How values of these types compare, or empty when they do not. */
    static Optional<ValueOrder> order(DataType left, DataType right) {
        if (left.isNumeric() && right.isNumeric()) {
            if (isFloating(left) || isFloating(right)) {
                return Optional.of(ValueOrder.FLOATING);
            }
            boolean integral = left.isIntegral() && right.isIntegral();
            return Optional.of(integral ? ValueOrder.INTEGRAL : ValueOrder.DECIMAL);
        }
        if (left.isText() && right.isText()) {
            return Optional.of(ValueOrder.TEXT);
        }
        if (isTemporal(left) && isTemporal(right)) {
            return Optional.of(temporalOrder(left, right));
        }
        if (left == PrimitiveType.BOOLEAN && right == PrimitiveType.BOOLEAN) {
            return Optional.of(ValueOrder.BOOLEAN);
        }
        if (left == PrimitiveType.BINARY && right == PrimitiveType.BINARY) {
            return Optional.of(ValueOrder.BINARY);
        }
        return Optional.empty();
    }

    private static ValueOrder temporalOrder(DataType left, DataType right) {
        if (left == right) {
            return left == PrimitiveType.DATE ? ValueOrder.DATE : ValueOrder.TIMESTAMP;
        }
        return left == PrimitiveType.DATE ? ValueOrder.DATE_TIMESTAMP : ValueOrder.TIMESTAMP_DATE;
    }

    /** The type values of both types take when one expression gives either, or empty when there is none. */
    static Optional<DataType> common(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (!a.isPrimitive() || !b.isPrimitive()) {
            // Nested values would have to be rebuilt to widen; a CASE over two struct types is rare enough to refuse.
            return Optional.empty();
        }
        return TypeWidening.widen(a, b);
    }

    static boolean isFloating(DataType type) {
        return type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
    }

    static boolean isTemporal(DataType type) {
        return type == PrimitiveType.DATE || type == PrimitiveType.TIMESTAMP;
    }

    private static DataType widen(DataType a, DataType b) {
        return TypeWidening.widen(a, b).orElseThrow();
    }
}
