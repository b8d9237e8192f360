package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import io.sluice.runs.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A job or crawler the scheduler can run, with what the scheduler needs to know of it: its definition file, its retry
 * policy, its timeout, how many of its runs may run at once, and the {@code ${KEY}} arguments it takes (run
 * properties of other names are not passed to it).
 */
public record Node(
        NodeRef ref,
        String file,
        RetryPolicy retryPolicy,
        Optional<Duration> timeout,
        int maxConcurrentRuns,
        Set<String> argumentNames) {
    public Node {
        requireNonNull(ref, "ref is null");
        requireNonNull(file, "file is null");
        requireNonNull(retryPolicy, "retryPolicy is null");
        requireNonNull(timeout, "timeout is null");
        argumentNames = Set.copyOf(argumentNames);
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, got " + maxConcurrentRuns);
        }
    }
}
