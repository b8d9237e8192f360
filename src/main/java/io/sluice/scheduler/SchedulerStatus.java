package io.sluice.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The scheduler process last recorded: who it is, since when it runs, its last sign of life and when it stopped. */
public record SchedulerStatus(
        String owner, Instant startedOn, Instant heartbeatOn, Optional<Instant> stoppedOn, String definitions) {
    /** Its heartbeat goes at least this often while it runs. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** Running: not stopped, and heard from lately. */
    public boolean running(Instant now) {
        return stoppedOn.isEmpty() && Duration.between(heartbeatOn, now).compareTo(HEARTBEAT.multipliedBy(3)) < 0;
    }
}
