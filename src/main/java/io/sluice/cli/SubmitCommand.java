package io.sluice.cli;

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
import io.sluice.runtime.mr.JobRunner;
import io.sluice.runtime.mr.UserJars;
import io.sluice.runtime.stage.RowFunctions;
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
 * and plans it as MapReduce jobs; {@code --explain} prints that plan.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Check a job definition against the catalog and plan it as MapReduce jobs (--explain prints the"
                + " plan).")
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
    public Integer call() throws java.io.IOException {
        String yaml = java.nio.file.Files.readString(file);
        JobDefinition definition = JobDefinitions.read(file, arguments);
        try (Catalog catalog = root.openCatalog()) {
            ClassLoader functions = UserJars.loader(jars, SubmitCommand.class.getClassLoader());
            ValidatedJob job = new JobValidator(
                            SchemaResolver.of(catalog), ExpressionTyper.compiling(), RowFunctions.typer(functions))
                    .validate(definition);
            Plan plan = new Planner(name -> sourceSize(catalog, definition, name), Planner.DEFAULT_BROADCAST_LIMIT)
                    .plan(job);
            if (explain) {
                spec.commandLine().getOut().print(plan.explain());
                return 0;
            }
            Configuration conf = root.hadoopConfiguration();
            UserJars.ship(conf, jars);
            JobRunner.Result result = new JobRunner(catalog, conf).run(job, plan, yaml, file.toString(), arguments);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "job %s succeeded: %d rows read, %d written, %d bad records; output at %s%s%n",
                            definition.name(),
                            result.rowsRead(),
                            result.rowsWritten(),
                            result.badRecords(),
                            result.output(),
                            definition.output().table().map(t -> ", table " + t).orElse(""));
            return 0;
        }
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
