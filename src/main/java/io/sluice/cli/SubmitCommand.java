package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import io.sluice.definition.Durations;
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
import io.sluice.runs.Deadline;
import io.sluice.runs.RetryPolicy;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunKind;
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
import java.util.random.RandomGenerator;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice submit}: reads a job definition, checks it against the catalog (every problem at once, with its line)
 * and plans it as MapReduce jobs; {@code --explain} prints that plan, else the job runs, recorded in the run history
 * ({@code sluice runs}), its progress shown on stderr and its summary on stdout. A failed run is retried as the job's
 * {@code retries} and {@code retry_delay} say, each attempt a run of its own; a run longer than the job's {@code
 * timeout} is stopped and ends {@code TIMEOUT}.
 *
 * <p>{@code --detach} checks the job here, records its run {@code WAITING} and runs it in a background process
 * ({@link BackgroundProcess}): the same command with the hidden {@code --run-id}, which starts that recorded run.
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

    @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "Fill $${KEY} placeholders of the job.")
    private Map<String, String> arguments = new LinkedHashMap<>();

    @Option(names = "--explain", description = "Print the MapReduce jobs the job runs as, without running anything.")
    private boolean explain;

    @Option(
            names = "--jar",
            paramLabel = "PATH",
            description = "A jar with the job's row functions (map: {function: ...}); repeatable. Its classes are"
                    + " checked now and the jar is shipped with the job to its tasks.")
    private List<Path> jars = new ArrayList<>();

    @Option(
            names = "--detach",
            description = "Check the job, record its run and run it in a background process that outlives this one;"
                    + " print the run's id and exit. The job's output goes to <catalog>/logs/RUN_ID.log.")
    private boolean detach;

    /** The run a {@code --detach}ed job runs as: recorded WAITING by the command that started this process. */
    @Option(names = "--run-id", hidden = true, paramLabel = "RUN_ID")
    private String runId;

    /**
     * With {@code --run-id}: the run is RUNNING already, started by the scheduler, which retries it; this process runs
     * one attempt.
     */
    @Option(names = "--scheduled", hidden = true)
    private boolean scheduled;

    @Override
    public Integer call() throws IOException {
        if (explain && (detach || runId != null)) {
            throw new ParameterException(spec.commandLine(), "--explain runs nothing: it does not go with --detach");
        }
        if (scheduled && runId == null) {
            throw new ParameterException(spec.commandLine(), "--scheduled runs the run --run-id names: give it");
        }
        if (detach && runId != null) {
            throw new ParameterException(spec.commandLine(), "--run-id is the detached run itself: drop --detach");
        }
        String yaml;
        JobDefinition definition;
        try {
            yaml = Files.readString(file);
            definition = JobDefinitions.read(file, arguments);
        } catch (IOException | RuntimeException e) {
            if (runId != null) {
                failRecorded(e);
            }
            throw e;
        }
        try (Catalog catalog = root.openCatalog()) {
            if (explain) {
                spec.commandLine()
                        .getOut()
                        .print(plan(catalog, definition).plan().explain());
                return 0;
            }
            try (RunStore runs = root.openRuns()) {
                if (detach) {
                    return detach(catalog, runs, definition);
                }
                Run first = runId == null
                        ? runs.startNow(request(definition))
                        : scheduled ? runningRecorded(runs, definition) : startRecorded(runs, definition);
                RetryPolicy policy =
                        scheduled ? RetryPolicy.none() : RetryPolicy.of(definition.retries(), definition.retryDelay());
                JobAttempts attempts =
                        new JobAttempts(runs, policy, JobAttempts.Sleeper.THREAD, RandomGenerator.getDefault(), err());
                attempts.run(first, run -> submit(catalog, runs, definition, yaml, run, attemptLabel(attempts, run)));
                return 0;
            }
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Records the run WAITING, checks the job against the catalog (an invalid job ends the run FAILED and exits 2
     * here), and starts the process that runs it.
     */
    private int detach(Catalog catalog, RunStore runs, JobDefinition definition) {
        Run run = runs.enqueue(request(definition));
        Path log = root.catalogDir().resolve("logs").resolve(run.id() + ".log").toAbsolutePath();
        long pid;
        try {
            plan(catalog, definition);
            pid = BackgroundProcess.start(childArguments(run.id()), log).pid();
        } catch (IOException e) {
            SluiceException failure = new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE,
                    "cannot start job " + definition.name() + " in the background: " + e,
                    e);
            failWaiting(runs, run, failure);
            throw failure;
        } catch (RuntimeException e) {
            failWaiting(runs, run, e);
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "run %s of job %s runs in the background (process %d); log: %s%n",
                run.id(), definition.name(), pid, log);
        out.printf("follow it with: sluice runs show %s%n", run.id());
        return 0;
    }

    /** What the background process is given: this command line, for the recorded run, with absolute paths. */
    private List<String> childArguments(String id) {
        List<String> args = new ArrayList<>(
                List.of("--catalog", root.catalogDir().toAbsolutePath().toString()));
        if (root.stacktrace()) {
            args.add("--stacktrace");
        }
        root.clusterConfDir()
                .ifPresent(dir ->
                        args.addAll(List.of("--cluster", dir.toAbsolutePath().toString())));
        args.addAll(List.of("submit", file.toAbsolutePath().toString(), "--run-id", id));
        arguments.forEach((key, value) -> args.addAll(List.of("--arg", key + "=" + value)));
        jars.forEach(jar -> args.addAll(List.of("--jar", jar.toAbsolutePath().toString())));
        return args;
    }

    private static void failWaiting(RunStore runs, Run run, RuntimeException e) {
        try {
            runs.finish(run.id(), RunOutcome.failed(errorMessage(e), Map.of()));
        } catch (SluiceException recordFailure) {
            e.addSuppressed(recordFailure);
        }
    }

    /** A background process that cannot even read its job ends its waiting run FAILED, so that it waits no more. */
    private void failRecorded(Exception e) {
        try (RunStore runs = root.openRuns()) {
            runs.finish(
                    runId, RunOutcome.failed(e instanceof SluiceException ? e.getMessage() : e.toString(), Map.of()));
        } catch (SluiceException recordFailure) {
            e.addSuppressed(recordFailure);
        }
    }

    /** Starts the run {@code --run-id} names, which a {@code --detach}ed submit recorded WAITING for this process. */
    private Run startRecorded(RunStore runs, JobDefinition definition) {
        return runs.start(recorded(runs, definition).id());
    }

    /** The run {@code --run-id} names, which the scheduler started (RUNNING) for this process. */
    private Run runningRecorded(RunStore runs, JobDefinition definition) {
        Run recorded = recorded(runs, definition);
        if (recorded.state() != RunState.RUNNING) {
            throw new SluiceException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "run " + runId + " of job " + definition.name() + " is " + recorded.state() + ", not RUNNING");
        }
        return recorded;
    }

    private Run recorded(RunStore runs, JobDefinition definition) {
        Run recorded = runs.get(runId)
                .orElseThrow(() -> SluiceException.notFound("run %s does not exist (see 'sluice runs')", runId));
        if (recorded.kind() != RunKind.JOB || !recorded.name().equals(definition.name())) {
            throw SluiceException.invalidArgument(
                    "run %s is a run of %s %s, not of job %s",
                    runId,
                    recorded.kind().name().toLowerCase(java.util.Locale.ROOT),
                    recorded.name(),
                    definition.name());
        }
        return recorded;
    }

    /** {@code " (attempt 2 of 3)"} for a job that retries, else nothing. */
    private static String attemptLabel(JobAttempts attempts, Run run) {
        return attempts.retrying() || run.attempt() > 0 ? " (" + attempts.label(run) + ")" : "";
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
     * Runs one attempt of the job as {@code run}, a run of the history already RUNNING: it ends SUCCEEDED, TIMEOUT when
     * it outlasts the job's timeout, or FAILED with the error (which is passed on), with the counters either way. A run
     * cut short by Ctrl-C or a kill is recorded STOPPED.
     */
    private void submit(
            Catalog catalog, RunStore runs, JobDefinition definition, String yaml, Run run, String attempt) {
        Deadline deadline = Deadline.of(definition.timeout(), timeoutMessage(definition), System::nanoTime);
        ProgressPrinter printer = ProgressPrinter.forConsole(err());
        RunTracker tracker = new RunTracker(runs, run.id(), printer, System::nanoTime);
        JobRunner.Result result;
        try (StopOnExit stop =
                StopOnExit.register(runs, run.id(), "sluice was stopped while the job ran", tracker::counters)) {
            try {
                Planned planned = plan(catalog, definition);
                Configuration conf = root.hadoopConfiguration();
                UserJars.ship(conf, jars);
                result = new JobRunner(catalog, conf, tracker, deadline)
                        .run(planned.job(), planned.plan(), yaml, file.toString(), arguments);
            } catch (RuntimeException e) {
                printer.done();
                failed(runs, run, tracker, e, attempt);
                throw e;
            }
            printer.done();
            Map<String, Long> counters = tracker.counters();
            counters.put(RunCounters.ROWS_READ, result.rowsRead());
            counters.put(RunCounters.ROWS_WRITTEN, result.rowsWritten());
            counters.put(RunCounters.BAD_RECORDS, result.badRecords());
            Run done = runs.finish(run.id(), RunOutcome.succeeded(counters));
            printSucceeded(definition, result, done, attempt);
        }
    }

    private static String timeoutMessage(JobDefinition definition) {
        return "job " + definition.name() + " timed out: it ran longer than its timeout of "
                + definition.timeout().map(Durations::format).orElse("") + " and was stopped; nothing was written";
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

    /** Ends the run TIMEOUT when it outlasted its timeout, else FAILED, and prints its summary. */
    private void failed(RunStore runs, Run run, RunTracker tracker, RuntimeException e, String attempt) {
        Map<String, Long> counters = tracker.counters();
        counters.replace(RunCounters.ROWS_WRITTEN, 0L); // a failed job publishes nothing
        boolean timedOut = e instanceof SluiceException sluice && sluice.code() == ErrorCode.TIMEOUT;
        try {
            Run failed = runs.finish(
                    run.id(),
                    timedOut
                            ? RunOutcome.timedOut(errorMessage(e), counters)
                            : RunOutcome.failed(errorMessage(e), counters));
            PrintWriter err = err();
            err.println(summary(failed, attempt) + "; details: sluice runs show " + failed.id());
            err.flush();
        } catch (SluiceException recordFailure) {
            e.addSuppressed(recordFailure);
        }
    }

    private static String errorMessage(RuntimeException e) {
        return e instanceof SluiceException ? e.getMessage() : e.toString();
    }

    private void printSucceeded(JobDefinition definition, JobRunner.Result result, Run run, String attempt) {
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
        out.printf("%s; details: sluice runs show %s%n", summary(run, attempt), run.id());
    }

    /**
     * {@code run jr_… SUCCEEDED in 4.2s}, with the attempt of a job that retries ({@code (attempt 2 of 3)}) and what it
     * counted when it did not succeed.
     */
    private static String summary(Run run, String attempt) {
        String summary = "run " + run.id() + " " + run.state()
                + run.executionTime(run.completedOn().orElseThrow())
                        .map(d -> (run.state() == RunState.SUCCEEDED ? " in " : " after ") + Display.duration(d))
                        .orElse("")
                + attempt;
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
