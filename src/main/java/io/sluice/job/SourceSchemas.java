package io.sluice.job;

import io.sluice.SluiceException;
import io.sluice.catalog.PartitionFilter;
import io.sluice.catalog.TableId;
import io.sluice.definition.Problems;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TypeWidening;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Finds the schemas of a job's sources, following unions and reporting sources that refer to each other. */
final class SourceSchemas {
    private final JobDefinition job;
    private final SchemaResolver resolver;
    private final Problems problems;
    private final Map<String, Optional<ResolvedSource>> resolved = new HashMap<>();
    private final Deque<String> visiting = new ArrayDeque<>();

    SourceSchemas(JobDefinition job, SchemaResolver resolver, Problems problems) {
        this.job = job;
        this.resolver = resolver;
        this.problems = problems;
    }

    /** The job's source, the input of its first stage. */
    Optional<ResolvedSource> main() {
        return resolve("source", job.source());
    }

    /** The named sources whose schema was found. */
    Map<String, ResolvedSource> named() {
        Map<String, ResolvedSource> named = new LinkedHashMap<>();
        for (String name : job.sources().keySet()) {
            named(name).ifPresent(source -> named.put(name, source));
        }
        return named;
    }

    /** The message suffix for an unknown source name. */
    static String unknownSource(String name, Set<String> known) {
        if (known.isEmpty()) {
            return "unknown source '" + name + "' (define it under 'sources:')";
        }
        String suggestion = Checks.suggestion(name, known);
        return "unknown source '" + name + "'"
                + (suggestion.isEmpty() ? " (defined: " + String.join(", ", known) + ")" : suggestion);
    }

    private Optional<ResolvedSource> named(String name) {
        Optional<ResolvedSource> done = resolved.get(name);
        if (done != null) {
            return done;
        }
        visiting.push(name);
        Optional<ResolvedSource> source =
                resolve("sources." + name, job.sources().get(name));
        visiting.pop();
        resolved.put(name, source);
        return source;
    }

    private Optional<ResolvedSource> resolve(String field, Source source) {
        if (source instanceof TableSource table) {
            return table(field, table);
        }
        if (source instanceof PathSource path) {
            return path(field, path);
        }
        return union(field, (UnionSource) source);
    }

    private Optional<ResolvedSource> table(String field, TableSource source) {
        TableId id = source.table();
        Optional<TableSchema> schema = resolver.table(id);
        if (schema.isEmpty()) {
            List<String> known = resolver.tables(id.database()).stream()
                    .map(TableId::toString)
                    .toList();
            problems.add(
                    source.line(), field + ".table: unknown table " + id + Checks.suggestion(id.toString(), known));
            return Optional.empty();
        }
        Optional<PartitionFilter> filter = Optional.empty();
        if (source.where().isPresent()) {
            filter = where(field + ".where", id, source.where().get(), schema.get());
        }
        return Optional.of(new ResolvedSource(source, schema.get().rowType(), filter));
    }

    private Optional<PartitionFilter> where(String field, TableId id, Expr where, TableSchema schema) {
        if (schema.partitionKeys().isEmpty()) {
            problems.add(
                    where.line(),
                    field + ": table " + id + " is not partitioned: where chooses partitions;"
                            + " filter rows with a map stage's filter");
            return Optional.empty();
        }
        try {
            return Optional.of(PartitionFilter.parse(where.sql(), schema.partitionKeys()));
        } catch (SluiceException e) {
            problems.add(where.line(), field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ResolvedSource> path(String field, PathSource source) {
        Optional<StructType> schema = source.schema().or(() -> resolver.files(source));
        if (schema.isEmpty()) {
            String format = source.format().spelling();
            problems.add(
                    source.line(),
                    field + ": "
                            + (source.format().isSelfDescribing()
                                    ? "the schema of the " + format + " files at " + source.path()
                                            + " is not known before they are read"
                                    : format + " files do not describe their columns")
                            + ": declare them, as in schema: \"id bigint, name string\"");
            return Optional.empty();
        }
        return Optional.of(new ResolvedSource(source, schema.get(), Optional.empty()));
    }

    private Optional<ResolvedSource> union(String field, UnionSource union) {
        List<StructType> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (SourceRef input : union.inputs()) {
            Optional<StructType> schema = input(field + ".union", input);
            schema.ifPresent(inputs::add);
            schema.ifPresent(s -> names.add(input.name()));
            complete &= schema.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        return united(field + ".union", union, names, inputs)
                .map(schema -> new ResolvedSource(union, schema, Optional.empty()));
    }

    private Optional<StructType> input(String field, SourceRef input) {
        if (!job.sources().containsKey(input.name())) {
            problems.add(
                    input.line(),
                    field + ": " + unknownSource(input.name(), job.sources().keySet()));
            return Optional.empty();
        }
        if (visiting.contains(input.name())) {
            List<String> cycle = new ArrayList<>(visiting);
            Collections.reverse(cycle);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(input.name()), cycle.size()));
            cycle.add(input.name());
            problems.add(
                    input.line(), field + ": sources refer to each other in a cycle: " + String.join(" → ", cycle));
            return Optional.empty();
        }
        return named(input.name()).map(ResolvedSource::schema);
    }

    /** The union's schema: the first input's columns, each of the type all inputs widen to. */
    private Optional<StructType> united(String field, UnionSource union, List<String> names, List<StructType> inputs) {
        StructType first = inputs.get(0);
        boolean ok = true;
        for (int i = 1; i < inputs.size(); i++) {
            ok &= sameColumns(field, union.line(), names.get(0), first, names.get(i), inputs.get(i));
        }
        if (!ok) {
            return Optional.empty();
        }
        List<StructField> fields = new ArrayList<>();
        for (StructField column : first.fields()) {
            Optional<DataType> type = Optional.of(column.type());
            for (int i = 1; i < inputs.size() && type.isPresent(); i++) {
                DataType other =
                        inputs.get(i).field(column.name()).orElseThrow().type();
                Optional<DataType> widened = TypeWidening.widen(type.get(), other);
                if (widened.isEmpty()) {
                    problems.add(
                            union.line(),
                            field + ": column '" + column.name() + "' is " + type.get() + " in '"
                                    + names.get(0) + "' but " + other + " in '" + names.get(i)
                                    + "', which do not widen to one type: cast one of them");
                }
                type = widened;
            }
            if (type.isEmpty()) {
                return Optional.empty();
            }
            fields.add(StructField.of(column.name(), type.get()));
        }
        return Optional.of(new StructType(fields));
    }

    private boolean sameColumns(String field, int line, String firstName, StructType first, String name, StructType s) {
        Set<String> expected = lowerNames(first);
        Set<String> actual = lowerNames(s);
        if (expected.equals(actual)) {
            return true;
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add("lacks " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            differences.add("has " + String.join(", ", extra) + " besides");
        }
        problems.add(
                line,
                field + ": '" + name + "' " + String.join(" and ", differences) + " (compared with '" + firstName
                        + "'): united sources need the same columns");
        return false;
    }

    private static Set<String> lowerNames(StructType schema) {
        return schema.fields().stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
