package io.sluice.cli;

import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunStore;
import java.util.Map;
import java.util.function.Supplier;

/**
 * While open, records a run {@code STOPPED} when the process ends before the run does (Ctrl-C, {@code kill}), with
 * what it counted until then.
 */
final class StopOnExit implements AutoCloseable {
    private final Thread hook;

    private StopOnExit(Thread hook) {
        this.hook = hook;
    }

    static StopOnExit register(RunStore runs, String runId, String reason, Supplier<Map<String, Long>> counters) {
        Thread hook = new Thread(() -> stop(runs, runId, reason, counters), "sluice-run-" + runId);
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnExit(hook);
    }

    private static void stop(RunStore runs, String runId, String reason, Supplier<Map<String, Long>> counters) {
        try {
            runs.finish(runId, RunOutcome.stopped(reason, counters.get()));
        } catch (RuntimeException e) {
            // The run ended before the process did, or the history cannot be reached any more: nothing to add.
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The process is shutting down; the hook records the run as stopped.
        }
    }
}
