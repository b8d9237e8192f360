package io.sluice.expr;

import io.sluice.format.ValueConversions;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;

/**
 * The conversions the compiler inserts without a {@code CAST}: widening (int to bigint, int to decimal, date to
 * timestamp... as {@link ValueConversions} reads file columns), a typeless {@code NULL} taking the type its context
 * needs, and text constants read as the type they are compared with ({@code ts >= '2024-01-01'}), once, at compile
 * time. Conversions of constants are folded, so they cost nothing per row.
 */
final class Coercions {
    private final ExpressionSource source;

    Coercions(ExpressionSource source) {
        this.source = source;
    }

    /** The operand as a value of {@code target}, which its type widens to. */
    Operand to(Operand operand, DataType target) {
        if (operand.isUntypedNull()) {
            return operand.with(Constant.of(target, null));
        }
        if (operand.type().equals(target)) {
            return operand;
        }
        if (isTextConstant(operand) && !target.isText()) {
            return parsed(operand, target);
        }
        Optional<Calls.Function1> conversion = conversion(operand.type(), target);
        if (conversion.isEmpty()) {
            throw source.error(operand.syntax(), "cannot use %s as %s", operand.type(), target);
        }
        return fold(operand.with(Calls.of(target, operand.node(), conversion.get())), List.of(operand));
    }

    /**
     * How values widen. Decimals go through the cast, which rounds: a common decimal type over 38 digits may have
     * fewer decimals than one of the types it joins.
     */
    private static Optional<Calls.Function1> conversion(DataType from, DataType to) {
        if (!from.isPrimitive() || !to.isPrimitive()) {
            return Optional.empty();
        }
        if (to instanceof DecimalType && ValueConversions.canRead(from, to)) {
            return Casts.conversion(from, to);
        }
        return ValueConversions.between(from, to).map(conversion -> conversion::apply);
    }

    /** A numeric constant as a decimal, so that decimal operations need not convert it for every row. */
    Operand decimalConstant(Operand operand) {
        boolean integralConstant = operand.isConstant()
                && !operand.isUntypedNull()
                && operand.type().isIntegral();
        return integralConstant ? to(operand, TypeRules.asDecimal(operand.type())) : operand;
    }

    /** A text constant read as a value of {@code target}; a text that is not one is a compile error. */
    Operand parsed(Operand text, DataType target) {
        Calls.Function1 conversion = Casts.conversion(text.type(), target)
                .orElseThrow(() -> source.error(text.syntax(), "cannot use text as %s", target));
        Object value = text.value();
        try {
            return text.with(Constant.of(target, value == null ? null : conversion.apply(value)));
        } catch (ExpressionEvaluationException e) {
            throw source.error(text.syntax(), "%s", e.getMessage());
        }
    }

    static boolean isTextConstant(Operand operand) {
        return operand.isConstant()
                && !operand.isUntypedNull()
                && operand.type().isText();
    }

    /**
     * The node, or its value when all its inputs are constants. A constant operation that fails (CAST('x' AS INT))
     * stays a node, so it fails each row it is evaluated for, like any other, and only those.
     */
    static Operand fold(Operand result, List<Operand> inputs) {
        if (inputs.isEmpty() || result.isConstant() || !inputs.stream().allMatch(Operand::isConstant)) {
            return result;
        }
        try {
            return result.with(Constant.of(result.type(), result.node().evaluate(null)));
        } catch (ExpressionEvaluationException | ArithmeticException | DateTimeException e) {
            return result;
        }
    }
}
