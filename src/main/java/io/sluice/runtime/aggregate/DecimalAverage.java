package io.sluice.runtime.aggregate;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code avg} of decimal(p,s), as Hive types it: the same integer digits and 4 more fraction digits, at most 38 digits
 * in all; rounded half up. Null when every value is null.
 */
final class DecimalAverage implements Aggregator<DecimalAverage.State> {
    static final class State {
        BigDecimal sum;
        long count;
    }

    private final DecimalType argument;
    private final DecimalType sumType;
    private final StructType partialType;
    private final DecimalType resultType;

    DecimalAverage(DecimalType argument) {
        this.argument = argument;
        this.sumType = DecimalSum.sumType(argument);
        this.partialType = StructType.of(StructField.of("sum", sumType), StructField.of("count", PrimitiveType.BIGINT));
        int integerDigits = argument.integerDigits();
        int scale = Math.min(argument.scale() + 4, DecimalType.MAX_PRECISION - integerDigits);
        this.resultType = DecimalType.of(integerDigits + scale, scale);
    }

    @Override
    public String describe() {
        return "avg(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return partialType;
    }

    @Override
    public DataType resultType() {
        return resultType;
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (value != null) {
            addSum(state, (BigDecimal) value);
            state.count++;
        }
    }

    private static void addSum(State state, BigDecimal value) {
        state.sum = state.sum == null ? value : state.sum.add(value);
    }

    @Override
    public void merge(State state, Object partial) {
        Row row = (Row) partial;
        if (row.get(0) != null) {
            addSum(state, (BigDecimal) row.get(0));
        }
        state.count += (Long) row.get(1);
    }

    @Override
    public Object partial(State state) {
        return Row.of(state.sum == null ? null : DecimalSum.fit(state.sum, sumType, describe()), state.count);
    }

    @Override
    public Object result(State state) {
        if (state.count == 0) {
            return null;
        }
        return state.sum.divide(BigDecimal.valueOf(state.count), resultType.scale(), RoundingMode.HALF_UP);
    }
}
