package io.sluice.scheduler;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The scheduler's durable state, kept with the run history: each method that changes something is one transaction,
 * committed before it returns, so that the scheduler acts only on decisions that a restart will find again.
 *
 * <p>Contract: {@link #fire} records a trigger's firing for a key at most once, and the runs it creates with it, or
 * nothing; {@link #settle} records the end of a run as dealt with and its retry, or nothing.
 */
public interface SchedulerStore extends AutoCloseable {
    /** A run the scheduler owns, with when it may start, its process and whether its end was dealt with. */
    record ScheduledRun(Run run, Instant notBefore, OptionalLong pid, OptionalInt exitCode, boolean settled) {}

    /** What one trigger has seen: since when it watches, and how far it has looked (a time or a file's time). */
    record TriggerState(Instant since, Optional<Instant> watermark) {}

    /** A request from the command line: {@code FIRE trigger} or {@code RESUME workflow-run}. */
    record Request(long seq, String kind, String target, Instant requestedOn) {}

    /**
     * A firing: the trigger, the key it fires for, the watermark to move to, the workflow run to start (if it starts
     * one) and the node runs to queue, which the store puts in that workflow run; the request it serves, if any.
     */
    record Firing(
            String trigger,
            String key,
            Optional<Instant> watermark,
            Optional<RunRequest> workflow,
            List<RunRequest> nodes,
            Instant notBefore,
            OptionalLong request) {
        public Firing {
            nodes = List.copyOf(nodes);
        }
    }

    /** The runs a firing created: the workflow run, if it started one, and the node runs, WAITING. */
    record Fired(Optional<Run> workflow, List<Run> nodes) {}

    /** Starts watching a trigger from {@code since}, unless it is watched already; returns its state. */
    TriggerState watch(String trigger, Instant since);

    /** Records the firing unless the trigger has fired for that key; empty when it had. */
    Optional<Fired> fire(Firing firing);

    /** Moves a trigger's watermark without firing (missed times skipped). */
    void advance(String trigger, Instant watermark);

    /** When the trigger last fired, if ever. */
    Optional<Instant> lastFired(String trigger);

    /** Queues a run of the scheduler's that may start at {@code notBefore}. */
    Run enqueue(RunRequest request, Instant notBefore);

    /** The scheduler's runs that have not ended, or ended and were not dealt with, oldest first. */
    List<ScheduledRun> open();

    /** Starts a waiting run: {@code WAITING → RUNNING}. */
    Run start(String runId);

    /** Records the process that runs a running run. */
    void launched(String runId, long pid);

    /** Records the exit code of a run's process. */
    void exited(String runId, int exitCode);

    /** Ends a run (see {@link io.sluice.runs.RunStore#finish}). */
    Run finish(String runId, RunOutcome outcome);

    /**
     * Ends a run as {@link #finish} does, unless it has ended already (its process may have been quicker).
     *
     * @return true when this call ended it
     */
    default boolean finishUnlessEnded(String runId, RunOutcome outcome) {
        try {
            finish(runId, outcome);
            return true;
        } catch (SluiceException e) {
            if (e.code() == ErrorCode.CONCURRENT_MODIFICATION) {
                return false;
            }
            throw e;
        }
    }

    /** Marks a run's end as dealt with and queues its retry, if any, in one transaction. */
    Optional<Run> settle(String runId, Optional<RunRequest> retry, Instant notBefore);

    /** Whether a run of the scheduler's ended and was dealt with; true for runs the scheduler does not own. */
    boolean settled(String runId);

    Optional<Run> get(String runId);

    List<Run> list(RunFilter filter);

    /** Records a request from the command line; returns its number. */
    long request(String kind, String target);

    /** The requests not yet served, oldest first. */
    List<Request> pendingRequests();

    /** Marks a request served with what came of it. */
    void handled(long seq, String outcome);

    /** What came of a request, once served. */
    Optional<String> outcome(long seq);

    /** Records that a scheduler process runs (or still runs), with the definitions it loaded. */
    void heartbeat(String owner, Instant startedOn, String definitions);

    /** Records that the scheduler process stopped. */
    void stopped(String owner);

    /** The scheduler process last recorded, if any. */
    Optional<SchedulerStatus> status();

    @Override
    void close();
}
