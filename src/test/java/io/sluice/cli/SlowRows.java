package io.sluice.cli;

import io.sluice.api.RowEmitter;
import io.sluice.api.RowFunction;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.util.Map;

/** A row function for tests of timeouts: passes rows on, each after {@code millis} (option) of sleep. */
public class SlowRows implements RowFunction {
    private long millis;

    @Override
    public StructType open(StructType input, Map<String, String> options) {
        millis = Long.parseLong(options.getOrDefault("millis", "100"));
        return input;
    }

    @Override
    public void apply(Row row, RowEmitter out) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the task is being killed
        }
        out.emit(row);
    }
}
