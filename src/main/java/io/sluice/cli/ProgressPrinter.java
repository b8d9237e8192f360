package io.sluice.cli;

import io.sluice.runtime.mr.JobProgress;
import io.sluice.runtime.mr.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows a running job's progress on stderr: on a terminal, one line rewritten in place as it changes; elsewhere (a log,
 * a pipe) a line when a MapReduce job starts, changes phase or completes, and at most every {@link #PLAIN_INTERVAL}
 * in between.
 *
 * <pre>job 1/2  map 73%  reduce 10%  rows in 1,234,567  out 12  bad 0</pre>
 */
final class ProgressPrinter implements ProgressListener {
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    /** The line last written, in place or as a line of its own. */
    private String lastLine = "";

    private String lastPhase = "";
    private int lastJob;
    private long lastPrinted;
    /** On a terminal: a progress line is shown and not yet ended by a newline. */
    private boolean lineOpen;

    ProgressPrinter(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** A printer for this process's stderr: in place when Sluice runs on a terminal. */
    static ProgressPrinter forConsole(PrintWriter err) {
        return new ProgressPrinter(err, System.console() != null, System::nanoTime);
    }

    @Override
    public void progress(JobProgress progress) {
        String line = line(progress);
        if (terminal) {
            showInPlace(line, progress.complete());
        } else if (isWorthALine(progress, line)) {
            err.println(line);
            err.flush();
            lastLine = line;
            lastPrinted = nanoTime.getAsLong();
        }
        lastPhase = progress.phase();
        lastJob = progress.job();
    }

    /** Ends the line shown in place, so that what follows starts on a line of its own. */
    void done() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private void showInPlace(String line, boolean complete) {
        if (!lineOpen) {
            err.print("\r" + line);
        } else if (!line.equals(lastLine)) {
            // Spaces cover what is left of a longer line before.
            err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
        }
        lineOpen = true;
        lastLine = line;
        if (complete) {
            done();
        } else {
            err.flush();
        }
    }

    /** A new MapReduce job or phase, or news after a while; never the same line twice. */
    private boolean isWorthALine(JobProgress progress, String line) {
        if (progress.job() != lastJob) {
            return true;
        }
        if (line.equals(lastLine)) {
            return false;
        }
        return !progress.phase().equals(lastPhase) || nanoTime.getAsLong() - lastPrinted >= PLAIN_INTERVAL.toNanos();
    }

    static String line(JobProgress progress) {
        StringBuilder line = new StringBuilder()
                .append("job ")
                .append(progress.job())
                .append('/')
                .append(progress.jobs())
                .append("  map ")
                .append(percent(progress.mapProgress()));
        if (!progress.mapOnly()) {
            line.append("  reduce ").append(percent(progress.reduceProgress()));
        }
        return line.append("  rows in ")
                .append(Display.count(progress.rowsRead()))
                .append("  out ")
                .append(Display.count(progress.rowsWritten()))
                .append("  bad ")
                .append(Display.count(progress.badRecords()))
                .toString();
    }

    private static String percent(float progress) {
        return (int) Math.floor(Math.max(0f, Math.min(1f, progress)) * 100) + "%";
    }
}
