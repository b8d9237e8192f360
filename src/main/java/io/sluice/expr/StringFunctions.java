package io.sluice.expr;

import io.sluice.format.TextForms;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text functions, none of which uses a regular expression: {@code lower upper trim ltrim rtrim length substr substring
 * concat concat_ws replace}. Lengths and positions count characters (Unicode code points), positions from 1, negative
 * ones from the end, as in Hive; {@code trim} removes spaces only, as Hive does. {@code concat} is NULL when an
 * argument is NULL; {@code concat_ws} skips NULLs.
 */
final class StringFunctions {
    private StringFunctions() {}

    static void register(FunctionRegistry functions) {
        functions.add("lower", call -> text1(call, s -> s.toLowerCase(Locale.ROOT)));
        functions.add("upper", call -> text1(call, s -> s.toUpperCase(Locale.ROOT)));
        functions.add("trim", call -> text1(call, s -> strip(s, true, true)));
        functions.add("ltrim", call -> text1(call, s -> strip(s, true, false)));
        functions.add("rtrim", call -> text1(call, s -> strip(s, false, true)));
        functions.add("length", StringFunctions::length);
        functions.add("substr", StringFunctions::substr);
        functions.add("substring", StringFunctions::substr);
        functions.add("concat", StringFunctions::concat);
        functions.add("concat_ws", StringFunctions::concatWs);
        functions.add("replace", StringFunctions::replace);
    }

    private interface TextFunction {
        String apply(String text);
    }

    private static Operand text1(FunctionCall call, TextFunction function) {
        call.arity(1, 1);
        return call.result(Calls.of(PrimitiveType.STRING, call.text(0).node(), s -> function.apply((String) s)));
    }

    private static String strip(String s, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        while (leading && start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (trailing && end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static Operand length(FunctionCall call) {
        call.arity(1, 1);
        return call.result(Calls.of(
                PrimitiveType.INT, call.text(0).node(), s -> ((String) s).codePointCount(0, ((String) s).length())));
    }

    private static Operand substr(FunctionCall call) {
        call.arity(2, 3);
        Node text = call.text(0).node();
        Node start = call.integral(1).node();
        if (call.arity() == 2) {
            return call.result(Calls.of(
                    PrimitiveType.STRING,
                    text,
                    start,
                    (s, p) -> substring((String) s, ((Number) p).longValue(), Long.MAX_VALUE)));
        }
        Node length = call.integral(2).node();
        return call.result(Calls.of(
                PrimitiveType.STRING,
                text,
                start,
                length,
                (s, p, n) -> substring((String) s, ((Number) p).longValue(), ((Number) n).longValue())));
    }

    /** Hive's substr: from a 1-based position (0 is 1, negative counts from the end), at most {@code length}. */
    static String substring(String s, long position, long length) {
        int count = s.codePointCount(0, s.length());
        if (Math.abs(position) > count || length <= 0) {
            return "";
        }
        long start = position > 0 ? position - 1 : position < 0 ? count + position : 0;
        long end = length >= count - start ? count : start + length;
        int from = s.offsetByCodePoints(0, (int) start);
        int to = s.offsetByCodePoints(from, (int) (end - start));
        return s.substring(from, to);
    }

    private static Operand concat(FunctionCall call) {
        call.arity(1, Integer.MAX_VALUE);
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < call.arity(); i++) {
            parts.add(asText(call, i).node());
        }
        DataType string = PrimitiveType.STRING;
        return call.result(
                switch (parts.size()) {
                    case 1 -> parts.get(0);
                    case 2 -> Calls.of(string, parts.get(0), parts.get(1), (a, b) -> ((String) a).concat((String) b));
                    default -> Calls.of(string, parts, StringFunctions::join);
                });
    }

    private static String join(Object[] values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append((String) value);
        }
        return text.toString();
    }

    /** The argument as text: text as it is, other primitive values as {@code CAST(x AS STRING)} writes them. */
    static Operand asText(FunctionCall call, int index) {
        Operand argument = call.argument(index);
        if (argument.isUntypedNull() || argument.type().isText()) {
            return call.text(index);
        }
        if (!argument.type().isPrimitive()) {
            throw call.wrongType(index, "text or a primitive value");
        }
        return Coercions.fold(
                argument.with(Calls.of(PrimitiveType.STRING, argument.node(), TextForms::of)), List.of(argument));
    }

    private static Operand concatWs(FunctionCall call) {
        call.arity(2, Integer.MAX_VALUE);
        Node separator = call.text(0).node();
        List<Node> parts = new ArrayList<>();
        for (int i = 1; i < call.arity(); i++) {
            Operand argument = call.argument(i);
            boolean textArray = argument.type() instanceof ArrayType array
                    && array.elementType().isText();
            parts.add(
                    textArray && !argument.isUntypedNull()
                            ? argument.node()
                            : asText(call, i).node());
        }
        return call.result(new ConcatWs(separator, parts.toArray(Node[]::new)));
    }

    private static Operand replace(FunctionCall call) {
        call.arity(3, 3);
        return call.result(Calls.of(
                PrimitiveType.STRING,
                call.text(0).node(),
                call.text(1).node(),
                call.text(2).node(),
                (s, target, replacement) -> ((String) s).replace((String) target, (String) replacement)));
    }

    /** {@code concat_ws(separator, ...)}: the non-NULL texts and elements of text arrays, with the separator between. */
    private static final class ConcatWs extends Node {
        private final Node separator;
        private final Node[] parts;

        ConcatWs(Node separator, Node[] parts) {
            super(PrimitiveType.STRING);
            this.separator = separator;
            this.parts = parts;
        }

        @Override
        Object evaluate(Row row) {
            Object between = separator.evaluate(row);
            if (between == null) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (Node part : parts) {
                Object value = part.evaluate(row);
                if (value instanceof List<?> list) {
                    for (Object element : list) {
                        first = append(text, element, (String) between, first);
                    }
                } else {
                    first = append(text, value, (String) between, first);
                }
            }
            return text.toString();
        }

        private static boolean append(StringBuilder text, Object value, String separator, boolean first) {
            if (value == null) {
                return first;
            }
            if (!first) {
                text.append(separator);
            }
            text.append((String) value);
            return false;
        }
    }
}
