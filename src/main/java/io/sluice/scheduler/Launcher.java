package io.sluice.scheduler;

import io.sluice.runs.Run;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Runs the work of a run the scheduler has started ({@code RUNNING}): a job or a crawl, usually in a process of its own
 * that records the run's outcome in the run history. The scheduler watches the history for the outcome and the launch
 * for the process's end.
 */
public interface Launcher {
    /** The work of one run under way. */
    interface Launch {
        /** The process that does it. */
        long pid();

        boolean alive();

        /** How the process ended, once it has: 0 success, 1 the work failed, 2 the definition is at fault. */
        OptionalInt exitCode();

        /** Stops the work (a timeout, a shutdown); its process records the run {@code STOPPED} if it can. */
        void stop();
    }

    /** Starts the work of {@code run} of {@code node}. */
    Launch launch(Run run, Node node);

    /**
     * The work of a run started by an earlier scheduler process, if a process still runs it: process {@code pid}, or,
     * when that scheduler stopped before it could record the pid, any process running that run.
     */
    Optional<Launch> adopt(Run run, OptionalLong pid);
}
