package io.sluice.job;

/**
 * One step of a job's chain: each stage takes the rows of the one before it (the first takes the job's source) and
 * gives rows of its own schema. {@code map} works row by row; {@code partition}, {@code sort}, {@code reduce}, {@code
 * join} and {@code distinct} need the rows grouped or ordered across the data set, which is where the planner places a
 * shuffle.
 */
public sealed interface Stage permits MapStage, PartitionStage, SortStage, ReduceStage, JoinStage, DistinctStage {

    /** The line where the stage starts ({@code - map:}). */
    int line();

    /** The stage kind as written: {@code map}, {@code partition}, {@code sort}, {@code reduce}, {@code join}... */
    String kind();
}
