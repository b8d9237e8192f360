package io.sluice.plan;

import static java.util.Objects.requireNonNull;

import io.sluice.job.JoinStage;
import io.sluice.job.Stage;
import io.sluice.types.StructType;

/**
 * A stage of the job placed in a MapReduce job, with the schemas of the rows it reads and gives.
 *
 * @param index the stage's 0-based position in the job definition
 */
public record PlannedStage(int index, Stage stage, StructType input, StructType output) {
    public PlannedStage {
        requireNonNull(stage, "stage is null");
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
    }

    String describe() {
        return "stage " + (index + 1) + " (" + stage.kind() + ", line " + stage.line() + ")";
    }

    /** As {@link #describe()}, for a stage run row by row: a join there is a broadcast join. */
    String describeRowByRow() {
        if (stage instanceof JoinStage join) {
            return "stage " + (index + 1) + " (broadcast join with "
                    + join.with().name() + ", line " + stage.line() + ")";
        }
        return describe();
    }
}
