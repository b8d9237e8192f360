package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.TypeParseException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** The Hive type a {@code CAST} names; only primitive types, since Sluice casts no nested values. */
final class CastTypes {
    private CastTypes() {}

    static DataType of(ColDataType type, Expression cast, ExpressionSource source) {
        DataType parsed;
        try {
            parsed = DataType.parse(type.toString());
        } catch (TypeParseException e) {
            throw source.error(cast, "%s", e.getMessage());
        }
        if (!parsed.isPrimitive()) {
            throw source.error(cast, "cannot cast to %s: CAST takes a primitive type", parsed);
        }
        return parsed;
    }
}
