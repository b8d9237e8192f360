package io.sluice.catalog;

import java.util.List;

/** One node of a compiled {@link PartitionFilter}: evaluates a partition's values, one per key in key order. */
@FunctionalInterface
interface Condition {
    Truth evaluate(List<String> values);

    default Condition and(Condition other) {
        return values -> {
            Truth left = evaluate(values);
            return left == Truth.FALSE ? left : left.and(other.evaluate(values));
        };
    }

    default Condition or(Condition other) {
        return values -> {
            Truth left = evaluate(values);
            return left == Truth.TRUE ? left : left.or(other.evaluate(values));
        };
    }

    default Condition not() {
        return values -> evaluate(values).not();
    }
}
