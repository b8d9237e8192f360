package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** How a run ended: a terminal state, why it did not succeed, and what it counted. */
public record RunOutcome(RunState state, Optional<String> errorMessage, Map<String, Long> counters) {
    public RunOutcome {
        requireNonNull(state, "state is null");
        requireNonNull(errorMessage, "errorMessage is null");
        counters = RunCounters.copyOf(requireNonNull(counters, "counters is null"));
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("a run ends in a terminal state, not " + state);
        }
        if (state == RunState.SUCCEEDED && errorMessage.isPresent()) {
            throw new IllegalArgumentException("a run that succeeded has no error: " + errorMessage.get());
        }
        if (state != RunState.SUCCEEDED && errorMessage.isEmpty()) {
            throw new IllegalArgumentException("a run that ends " + state + " says why");
        }
    }

    public static RunOutcome succeeded(Map<String, Long> counters) {
        return new RunOutcome(RunState.SUCCEEDED, Optional.empty(), counters);
    }

    public static RunOutcome failed(String errorMessage, Map<String, Long> counters) {
        return new RunOutcome(RunState.FAILED, Optional.of(errorMessage), counters);
    }

    public static RunOutcome timedOut(String errorMessage, Map<String, Long> counters) {
        return new RunOutcome(RunState.TIMEOUT, Optional.of(errorMessage), counters);
    }

    public static RunOutcome stopped(String reason, Map<String, Long> counters) {
        return new RunOutcome(RunState.STOPPED, Optional.of(reason), counters);
    }
}
