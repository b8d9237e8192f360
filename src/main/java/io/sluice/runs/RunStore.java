package io.sluice.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable run history: every run of a job, crawler or workflow, and each change of its state, committed before the
 * caller acts on it.
 *
 * <p>Contract, checked by {@code RunStoreContractTest} for every implementation:
 *
 * <ul>
 *   <li>The store gives each run a new id ({@link RunKind#newId()}) and takes every time it records from its clock,
 *       to the millisecond.
 *   <li>States move only along {@link RunState#next()}: {@code WAITING → RUNNING → SUCCEEDED | FAILED | TIMEOUT |
 *       STOPPED}, and from {@code WAITING} straight to {@code FAILED} or {@code STOPPED}. Any other change, such as
 *       finishing a run that another process has already finished, fails with {@code CONCURRENT_MODIFICATION} and
 *       changes nothing, so that of two processes racing for one run exactly one wins.
 *   <li>A run that does not exist fails with {@code NOT_FOUND}; {@link #get} returns empty instead.
 *   <li>Listings are newest first (by creation, then by the order of recording), unless the filter asks for oldest
 *       first.
 *   <li>Several stores (threads or processes) may use the same history at once; no change is lost.
 * </ul>
 */
public interface RunStore extends AutoCloseable {

    /** Records a run that waits for its turn ({@link RunState#WAITING}). */
    Run enqueue(RunRequest request);

    /** Records a run that starts at once ({@link RunState#RUNNING}, started now, owned by this process). */
    Run startNow(RunRequest request);

    /** Starts a waiting run: {@code WAITING → RUNNING}, started now, owned by this process. */
    Run start(String id);

    /** Replaces the counters of a running run with newer ones, as its work goes on. */
    Run progress(String id, Map<String, Long> counters);

    /**
     * Ends a waiting or running run in the outcome's terminal state, now. The outcome's counters replace those recorded
     * while it ran, unless it has none (a run marked failed after its process died keeps its last counters).
     */
    Run finish(String id, RunOutcome outcome);

    Optional<Run> get(String id);

    List<Run> list(RunFilter filter);

    @Override
    void close();
}
