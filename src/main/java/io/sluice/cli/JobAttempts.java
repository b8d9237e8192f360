package io.sluice.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.RetryPolicy;
import io.sluice.runs.Run;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs a job's attempts as its {@link RetryPolicy} allows: the first, then, after each failed attempt the policy
 * retries, a new run of the history ({@code RunRequest.retryOf}) that waits ({@code WAITING}) for its delay and then
 * runs. Each attempt records its own outcome; this decides from it whether another follows.
 */
final class JobAttempts {
    /** One attempt of the job as {@code run}: it ends the run in the history, and throws when it did not succeed. */
    @FunctionalInterface
    interface Attempt {
        void run(Run run);
    }

    /** Waits; tests wait on a clock of their own. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper THREAD = delay -> Thread.sleep(delay.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }

    private final RunStore runs;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final PrintWriter err;

    JobAttempts(RunStore runs, RetryPolicy policy, Sleeper sleeper, RandomGenerator random, PrintWriter err) {
        this.runs = requireNonNull(runs, "runs is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.random = requireNonNull(random, "random is null");
        this.err = requireNonNull(err, "err is null");
    }

    /**
     * Runs {@code first} (a run already {@code RUNNING}) and its retries; returns the run that succeeded, or throws
     * the last attempt's failure.
     */
    Run run(Run first, Attempt attempt) {
        Run run = first;
        while (true) {
            if (retrying() || run.attempt() > 0) {
                err.println(label(run) + ": run " + run.id()
                        + run.request()
                                .previousRunId()
                                .map(p -> ", retry of " + p)
                                .orElse(""));
                err.flush();
            }
            try {
                attempt.run(run);
                return run;
            } catch (RuntimeException e) {
                if (!policy.retries(run.attempt(), endedIn(run), cause(e))) {
                    throw e;
                }
                run = retry(run, e);
            }
        }
    }

    /** Whether the job may take more than one attempt. */
    boolean retrying() {
        return policy.retries() > 0;
    }

    /** {@code attempt 2 of 3}: which attempt runs, out of how many the policy allows. */
    String label(Run run) {
        return "attempt " + (run.attempt() + 1) + " of " + Math.max(policy.attempts(), run.attempt() + 1);
    }

    /** Records the next attempt waiting, waits for its delay and starts it; a stop while waiting stops it. */
    private Run retry(Run failed, RuntimeException failure) {
        int next = failed.attempt() + 1;
        Duration delay = policy.delay(next, random);
        Run waiting = runs.enqueue(failed.request().retryOf(failed.id()));
        err.println("run " + failed.id() + " failed; retrying in " + Display.duration(delay) + " as run " + waiting.id()
                + " (" + label(waiting) + ")");
        err.flush();
        try (StopOnExit stop =
                StopOnExit.register(runs, waiting.id(), "sluice was stopped before the retry ran", Map::of)) {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.finish(waiting.id(), RunOutcome.stopped("interrupted before the retry ran", Map.of()));
            failure.addSuppressed(e);
            throw failure;
        }
        return runs.start(waiting.id());
    }

    private RunState endedIn(Run run) {
        return runs.get(run.id()).map(Run::state).orElse(RunState.FAILED);
    }

    private static ErrorCode.Category cause(RuntimeException e) {
        return e instanceof SluiceException sluice ? sluice.code().category() : ErrorCode.Category.INTERNAL;
    }
}
