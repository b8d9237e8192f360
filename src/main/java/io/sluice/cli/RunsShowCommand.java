package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one run: state, times, arguments, error, counters, output.")
final class RunsShowCommand implements Callable<Integer> {
    @ParentCommand
    private RunsCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run, such as jr_3f9c... (see 'sluice runs').")
    private String id;

    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        Run run;
        try (RunStore runs = parent.root.openRuns()) {
            run = runs.get(id)
                    .orElseThrow(() -> SluiceException.notFound("run %s does not exist (see 'sluice runs')", id));
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (json.json) {
            out.println(GlueJson.jobRun(run, now));
        } else {
            print(run, now, out);
        }
        return 0;
    }

    private static void print(Run run, Instant now, PrintWriter out) {
        RunRequest request = run.request();
        TextTable about = TextTable.withHeader("Run", run.id())
                .row(Display.kind(run.kind()), run.name())
                .row("State", run.state())
                .row("Attempt", run.attempt());
        request.previousRunId().ifPresent(previous -> about.row("Previous run", previous));
        about.row("Trigger", request.trigger());
        request.workflowRunId().ifPresent(workflow -> about.row("Workflow run", workflow));
        request.definitionFile().ifPresent(file -> about.row("Definition", file));
        if (!request.arguments().isEmpty()) {
            about.row("Arguments", arguments(request.arguments()));
        }
        about.row("Created", Display.time(Optional.of(run.createdOn())))
                .row("Started", Display.time(run.startedOn()))
                .row("Completed", Display.time(run.completedOn()))
                .row("Duration", run.executionTime(now).map(Display::duration).orElse("-"))
                .row("Rows read", Display.count(run.counter(RunCounters.ROWS_READ)))
                .row("Rows written", Display.count(run.counter(RunCounters.ROWS_WRITTEN)))
                .row("Bad records", Display.count(run.counter(RunCounters.BAD_RECORDS)));
        if (run.counter(RunCounters.BAD_RECORDS) > 0) {
            run.errorsLocation().ifPresent(errors -> about.row("Bad records in", errors));
        }
        request.output().ifPresent(output -> about.row("Output", output));
        request.outputTable().ifPresent(table -> about.row("Table", table));
        run.owner().ifPresent(owner -> about.row("Process", owner));
        run.errorMessage().ifPresent(error -> about.row("Error", error));
        about.print(out);

        TextTable counters = TextTable.withHeader("COUNTER", "VALUE");
        run.counters().forEach((name, value) -> counters.row(name, Display.count(value)));
        if (!counters.isEmpty()) {
            out.println();
            counters.print(out);
        }
    }

    private static String arguments(Map<String, String> arguments) {
        return arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
