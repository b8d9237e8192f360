package io.sluice.cli;

import io.sluice.ErrorCode;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        JobDefinition definition = JobDefinitions.read(file, arguments);
        Plan plan;
        try (Catalog catalog = root.openCatalog()) {
            ValidatedJob job =
                    new JobValidator(SchemaResolver.of(catalog), ExpressionTyper.compiling()).validate(definition);
            plan = new Planner(name -> sourceSize(catalog, definition, name), Planner.DEFAULT_BROADCAST_LIMIT)
                    .plan(job);
        }
        if (!explain) {
            throw new SluiceException(
                    ErrorCode.JOB_FAILED,
                    "job " + definition.name() + " is valid, but running jobs is not available yet in this version;"
                            + " 'sluice submit " + file + " --explain' shows its plan");
        }
        spec.commandLine().getOut().print(plan.explain());
        return 0;
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
