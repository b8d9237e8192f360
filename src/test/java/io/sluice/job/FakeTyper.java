package io.sluice.job;

import io.sluice.expr.ExpressionException;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression typer for tests: it knows the type of each expression it is told about and the columns that
 * expression reads, and fails as the compiler does when a column is missing from the schema it is given.
 */
public final class FakeTyper implements ExpressionTyper {
    private record Typing(DataType type, List<String> columns) {}

    private final Map<String, Typing> expressions = new HashMap<>();
    private final List<String> typed = new ArrayList<>();

    public FakeTyper type(String sql, String type, String... columns) {
        expressions.put(sql, new Typing(DataType.parse(type), List.of(columns)));
        return this;
    }

    /** The expressions typed so far, each with the schema it was typed against: {@code "qty > 0 @ struct<...>"}. */
    List<String> typed() {
        return List.copyOf(typed);
    }

    @Override
    public DataType typeOf(String sql, StructType schema) {
        typed.add(sql + " @ " + schema);
        Typing typing = expressions.get(sql);
        if (typing == null) {
            throw new ExpressionException("cannot compile '" + sql + "'", 0);
        }
        for (String column : typing.columns()) {
            if (schema.field(column).isEmpty()) {
                throw new ExpressionException("unknown column '" + column + "' in '" + sql + "'", sql.indexOf(column));
            }
        }
        return typing.type();
    }
}
