package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import java.util.List;

/**
 * Nodes that apply a function to the values of their operands, for the built-in functions and casts. The function is
 * chosen at compile time for the operand types, so it casts without checking. A NULL operand gives NULL without
 * calling the function (SQL's strict functions); functions that treat NULL otherwise are nodes of their own.
 */
final class Calls {
    private Calls() {}

    @FunctionalInterface
    interface Function1 {
        Object apply(Object a);
    }

    @FunctionalInterface
    interface Function2 {
        Object apply(Object a, Object b);
    }

    @FunctionalInterface
    interface Function3 {
        Object apply(Object a, Object b, Object c);
    }

    /** A function of all operands' values, for functions with many operands; none of the values is null. */
    @FunctionalInterface
    interface FunctionN {
        Object apply(Object[] values);
    }

    static Node of(DataType type, Node a, Function1 function) {
        return new Call1(type, a, function);
    }

    static Node of(DataType type, Node a, Node b, Function2 function) {
        return new Call2(type, a, b, function);
    }

    static Node of(DataType type, Node a, Node b, Node c, Function3 function) {
        return new Call3(type, a, b, c, function);
    }

    static Node of(DataType type, List<Node> operands, FunctionN function) {
        return new CallN(type, operands.toArray(Node[]::new), function);
    }

    private static final class Call1 extends Node {
        private final Node a;
        private final Function1 function;

        Call1(DataType type, Node a, Function1 function) {
            super(type);
            this.a = a;
            this.function = function;
        }

        @Override
        Object evaluate(Row row) {
            Object x = a.evaluate(row);
            return x == null ? null : function.apply(x);
        }
    }

    private static final class Call2 extends Node {
        private final Node a;
        private final Node b;
        private final Function2 function;

        Call2(DataType type, Node a, Node b, Function2 function) {
            super(type);
            this.a = a;
            this.b = b;
            this.function = function;
        }

        @Override
        Object evaluate(Row row) {
            Object x = a.evaluate(row);
            if (x == null) {
                return null;
            }
            Object y = b.evaluate(row);
            return y == null ? null : function.apply(x, y);
        }
    }

    private static final class Call3 extends Node {
        private final Node a;
        private final Node b;
        private final Node c;
        private final Function3 function;

        Call3(DataType type, Node a, Node b, Node c, Function3 function) {
            super(type);
            this.a = a;
            this.b = b;
            this.c = c;
            this.function = function;
        }

        @Override
        Object evaluate(Row row) {
            Object x = a.evaluate(row);
            if (x == null) {
                return null;
            }
            Object y = b.evaluate(row);
            if (y == null) {
                return null;
            }
            Object z = c.evaluate(row);
            return z == null ? null : function.apply(x, y, z);
        }
    }

    private static final class CallN extends Node {
        private final Node[] operands;
        private final FunctionN function;

        CallN(DataType type, Node[] operands, FunctionN function) {
            super(type);
            this.operands = operands;
            this.function = function;
        }

        @Override
        Object evaluate(Row row) {
            // The array holds this row's values only for the call: an allocation per row, for variadic functions.
            Object[] values = new Object[operands.length];
            for (int i = 0; i < operands.length; i++) {
                values[i] = operands[i].evaluate(row);
                if (values[i] == null) {
                    return null;
                }
            }
            return function.apply(values);
        }
    }
}
