package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.scheduler.SchedulerStatus;
import io.sluice.scheduler.SchedulerStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hands a request to the scheduler through the catalog database ({@code trigger fire}, {@code workflow resume}): a
 * running scheduler serves it within a second, and this waits for what came of it; otherwise it is served when the
 * scheduler starts.
 */
final class SchedulerRequests {
    static final Duration WAIT = Duration.ofSeconds(20);

    private SchedulerRequests() {}

    static int submit(SchedulerStore store, String kind, String target, String what, PrintWriter out) {
        long seq = store.request(kind, target);
        Optional<SchedulerStatus> status = store.status();
        if (status.isEmpty() || !status.get().running(Instant.now())) {
            out.println(what + ": recorded (request " + seq + "); no scheduler runs now, the next 'sluice scheduler"
                    + " start' serves it");
            return 0;
        }
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            Optional<String> outcome = store.outcome(seq);
            if (outcome.isPresent()) {
                if (outcome.get().startsWith("refused: ")) {
                    throw new SluiceException(ErrorCode.INVALID_ARGUMENT, what + ": " + outcome.get());
                }
                out.println(what + ": " + outcome.get() + " (follow it with: sluice runs)");
                return 0;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        out.println(what + ": recorded (request " + seq + "); the scheduler has not served it yet");
        return 0;
    }
}
