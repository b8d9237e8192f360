package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;

/**
 * A value known at compile time: a literal, or an operation on literals folded once. A {@code NULL} literal has no
 * type of its own until its context gives it one ({@link #isUntypedNull()}); alone it is a null string.
 */
final class Constant extends Node {
    private static final Constant UNTYPED_NULL = new Constant(PrimitiveType.STRING, null, true);

    private final Object value;
    private final boolean untypedNull;

    private Constant(DataType type, Object value, boolean untypedNull) {
        super(type);
        this.value = value;
        this.untypedNull = untypedNull;
    }

    static Constant of(DataType type, Object value) {
        return new Constant(type, value, false);
    }

    static Constant untypedNull() {
        return UNTYPED_NULL;
    }

    Object value() {
        return value;
    }

    boolean isUntypedNull() {
        return untypedNull;
    }

    @Override
    Object evaluate(Row row) {
        return value;
    }

    @Override
    boolean isNull(Row row) {
        return value == null;
    }

    @Override
    boolean onlyReads() {
        return true;
    }

    @Override
    boolean isConstant() {
        return true;
    }
}
