package io.sluice.expr;

import io.sluice.types.ArrayType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions that take a Java regular expression: {@code regexp_replace(s, regex, replacement)} (replacement may
 * refer to groups as {@code $1}), {@code regexp_extract(s, regex[, group])} (group 1 by default, the empty text when
 * nothing matches, as in Hive) and {@code split(s, regex)} (trailing empty texts kept, as in Hive). A literal
 * expression is compiled once, and an invalid one is a compile error; one from the row is compiled per row.
 */
final class RegexFunctions {
    private RegexFunctions() {}

    static void register(FunctionRegistry functions) {
        functions.add("regexp_replace", RegexFunctions::replace);
        functions.add("regexp_extract", RegexFunctions::extract);
        functions.add("split", RegexFunctions::split);
    }

    private static Operand replace(FunctionCall call) {
        call.arity(3, 3);
        Node text = call.text(0).node();
        Operand regex = call.text(1);
        Node replacement = call.text(2).node();
        Pattern pattern = literal(call, regex);
        if (pattern != null) {
            return call.result(Calls.of(
                    PrimitiveType.STRING, text, replacement, (s, r) -> replaceAll(pattern, (String) s, (String) r)));
        }
        return call.result(Calls.of(
                PrimitiveType.STRING,
                text,
                regex.node(),
                replacement,
                (s, p, r) -> replaceAll(Matching.compileRow((String) p), (String) s, (String) r)));
    }

    private static String replaceAll(Pattern pattern, String text, String replacement) {
        try {
            return pattern.matcher(text).replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ExpressionEvaluationException(
                    "'" + replacement + "' is not a valid replacement for '" + pattern + "': " + e.getMessage());
        }
    }

    private static Operand extract(FunctionCall call) {
        call.arity(2, 3);
        Node text = call.text(0).node();
        Operand regex = call.text(1);
        int group = call.arity() == 3 ? (int) call.constantIntegral(2, "the group number") : 1;
        Pattern pattern = literal(call, regex);
        if (pattern != null) {
            int groups = pattern.matcher("").groupCount();
            if (group < 0 || group > groups) {
                throw call.errorAt(
                        call.arity() - 1,
                        "regexp_extract(): '%s' has %d group(s), no group %d",
                        pattern,
                        groups,
                        group);
            }
            return call.result(Calls.of(PrimitiveType.STRING, text, s -> extract(pattern, (String) s, group)));
        }
        return call.result(Calls.of(
                PrimitiveType.STRING,
                text,
                regex.node(),
                (s, p) -> extract(Matching.compileRow((String) p), (String) s, group)));
    }

    private static String extract(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return "";
        }
        if (group > matcher.groupCount()) {
            throw new ExpressionEvaluationException("'" + pattern + "' has no group " + group);
        }
        String value = matcher.group(group);
        return value == null ? "" : value;
    }

    private static Operand split(FunctionCall call) {
        call.arity(2, 2);
        ArrayType strings = ArrayType.of(PrimitiveType.STRING);
        Node text = call.text(0).node();
        Operand regex = call.text(1);
        Pattern pattern = literal(call, regex);
        if (pattern != null) {
            return call.result(Calls.of(strings, text, s -> Arrays.asList(pattern.split((String) s, -1))));
        }
        return call.result(Calls.of(
                strings,
                text,
                regex.node(),
                (s, p) -> Arrays.asList(Matching.compileRow((String) p).split((String) s, -1))));
    }

    /** The compiled pattern of a constant, non-null argument, or null when it comes from the row. */
    private static Pattern literal(FunctionCall call, Operand regex) {
        if (!regex.isConstant() || regex.value() == null) {
            return null;
        }
        return call.operators().compileRegex((String) regex.value(), regex);
    }
}
