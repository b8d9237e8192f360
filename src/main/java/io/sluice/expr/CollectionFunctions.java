package io.sluice.expr;

import io.sluice.types.ArrayType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import java.util.List;
import java.util.Map;

/**
 * Functions of arrays and maps: {@code size(x)}, the number of elements or entries. {@code size(NULL)} is NULL, as
 * SQL's null semantics want (Hive gives -1).
 */
final class CollectionFunctions {
    private CollectionFunctions() {}

    static void register(FunctionRegistry functions) {
        functions.add("size", CollectionFunctions::size);
    }

    private static Operand size(FunctionCall call) {
        call.arity(1, 1);
        Operand x = call.argument(0);
        if (x.isUntypedNull()) {
            return call.result(Constant.of(PrimitiveType.INT, null));
        }
        if (x.type() instanceof ArrayType) {
            return call.result(Calls.of(PrimitiveType.INT, x.node(), value -> ((List<?>) value).size()));
        }
        if (x.type() instanceof MapType) {
            return call.result(Calls.of(PrimitiveType.INT, x.node(), value -> ((Map<?, ?>) value).size()));
        }
        throw call.wrongType(0, "an array or a map");
    }
}
