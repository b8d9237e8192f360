package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SchemaResolver;
import io.sluice.job.Source;
import io.sluice.job.TableSource;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.Plan;
import io.sluice.plan.Planner;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import io.sluice.runtime.mr.JobRunner;
import io.sluice.runtime.mr.UserJars;
import io.sluice.runtime.stage.RowFunctions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice submit}: reads a job definition, checks it against the catalog (every problem at once, with its line)
 * and plans it as MapReduce jobs; {@code --explain} prints that plan, else the job runs, recorded in the run history
 * ({@code sluice runs}), its progress shown on stderr and its summary on stdout.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Run a job on MapReduce, recorded in the run history (sluice runs); --explain checks it against"
                + " the catalog and prints its MapReduce plan instead.")
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "The job definition, such as jobs/daily_revenue.yaml.")
    private Path file;

    @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "Fill ${KEY} placeholders of the job.")
    private Map<String, String> arguments = new LinkedHashMap<>();

    @Option(names = "--explain", description = "Print the MapReduce jobs the job runs as, without running anything.")
    private boolean explain;

    @Option(
            names = "--jar",
            paramLabel = "PATH",
            description = "A jar with the job's row functions (map: {function: ...}); repeatable. Its classes are"
                    + " checked now and the jar is shipped with the job to its tasks.")
    private List<Path> jars = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String yaml = Files.readString(file);
        JobDefinition definition = JobDefinitions.read(file, arguments);
        try (Catalog catalog = root.openCatalog()) {
            if (explain) {
                spec.commandLine()
                        .getOut()
                        .print(plan(catalog, definition).plan().explain());
                return 0;
            }
            try (RunStore runs = root.openRuns()) {
                return submit(catalog, runs, definition, yaml);
            }
        }
    }

    /** A job checked against the catalog, and its plan. */
    private record Planned(ValidatedJob job, Plan plan) {}

    private Planned plan(Catalog catalog, JobDefinition definition) {
        ClassLoader functions = UserJars.loader(jars, SubmitCommand.class.getClassLoader());
        ValidatedJob job = new JobValidator(
                        SchemaResolver.of(catalog), ExpressionTyper.compiling(), RowFunctions.typer(functions))
                .validate(definition);
        Plan plan =
                new Planner(name -> sourceSize(catalog, definition, name), Planner.DEFAULT_BROADCAST_LIMIT).plan(job);
        return new Planned(job, plan);
    }

    /**
     * Runs the job as a run of the history: recorded RUNNING before any work, then SUCCEEDED, or FAILED with the error
     * (which is passed on), with the counters either way. A run cut short by Ctrl-C or a kill is recorded STOPPED.
     */
    private int submit(Catalog catalog, RunStore runs, JobDefinition definition, String yaml) {
        Run run = runs.startNow(request(definition));
        ProgressPrinter printer = ProgressPrinter.forConsole(spec.commandLine().getErr());
        RunTracker tracker = new RunTracker(runs, run.id(), printer, System::nanoTime);
        Thread stopOnExit = new Thread(() -> stopped(runs, run, tracker), "sluice-run-" + run.id());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        JobRunner.Result result;
        try {
            Planned planned = plan(catalog, definition);
            Configuration conf = root.hadoopConfiguration();
            UserJars.ship(conf, jars);
            result = new JobRunner(catalog, conf, tracker)
                    .run(planned.job(), planned.plan(), yaml, file.toString(), arguments);
        } catch (RuntimeException e) {
            printer.done();
            failed(runs, run, tracker, e);
            throw e;
        } finally {
            removeHook(stopOnExit);
        }
        printer.done();
        Map<String, Long> counters = tracker.counters();
        counters.put(RunCounters.ROWS_READ, result.rowsRead());
        counters.put(RunCounters.ROWS_WRITTEN, result.rowsWritten());
        counters.put(RunCounters.BAD_RECORDS, result.badRecords());
        Run done = runs.finish(run.id(), RunOutcome.succeeded(counters));
        printSucceeded(definition, result, done);
        return 0;
    }

    private RunRequest request(JobDefinition definition) {
        RunRequest.Builder request = RunRequest.job(definition.name())
                .definitionFile(file.toAbsolutePath().normalize().toString())
                .arguments(definition.arguments())
                .output(qualified(definition.output().path()));
        definition.output().table().ifPresent(table -> request.outputTable(table.toString()));
        return request.build();
    }

    /** The output as the runner writes it: a full URI such as {@code file:/lake/out/daily}. */
    private String qualified(String output) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
            return path.getFileSystem(root.hadoopConfiguration())
                    .makeQualified(path)
                    .toString();
        } catch (IOException | IllegalArgumentException e) {
            return output;
        }
    }

    private void failed(RunStore runs, Run run, RunTracker tracker, RuntimeException e) {
        Map<String, Long> counters = tracker.counters();
        counters.replace(RunCounters.ROWS_WRITTEN, 0L); // a failed job publishes nothing
        try {
            Run failed = runs.finish(run.id(), RunOutcome.failed(errorMessage(e), counters));
            PrintWriter err = spec.commandLine().getErr();
            err.println(summary(failed) + "; details: sluice runs show " + failed.id());
            err.flush();
        } catch (SluiceException recordFailure) {
            e.addSuppressed(recordFailure);
        }
    }

    private static void stopped(RunStore runs, Run run, RunTracker tracker) {
        try {
            runs.finish(run.id(), RunOutcome.stopped("sluice was stopped while the job ran", tracker.counters()));
        } catch (RuntimeException e) {
            // The run ended before the process did, or the history cannot be reached any more: nothing to add.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The process is shutting down; the hook records the run as stopped.
        }
    }

    private static String errorMessage(RuntimeException e) {
        return e instanceof SluiceException ? e.getMessage() : e.toString();
    }

    private void printSucceeded(JobDefinition definition, JobRunner.Result result, Run run) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "job %s succeeded: %d rows read, %d written, %d bad records%s; output at %s%s%n",
                definition.name(),
                result.rowsRead(),
                result.rowsWritten(),
                result.badRecords(),
                result.badRecords() > 0
                        ? " (in " + new org.apache.hadoop.fs.Path(result.output(), "_errors") + "/)"
                        : "",
                result.output(),
                definition.output().table().map(t -> ", table " + t).orElse(""));
        out.printf("%s; details: sluice runs show %s%n", summary(run), run.id());
    }

    /** {@code run jr_… SUCCEEDED in 4.2s}, with what it counted when it did not succeed. */
    private static String summary(Run run) {
        String summary = "run " + run.id() + " " + run.state()
                + run.executionTime(run.completedOn().orElseThrow())
                        .map(d -> (run.state() == RunState.SUCCEEDED ? " in " : " after ") + Display.duration(d))
                        .orElse("");
        if (run.state() == RunState.SUCCEEDED) {
            return summary;
        }
        // No bad records location: a run that did not succeed published nothing, its bad records included.
        return summary + ": " + Display.count(run.counter(RunCounters.ROWS_READ)) + " rows read, "
                + Display.count(run.counter(RunCounters.BAD_RECORDS)) + " bad records";
    }

    /** The size of a named table source from the catalog's statistics, for choosing broadcast joins. */
    private static OptionalLong sourceSize(Catalog catalog, JobDefinition definition, String name) {
        Optional<Source> source = definition.source(name);
        if (source.isPresent() && source.get() instanceof TableSource table) {
            return catalog.getTable(table.table())
                    .map(Table::parameters)
                    .map(p -> p.get("sizeKey"))
                    .map(size -> OptionalLong.of(Long.parseLong(size)))
                    .orElse(OptionalLong.empty());
        }
        return OptionalLong.empty();
    }
}
