package io.sluice.expr;

import io.sluice.definition.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;

/**
 * The built-in functions by name, looked up without regard to case when an expression is compiled (never when it is
 * evaluated). Each family of functions registers its own; an unknown name is an error that suggests the closest
 * known one, and an aggregate such as {@code sum} says where aggregates belong.
 */
final class FunctionRegistry {
    /** Compiles one function's calls: checks the arguments and builds the node. */
    @FunctionalInterface
    interface Definition {
        Operand compile(FunctionCall call);
    }

    static final FunctionRegistry BUILTIN = builtin();

    private static final Set<String> AGGREGATES =
            Set.of("count", "sum", "avg", "min", "max", "collect_list", "collect_set", "stddev", "variance");

    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    private FunctionRegistry() {}

    private static FunctionRegistry builtin() {
        FunctionRegistry registry = new FunctionRegistry();
        StringFunctions.register(registry);
        RegexFunctions.register(registry);
        MathFunctions.register(registry);
        DateTimeFunctions.register(registry);
        ConditionalFunctions.register(registry);
        CollectionFunctions.register(registry);
        return registry;
    }

    void add(String name, Definition definition) {
        if (definitions.putIfAbsent(name, definition) != null) {
            throw new IllegalStateException("function " + name + " is registered twice");
        }
    }

    /** The names of all functions, sorted. */
    SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(definitions.keySet()));
    }

    Definition find(String name, Expression call, ExpressionSource source) {
        String key = name.toLowerCase(Locale.ROOT);
        Definition definition = definitions.get(key);
        if (definition != null) {
            return definition;
        }
        if (AGGREGATES.contains(key)) {
            throw source.error(
                    call, "%s() is an aggregate function; aggregates belong in a reduce stage's aggregate", key);
        }
        String suggestion = Suggestions.closest(key, definitions.keySet())
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
        throw source.error(call, "unknown function '%s'%s", name, suggestion);
    }
}
