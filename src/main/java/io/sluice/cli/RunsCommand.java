package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice runs}: the run history, newest first; {@code sluice runs show ID}: one run. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the runs of jobs, newest first: state, times, rows, errors ('runs show ID' for one).",
        subcommands = RunsShowCommand.class)
final class RunsCommand implements Callable<Integer> {
    private static final int ERROR_WIDTH = 60;

    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--job", paramLabel = "NAME", description = "Only the runs of this job.")
    private String job;

    @Option(names = "--state", paramLabel = "STATE", description = "Only runs in this state: ${COMPLETION-CANDIDATES}.")
    private RunState state;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "At most N runs (default: ${DEFAULT-VALUE}; 0 for all).")
    private int limit;

    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        try (RunStore runs = root.openRuns()) {
            print(runs.list(filter()), spec.commandLine().getOut());
        }
        return 0;
    }

    private RunFilter filter() {
        if (limit < 0) {
            throw SluiceException.invalidArgument("--limit must be 0 (for all) or more, got %d", limit);
        }
        RunFilter filter = RunFilter.all();
        if (job != null) {
            filter = filter.of(RunKind.JOB, job);
        }
        if (state != null) {
            filter = filter.states(state);
        }
        return limit == 0 ? filter : filter.limit(limit);
    }

    private void print(List<Run> runs, PrintWriter out) {
        Instant now = Instant.now();
        if (json.json) {
            out.println(GlueJson.jobRuns(runs, now));
            return;
        }
        TextTable text = TextTable.withHeader(
                "ID", "JOB", "STATE", "STARTED", "DURATION", "ROWS IN", "ROWS OUT", "BAD", "ERROR");
        for (Run run : runs) {
            text.row(
                    run.id(),
                    run.name(),
                    run.state(),
                    Display.time(run.startedOn()),
                    run.executionTime(now).map(Display::duration).orElse("-"),
                    Display.count(run.counter(RunCounters.ROWS_READ)),
                    Display.count(run.counter(RunCounters.ROWS_WRITTEN)),
                    Display.count(run.counter(RunCounters.BAD_RECORDS)),
                    run.errorMessage().map(RunsCommand::shortError).orElse(""));
        }
        text.print(out);
    }

    /** The first line of an error, cut to fit a listing; 'runs show' has all of it. */
    private static String shortError(String error) {
        String line = error.lines().findFirst().orElse("");
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 3) + "...";
    }
}
