package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which runs {@link RunStore#list} returns and in what order: by kind, name, states and workflow run, newest first
 * (or oldest first, as a queue is served), at most {@code limit}. An empty set of states means every state.
 */
public record RunFilter(
        Optional<RunKind> kind,
        Optional<String> name,
        Set<RunState> states,
        Optional<String> workflowRunId,
        OptionalInt limit,
        boolean oldestFirst) {

    public RunFilter {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        states = Set.copyOf(requireNonNull(states, "states is null"));
        requireNonNull(workflowRunId, "workflowRunId is null");
        requireNonNull(limit, "limit is null");
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit.getAsInt());
        }
    }

    /** Every run, newest first. */
    public static RunFilter all() {
        return new RunFilter(
                Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), OptionalInt.empty(), false);
    }

    /** The runs of one job, crawler or workflow. */
    public RunFilter of(RunKind kind, String name) {
        return new RunFilter(Optional.of(kind), Optional.of(name), states, workflowRunId, limit, oldestFirst);
    }

    public RunFilter kind(RunKind kind) {
        return new RunFilter(Optional.of(kind), name, states, workflowRunId, limit, oldestFirst);
    }

    public RunFilter name(String name) {
        return new RunFilter(kind, Optional.of(name), states, workflowRunId, limit, oldestFirst);
    }

    public RunFilter states(RunState first, RunState... more) {
        return new RunFilter(kind, name, EnumSet.of(first, more), workflowRunId, limit, oldestFirst);
    }

    public RunFilter workflowRunId(String workflowRunId) {
        return new RunFilter(kind, name, states, Optional.of(workflowRunId), limit, oldestFirst);
    }

    public RunFilter limit(int limit) {
        return new RunFilter(kind, name, states, workflowRunId, OptionalInt.of(limit), oldestFirst);
    }

    public RunFilter fromOldest() {
        return new RunFilter(kind, name, states, workflowRunId, limit, true);
    }
}
