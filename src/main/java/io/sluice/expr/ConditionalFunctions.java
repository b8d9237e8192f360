package io.sluice.expr;

import io.sluice.types.DataType;
import java.util.List;

/**
 * Functions that choose between their arguments: {@code coalesce} (and Hive's two-argument {@code nvl}), {@code
 * nullif}, {@code if(condition, a, b)} (b when the condition is false or NULL), {@code greatest} and {@code least}
 * (NULL when any argument is NULL, as in Hive 2+). Results have the arguments' common type.
 */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static void register(FunctionRegistry functions) {
        functions.add("coalesce", call -> coalesce(call, 1, Integer.MAX_VALUE));
        functions.add("nvl", call -> coalesce(call, 2, 2));
        functions.add("nullif", ConditionalFunctions::nullIf);
        functions.add("if", ConditionalFunctions::ifFunction);
        functions.add("greatest", call -> extremum(call, 1));
        functions.add("least", call -> extremum(call, -1));
    }

    private static Operand coalesce(FunctionCall call, int min, int max) {
        call.arity(min, max);
        List<Operand> values = sameType(call, call.arguments());
        return call.result(Conditionals.coalesce(values.get(0).type(), nodes(values)));
    }

    private static Operand nullIf(FunctionCall call) {
        call.arity(2, 2);
        Unification unification = call.unification();
        DataType type = unification.comparisonType(call.arguments(), "nullif()");
        List<Operand> compared = unification.forComparison(call.arguments(), type);
        ValueOrder order = unification.order(type, compared.get(0));
        return call.result(Conditionals.nullIf(
                order, compared.get(0).node(), compared.get(1).node()));
    }

    private static Operand ifFunction(FunctionCall call) {
        call.arity(3, 3);
        Node condition = call.bool(0).node();
        List<Operand> values = sameType(call, call.arguments().subList(1, 3));
        DataType type = values.get(0).type();
        return call.result(Conditionals.searchedCase(
                type,
                List.of(condition),
                List.of(values.get(0).node()),
                values.get(1).node()));
    }

    private static Operand extremum(FunctionCall call, int sign) {
        call.arity(2, Integer.MAX_VALUE);
        List<Operand> values = sameType(call, call.arguments());
        DataType type = values.get(0).type();
        ValueOrder order = call.unification().order(type, values.get(0));
        return call.result(Conditionals.extremum(type, order, nodes(values), sign));
    }

    private static List<Operand> sameType(FunctionCall call, List<Operand> arguments) {
        Unification unification = call.unification();
        DataType type = unification.valueType(arguments, call.name() + "() arguments");
        return unification.asType(arguments, type);
    }

    private static List<Node> nodes(List<Operand> operands) {
        return operands.stream().map(Operand::node).toList();
    }
}
