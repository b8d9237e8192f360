package io.sluice.runtime.aggregate;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code collect_list}: array of the non-null values in the order the aggregate sees them (nulls are skipped, as in
 * Hive); an empty array for a group of nulls. Memory grows with the group: every value is kept.
 */
final class CollectList implements Aggregator<List<Object>> {
    private final DataType argument;
    private final ArrayType resultType;

    CollectList(DataType argument) {
        this.argument = argument;
        this.resultType = ArrayType.of(argument);
    }

    @Override
    public String describe() {
        return "collect_list(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return resultType;
    }

    @Override
    public DataType resultType() {
        return resultType;
    }

    @Override
    public List<Object> createState() {
        return new ArrayList<>();
    }

    @Override
    public void add(List<Object> state, Object value) {
        if (value != null) {
            state.add(value);
        }
    }

    @Override
    public void merge(List<Object> state, Object partial) {
        for (Object value : (List<?>) partial) {
            add(state, value);
        }
    }

    @Override
    public Object partial(List<Object> state) {
        return state;
    }

    @Override
    public Object result(List<Object> state) {
        return state;
    }
}
