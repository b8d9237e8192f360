package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.definition.Problems;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a job against the schemas of its sources before anything runs, and computes the schema of the rows after
 * every stage. It reports, all at once and each with its file, line and field:
 *
 * <ul>
 *   <li>unknown tables, sources, columns (with the closest name), and {@code where} filters on other columns than
 *       partition keys;
 *   <li>named sources that are not used, or that refer to each other in a cycle, and unions of unlike sources;
 *   <li>expressions that do not type ({@link ExpressionTyper}), filters that are not conditions, aggregate calls outside
 *       a reduce stage, aggregates of the wrong type;
 *   <li>keys that cannot be compared or ordered, join keys of types that do not meet, columns that clash;
 *   <li>custom row functions whose class is not found, is not a row function or refuses its input or options;
 *   <li>{@code partition_by} columns of the output that do not exist or are not of a primitive type.
 * </ul>
 *
 * Problems are reported as one {@code INVALID_DEFINITION} error (exit code 2).
 */
public final class JobValidator {
    private final SchemaResolver resolver;
    private final ExpressionTyper typer;
    private final RowFunctionTyper functions;

    /** A validator for jobs without custom row functions (any is reported). */
    public JobValidator(SchemaResolver resolver, ExpressionTyper typer) {
        this(resolver, typer, RowFunctionTyper.none());
    }

    public JobValidator(SchemaResolver resolver, ExpressionTyper typer, RowFunctionTyper functions) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.typer = requireNonNull(typer, "typer is null");
        this.functions = requireNonNull(functions, "functions is null");
    }

    public ValidatedJob validate(JobDefinition job) {
        requireNonNull(job, "job is null");
        Problems problems = new Problems(job.file());
        Checks checks = new Checks(problems, typer, functions);
        SourceSchemas schemas = new SourceSchemas(job, resolver, problems);
        Optional<ResolvedSource> source = schemas.main();
        Map<String, ResolvedSource> sources = schemas.named();
        reportUnused(job, problems);

        Columns columns =
                source.map(s -> Columns.of(s.schema())).orElse(Columns.empty().opened());
        List<Columns> after = new ArrayList<>();
        for (int i = 0; i < job.stages().size(); i++) {
            Stage stage = job.stages().get(i);
            String field = "stages[" + (i + 1) + "]." + stage.kind();
            columns = check(stage, field, columns, job, sources, checks);
            after.add(columns);
        }
        checkOutput(job.output(), columns, checks);
        problems.throwIfAny();
        List<StructType> stageSchemas = after.stream()
                .map(c -> c.schema().orElseThrow(() -> new IllegalStateException("a schema with unknown types")))
                .toList();
        return new ValidatedJob(job, source.orElseThrow(), sources, stageSchemas);
    }

    private static Columns check(
            Stage stage,
            String field,
            Columns input,
            JobDefinition job,
            Map<String, ResolvedSource> sources,
            Checks checks) {
        if (stage instanceof MapStage map) {
            return MapStageChecker.check(map, field, input, checks);
        }
        if (stage instanceof PartitionStage partition) {
            return StageChecks.partition(partition, field, input, checks);
        }
        if (stage instanceof SortStage sort) {
            return StageChecks.sort(sort, field, input, checks);
        }
        if (stage instanceof ReduceStage reduce) {
            return StageChecks.reduce(reduce, field, input, checks);
        }
        if (stage instanceof JoinStage join) {
            return StageChecks.join(join, field, input, job.sources().keySet(), sources, checks);
        }
        return StageChecks.distinct((DistinctStage) stage, field, input, checks);
    }

    /** A named source that no join or union reads is most likely a mistake. */
    private static void reportUnused(JobDefinition job, Problems problems) {
        Set<String> used = new HashSet<>();
        job.source().inputs().forEach(ref -> used.add(ref.name()));
        job.sources().values().forEach(s -> s.inputs().forEach(ref -> used.add(ref.name())));
        for (Stage stage : job.stages()) {
            if (stage instanceof JoinStage join) {
                used.add(join.with().name());
            }
        }
        job.sources().forEach((name, source) -> {
            if (!used.contains(name)) {
                problems.add(
                        source.line(),
                        "sources." + name + ": source '" + name + "' is not used: join it (" + "join: {with: " + name
                                + "}) or unite it with others (union: [...])");
            }
        });
    }

    private static void checkOutput(Output output, Columns columns, Checks checks) {
        String field = "output.partition_by";
        Set<String> seen = new HashSet<>();
        for (ColumnRef column : output.partitionBy()) {
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                checks.problem(column.line(), field, "column '" + column.name() + "' is listed twice");
                continue;
            }
            checks.column(columns, column, field)
                    .flatMap(Columns.Col::type)
                    .filter(type -> !type.isPrimitive())
                    .ifPresent(type -> checks.problem(
                            column.line(),
                            field,
                            "cannot partition files by " + type + " column '" + column.name() + "'"));
        }
        boolean allPartitioned = !columns.isOpen()
                && !columns.isEmpty()
                && columns.names().stream().allMatch(name -> seen.contains(name.toLowerCase(Locale.ROOT)));
        if (allPartitioned) {
            checks.problem(
                    output.line(),
                    field,
                    "leave at least one column out of partition_by: the files need" + " data columns");
        }
    }
}
