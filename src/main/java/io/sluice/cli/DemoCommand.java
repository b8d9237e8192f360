package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.job.Output;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice demo}: shows Sluice at work on the sample lake in {@code testdata/}: crawls it into the catalog, runs
 * every example job of {@code jobs/} as {@code sluice submit} would (progress on stderr), and prints a short summary:
 * the tables, the runs with their outputs, and a few rows of two outputs. Fails (exit 1) when a job fails, after the
 * summary.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Crawl the sample lake in testdata/, run the example jobs of jobs/ and summarize what happened.")
final class DemoCommand implements Callable<Integer> {
    /** The argument an example job takes for where the sample data is, when it reads files rather than tables. */
    static final String DATA_ARGUMENT = "DATA";

    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home =
                Path.of(System.getProperty("sluice.home", ".")).toAbsolutePath().normalize();
        Path lake = home.resolve("testdata");
        if (!Files.isDirectory(lake)) {
            throw SluiceException.notFound("sample data not found at %s (run the demo from a Sluice checkout)", lake);
        }
        out.println("Sluice demo: the sample lake in " + lake + ", the catalog in "
                + root.catalogDir().toAbsolutePath().normalize() + ", job output in "
                + Path.of("out").toAbsolutePath());
        crawl(out, home.resolve("crawler/lake.yaml"), lake);
        List<Path> jobs = exampleJobs(home.resolve("jobs"));
        out.println();
        out.println("$ sluice submit jobs/NAME.yaml    # each of the " + jobs.size() + " example jobs");
        out.flush();
        List<String> failed = new ArrayList<>();
        TextTable runs = TextTable.withHeader("JOB", "STATE", "ROWS IN", "ROWS OUT", "BAD", "TIME", "OUTPUT");
        for (Path job : jobs) {
            JobDefinition definition = JobDefinitions.read(job);
            Run run = submit(job, definition, lake);
            if (run.state() != RunState.SUCCEEDED) {
                failed.add(definition.name());
            }
            runs.row(
                    definition.name(),
                    run.state(),
                    Display.count(run.counter(RunCounters.ROWS_READ)),
                    Display.count(run.counter(RunCounters.ROWS_WRITTEN)),
                    Display.count(run.counter(RunCounters.BAD_RECORDS)),
                    run.executionTime(run.completedOn().orElse(Instant.now()))
                            .map(Display::duration)
                            .orElse("-"),
                    describe(definition.output()));
        }
        runs.print(out);
        if (!failed.isEmpty()) {
            out.flush();
            throw new SluiceException(
                    ErrorCode.JOB_FAILED,
                    "demo: job" + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed)
                            + " failed; see 'sluice runs --state FAILED'");
        }
        run(out, "cat", "analytics.daily_revenue", "--limit", "3");
        run(out, "cat", "out/primary_contacts", "--limit", "3");
        out.println();
        out.println("Next: 'sluice catalog show lake.sales', 'sluice runs show RUN_ID' (with --json: the AWS Glue API");
        out.println("shapes), 'sluice submit jobs/primary_contacts.yaml --explain' for a job's MapReduce plan.");
        return 0;
    }

    /** Crawls the lake, printing the crawl's report without the where and why of each table. */
    private void crawl(PrintWriter out, Path crawler, Path lake) {
        StringWriter report = new StringWriter();
        try (PrintWriter capture = new PrintWriter(report)) {
            run(out, capture, "crawl", "--crawler", crawler.toString(), lake.toString());
        }
        report.toString().lines().filter(line -> !line.startsWith("    ")).forEach(out::println);
    }

    /** Submits one example job, its progress on stderr and its summary left out, and returns its run. */
    private Run submit(Path job, JobDefinition definition, Path lake) {
        List<String> args = new ArrayList<>(List.of("submit", job.toString()));
        if (definition.arguments().containsKey(DATA_ARGUMENT)) {
            args.addAll(List.of("--arg", DATA_ARGUMENT + "=" + lake));
        }
        execute(new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        try (RunStore store = root.openRuns()) {
            return store.list(RunFilter.all().of(RunKind.JOB, definition.name()).limit(1)).stream()
                    .findFirst()
                    .orElseThrow(() -> new SluiceException(
                            ErrorCode.INTERNAL_ERROR, "demo: no run of job " + definition.name() + " was recorded"));
        }
    }

    private static String describe(Output output) {
        StringBuilder text = new StringBuilder(output.path())
                .append(" (")
                .append(output.format().spelling());
        if (!output.partitionBy().isEmpty()) {
            text.append(", by ")
                    .append(String.join(
                            ", ",
                            output.partitionBy().stream().map(c -> c.name()).toList()));
        }
        output.table().ifPresent(table -> text.append(", table ").append(table));
        return text.append(')').toString();
    }

    private static List<Path> exampleJobs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the example jobs in " + folder, e);
        }
    }

    private void run(PrintWriter out, String... args) {
        run(out, out, args);
    }

    /** Prints a command as a user would type it, then runs it with its output going to {@code to}. */
    private void run(PrintWriter out, PrintWriter to, String... args) {
        out.println();
        out.println("$ sluice " + String.join(" ", quoted(args)));
        out.flush();
        if (execute(to, args) != 0) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR, "demo step 'sluice " + String.join(" ", args) + "' failed");
        }
    }

    private int execute(PrintWriter to, String... args) {
        String[] withCatalog = Stream.concat(
                        Stream.of("--catalog", root.catalogDir().toString()), Stream.of(args))
                .toArray(String[]::new);
        CommandLine commandLine = Sluice.commandLine(to, spec.commandLine().getErr());
        int exit = commandLine.execute(withCatalog);
        to.flush();
        return exit;
    }

    private static List<String> quoted(String... args) {
        return Stream.of(args).map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList();
    }
}
