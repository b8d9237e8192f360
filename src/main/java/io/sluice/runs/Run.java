package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a job, crawler or workflow as the run history records it: the {@link RunRequest}, its state, its times
 * and, once it ends, its error and counters.
 *
 * <ul>
 *   <li>{@code createdOn}: when it was recorded; {@code modifiedOn}: its last change;
 *   <li>{@code startedOn}: when it began {@link RunState#RUNNING}, absent while it waits (and for a run stopped
 *       while waiting); {@code completedOn}: when it reached a terminal state;
 *   <li>{@code counters}: see {@link RunCounters}; updated while it runs, final once it ends;
 *   <li>{@code owner}: the process that ran it ({@code pid@host}), so that a restarted scheduler can tell its own
 *       runs that were cut off from those of a process still alive.
 * </ul>
 */
public record Run(
        String id,
        RunRequest request,
        RunState state,
        Instant createdOn,
        Instant modifiedOn,
        Optional<Instant> startedOn,
        Optional<Instant> completedOn,
        Optional<String> errorMessage,
        Map<String, Long> counters,
        Optional<String> owner) {

    public Run {
        requireNonNull(id, "id is null");
        requireNonNull(request, "request is null");
        requireNonNull(state, "state is null");
        requireNonNull(createdOn, "createdOn is null");
        requireNonNull(modifiedOn, "modifiedOn is null");
        requireNonNull(startedOn, "startedOn is null");
        requireNonNull(completedOn, "completedOn is null");
        requireNonNull(errorMessage, "errorMessage is null");
        counters = RunCounters.copyOf(requireNonNull(counters, "counters is null"));
        requireNonNull(owner, "owner is null");
        if (!id.startsWith(request.kind().idPrefix())) {
            throw new IllegalArgumentException("the id of a " + request.kind() + " run starts with "
                    + request.kind().idPrefix() + ": " + id);
        }
        if (state == RunState.WAITING && startedOn.isPresent()) {
            throw new IllegalArgumentException("run " + id + " is WAITING and cannot have started");
        }
        if (state == RunState.RUNNING && startedOn.isEmpty()) {
            throw new IllegalArgumentException("run " + id + " is RUNNING and must have started");
        }
        if (state.isTerminal() != completedOn.isPresent()) {
            throw new IllegalArgumentException(
                    "run " + id + " is " + state + ": it has a completion time exactly when it ended");
        }
    }

    public RunKind kind() {
        return request.kind();
    }

    public String name() {
        return request.name();
    }

    public int attempt() {
        return request.attempt();
    }

    /** A counter's value, 0 when the run has not counted it. */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** How long it ran: until it ended, or until {@code now} while it runs; absent if it never started. */
    public Optional<Duration> executionTime(Instant now) {
        return startedOn.map(start -> Duration.between(start, completedOn.orElse(now)));
    }

    /** Where its bad records are: {@code _errors/} of its output. */
    public Optional<String> errorsLocation() {
        return request.output().map(output -> output.endsWith("/") ? output + "_errors/" : output + "/_errors/");
    }
}
