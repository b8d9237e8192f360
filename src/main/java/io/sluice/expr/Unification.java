package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;

/**
 * The type several operands share, for the expressions where one value stands for several: the results of {@code
 * CASE}, {@code COALESCE} or {@code IF} ({@link #valueType}), and the values {@code IN}, {@code BETWEEN} or a simple
 * {@code CASE} compare ({@link #comparisonType}). Typeless {@code NULL}s take the shared type; for comparisons, so do
 * text constants, which are read as values of it.
 */
final class Unification {
    private final ExpressionSource source;
    private final Coercions coercions;

    Unification(ExpressionSource source, Coercions coercions) {
        this.source = source;
        this.coercions = coercions;
    }

    /** The type of a value that is one of the operands; {@code what} names them in errors ("CASE branches"). */
    DataType valueType(List<Operand> operands, String what) {
        return shared(operands, false, what);
    }

    /** The operands converted to the type {@link #valueType} gave. */
    List<Operand> asType(List<Operand> operands, DataType type) {
        List<Operand> converted = new ArrayList<>(operands.size());
        operands.forEach(operand -> converted.add(coercions.to(operand, type)));
        return converted;
    }

    /** The type in which the operands compare with each other. */
    DataType comparisonType(List<Operand> operands, String what) {
        return shared(operands, true, what);
    }

    /**
     * The operands ready to compare in the type {@link #comparisonType} gave, by the {@link #order} of that type.
     * Numbers from the row are not converted, since the order reads any number; constants are, once.
     */
    List<Operand> forComparison(List<Operand> operands, DataType type) {
        List<Operand> aligned = new ArrayList<>(operands.size());
        for (Operand operand : operands) {
            boolean readable = !operand.isConstant()
                    && ((type.isNumeric() && operand.type().isNumeric())
                            || (type.isText() && operand.type().isText()));
            aligned.add(readable ? operand : coercions.to(operand, type));
        }
        return aligned;
    }

    ValueOrder order(DataType type, Operand at) {
        return TypeRules.order(type, type)
                .orElseThrow(() -> source.error(at.syntax(), "values of type %s cannot be compared", type));
    }

    private DataType shared(List<Operand> operands, boolean comparison, String what) {
        DataType shared = null;
        Operand first = null;
        for (Operand operand : operands) {
            if (operand.isUntypedNull() || (comparison && Coercions.isTextConstant(operand))) {
                continue;
            }
            if (shared == null) {
                shared = operand.type();
                first = operand;
                continue;
            }
            java.util.Optional<DataType> common = TypeRules.common(shared, operand.type());
            if (common.isEmpty()) {
                throw comparison
                        ? source.error(operand.syntax(), "cannot compare %s with %s", first.type(), operand.type())
                        : source.error(
                                operand.syntax(), "%s have incompatible types %s and %s", what, shared, operand.type());
            }
            shared = common.get();
        }
        return shared == null ? PrimitiveType.STRING : shared;
    }
}
