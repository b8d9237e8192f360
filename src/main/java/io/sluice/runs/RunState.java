package io.sluice.runs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a run, as AWS Glue names job run states. A run is {@link #WAITING} in a queue or {@link #RUNNING}; it
 * ends in one of the terminal states, which never change again.
 */
public enum RunState {
    /** Recorded and waiting for its turn (a concurrency limit, a retry delay); nothing has started yet. */
    WAITING,
    /** Its work is under way. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Stopped because it ran longer than its timeout. */
    TIMEOUT,
    /** Stopped on request (or by a shutdown) before it finished. */
    STOPPED;

    public boolean isTerminal() {
        return this != WAITING && this != RUNNING;
    }

    /** The states a run in this state may move to next. */
    public Set<RunState> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(RUNNING, FAILED, STOPPED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, TIMEOUT, STOPPED);
            default -> EnumSet.noneOf(RunState.class);
        };
    }

    public boolean canBecome(RunState state) {
        return next().contains(state);
    }
}
