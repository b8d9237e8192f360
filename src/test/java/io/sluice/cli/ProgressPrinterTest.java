package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.mr.JobProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of {@code sluice submit}: in place on a terminal, a few plain lines elsewhere. */
class ProgressPrinterTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressPrinter printer(boolean terminal) {
        return new ProgressPrinter(new PrintWriter(text), terminal, nanos::get);
    }

    private static JobProgress reduceJob(int job, float map, float reduce, long in, long out, boolean complete) {
        return new JobProgress(job, 2, false, map, reduce, in, out, 0, Map.of(), complete);
    }

    @Test
    void formatsTheLineWithPercentagesAndGroupedCounts() {
        assertThat(ProgressPrinter.line(new JobProgress(1, 2, false, 0.737f, 0.1f, 1_234_567, 12, 0, Map.of(), false)))
                .isEqualTo("job 1/2  map 73%  reduce 10%  rows in 1,234,567  out 12  bad 0");
        assertThat(ProgressPrinter.line(new JobProgress(1, 1, true, 1f, 0f, 36, 15, 2, Map.of(), true)))
                .as("a map-only job has no reduce")
                .isEqualTo("job 1/1  map 100%  rows in 36  out 15  bad 2");
    }

    @Test
    void onATerminalRewritesOneLinePerJobInPlace() {
        ProgressPrinter printer = printer(true);

        printer.progress(reduceJob(1, 0.5f, 0f, 1_000, 0, false));
        printer.progress(reduceJob(1, 0.5f, 0f, 1_000, 0, false));
        printer.progress(reduceJob(1, 1f, 1f, 20, 3, true));
        printer.progress(reduceJob(2, 0f, 0f, 0, 0, false));
        printer.done();
        printer.done();

        assertThat(text.toString())
                .isEqualTo("\rjob 1/2  map 50%  reduce 0%  rows in 1,000  out 0  bad 0"
                        + "\rjob 1/2  map 100%  reduce 100%  rows in 20  out 3  bad 0" + System.lineSeparator()
                        + "\rjob 2/2  map 0%  reduce 0%  rows in 0  out 0  bad 0" + System.lineSeparator());
    }

    @Test
    void onATerminalCoversWhatIsLeftOfALongerLine() {
        ProgressPrinter printer = printer(true);

        printer.progress(reduceJob(1, 0.5f, 0f, 1_000_000, 0, false));
        printer.progress(reduceJob(1, 0.6f, 0f, 5, 0, false));

        assertThat(text.toString()).endsWith("\rjob 1/2  map 60%  reduce 0%  rows in 5  out 0  bad 0" + " ".repeat(8));
    }

    @Test
    void elsewherePrintsPhaseChangesAndAtMostEveryFewSeconds() {
        ProgressPrinter printer = printer(false);

        printer.progress(reduceJob(1, 0f, 0f, 0, 0, false)); // a new job: printed
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        printer.progress(reduceJob(1, 0.3f, 0f, 100, 0, false)); // too soon
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        printer.progress(reduceJob(1, 0.6f, 0f, 200, 0, false)); // a while later: printed
        printer.progress(reduceJob(1, 0.7f, 0f, 300, 0, false)); // too soon
        printer.progress(reduceJob(1, 1f, 0f, 400, 0, false)); // reduce phase: printed
        printer.progress(reduceJob(1, 1f, 1f, 400, 9, true)); // done: printed
        printer.progress(reduceJob(2, 0f, 0f, 0, 0, false)); // the next job: printed

        assertThat(text.toString().lines())
                .containsExactly(
                        "job 1/2  map 0%  reduce 0%  rows in 0  out 0  bad 0",
                        "job 1/2  map 60%  reduce 0%  rows in 200  out 0  bad 0",
                        "job 1/2  map 100%  reduce 0%  rows in 400  out 0  bad 0",
                        "job 1/2  map 100%  reduce 100%  rows in 400  out 9  bad 0",
                        "job 2/2  map 0%  reduce 0%  rows in 0  out 0  bad 0");
    }

    @Test
    void elsewhereNeverPrintsTheSameLineTwice() {
        ProgressPrinter printer = printer(false);

        printer.progress(new JobProgress(1, 1, true, 0f, 0f, 0, 0, 0, Map.of(), false));
        printer.progress(new JobProgress(1, 1, true, 0f, 0f, 0, 0, 0, Map.of(), true)); // failed at once

        assertThat(text.toString().lines()).containsExactly("job 1/1  map 0%  rows in 0  out 0  bad 0");
    }
}
