package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.TableId;
import io.sluice.definition.DefinitionFile;
import io.sluice.definition.Durations;
import io.sluice.definition.Placeholders;
import io.sluice.definition.Suggestions;
import io.sluice.definition.YamlMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads job definitions ({@code jobs/NAME.yaml}; the format is documented in {@code docs/jobs.md} and described by
 * {@code docs/job.schema.json}). {@code ${KEY}} placeholders are filled first, from {@code --arg KEY=VALUE} over the
 * file's {@code arguments:} defaults; then every field is read and checked. All problems are reported at once, each
 * with its file, line and field, as one {@code INVALID_DEFINITION} error (exit code 2).
 *
 * <p>Reading checks the structure; {@link JobValidator} then checks the job against its sources' schemas.
 */
public final class JobDefinitions {
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

    private JobDefinitions() {}

    public static JobDefinition read(Path file) {
        return read(file, Map.of());
    }

    /** Reads a file; {@code arguments} are the {@code --arg} values. The job's name defaults to the file's. */
    public static JobDefinition read(Path file, Map<String, String> arguments) {
        return parse(DefinitionFile.read(file), baseName(file.toString()), arguments);
    }

    public static JobDefinition parse(String fileName, String yaml) {
        return parse(fileName, yaml, Map.of());
    }

    /** Reads YAML text; {@code fileName} is used in messages and, without its folders and extension, as name. */
    public static JobDefinition parse(String fileName, String yaml, Map<String, String> arguments) {
        return parse(DefinitionFile.parse(fileName, yaml), baseName(fileName), arguments);
    }

    private static JobDefinition parse(YamlMap root, String defaultName, Map<String, String> arguments) {
        requireNonNull(arguments, "arguments is null");
        root.rejectUnknownKeys(JobSyntax.JOB.toArray(String[]::new));
        Arguments declared = Arguments.read(root, arguments);
        Set<String> unset = new HashSet<>(declared.declared());
        unset.removeAll(declared.values().keySet());
        Placeholders placeholders = new Placeholders(declared.values(), unset, root.problems());
        YamlMap job = root.withScalars(placeholders, "arguments");
        declared.reportUnused(root, arguments, placeholders.used());
        return definition(job, defaultName, declared.values());
    }

    /** Reads the fields of a job whose placeholders are filled. */
    private static JobDefinition definition(YamlMap job, String defaultName, Map<String, String> arguments) {
        String name = job.string("name").orElse(defaultName);
        if (!JOB_NAME.matcher(name).matches()) {
            Fields.problem(job, "name", "'" + name + "' is not a job name: use letters, digits, '_', '-' and '.'");
        }
        Optional<Source> source = mainSource(job);
        Map<String, Source> sources = namedSources(job);
        List<Stage> stages = StageParser.parse(job);
        Optional<Output> output = output(job);
        int retries = job.integer("retries", 0, 100).orElse(0);
        Optional<Duration> retryDelay = job.parsed("retry_delay", Durations::parse);
        Optional<Duration> timeout = job.parsed("timeout", JobDefinitions::timeout);
        BadRecordLimit maxBadRecords =
                job.parsed("max_bad_records", BadRecordLimit::parse).orElse(BadRecordLimit.NONE);
        List<TriggerEntry> triggers =
                job.maps("triggers").stream().map(TriggerEntry::new).toList();
        job.problems().throwIfAny();
        return new JobDefinition(
                job.problems().file(),
                name,
                job.string("description"),
                source.orElseThrow(),
                sources,
                stages,
                output.orElseThrow(),
                arguments,
                retries,
                retryDelay,
                timeout,
                maxBadRecords,
                triggers);
    }

    private static Optional<Source> mainSource(YamlMap job) {
        if (!job.has("source")) {
            job.problems().add(job.line(), "missing required field 'source' (a table, a path or a union of sources)");
            return Optional.empty();
        }
        return source(job, "source");
    }

    /** {@code key: {table: ...}}, {@code key: {path: ...}}, {@code key: {union: [...]}}, or {@code key: db.table}. */
    private static Optional<Source> source(YamlMap parent, String key) {
        if (!parent.isMap(key) && !parent.isList(key)) {
            if (parent.string(key).isEmpty()) {
                Fields.problem(parent, key, "missing value: a table (DB.TABLE) or the source's fields");
                return Optional.empty();
            }
            return parent.parsed(key, TableId::parse)
                    .map(table -> new TableSource(table, Optional.empty(), parent.line(key)));
        }
        return parent.map(key).flatMap(SourceParser::parse);
    }

    private static Map<String, Source> namedSources(YamlMap job) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Optional<YamlMap> map = job.map("sources");
        if (map.isEmpty()) {
            return sources;
        }
        for (String name : map.get().keys()) {
            if (!Placeholders.isName(name)) {
                Fields.problem(
                        map.get(),
                        name,
                        "'" + name + "' is not a source name: use a letter or '_', then letters, digits or '_'");
            }
            source(map.get(), name).ifPresent(source -> sources.put(name, source));
        }
        return sources;
    }

    private static Optional<Output> output(YamlMap job) {
        if (!job.has("output")) {
            job.problems().add(job.line(), "missing required field 'output' (at least its path)");
            return Optional.empty();
        }
        if (!job.isMap("output")) {
            Fields.problem(job, "output", "expected the output's fields, as in {path: out/NAME}");
            return Optional.empty();
        }
        return job.map("output").flatMap(OutputParser::parse);
    }

    private static Duration timeout(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("a timeout must be longer than 0s");
        }
        return duration;
    }

    private static String baseName(String fileName) {
        String name = Path.of(fileName).getFileName().toString();
        return name.replaceFirst("\\.ya?ml$", "");
    }

    /** The {@code arguments:} section and the {@code --arg} values given to a run. */
    private record Arguments(List<String> declared, Map<String, String> values) {

        /** The values of the placeholders: the given ones over the file's defaults. */
        static Arguments read(YamlMap root, Map<String, String> given) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> declared = new ArrayList<>();
            root.map("arguments").ifPresent(arguments -> {
                for (String name : arguments.keys()) {
                    declared.add(name);
                    if (!Placeholders.isName(name)) {
                        Fields.problem(
                                arguments,
                                name,
                                "'" + name
                                        + "' is not an argument name: use a letter or '_', then letters, digits or '_'");
                    }
                    Optional<String> value = arguments.string(name);
                    if (value.isPresent()) {
                        values.put(name, value.get());
                    } else if (!given.containsKey(name) && !arguments.isMap(name) && !arguments.isList(name)) {
                        Fields.problem(arguments, name, "no default value: pass --arg " + name + "=VALUE");
                    }
                }
            });
            given.forEach((name, value) -> {
                if (!Placeholders.isName(name)) {
                    root.problems()
                            .add(
                                    root.line("arguments"),
                                    "--arg " + name
                                            + ": not an argument name: use a letter or '_', then letters, digits or '_'");
                }
                values.put(name, requireNonNull(value, "argument value is null"));
            });
            return new Arguments(List.copyOf(declared), values);
        }

        /** Reports {@code --arg} values the job neither declares nor uses: most likely misspelt. */
        void reportUnused(YamlMap root, Map<String, String> given, Set<String> used) {
            for (String name : given.keySet()) {
                if (declared.contains(name) || used.contains(name) || !Placeholders.isName(name)) {
                    continue;
                }
                String hint = Suggestions.closest(name, declared)
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse(declared.isEmpty() ? "" : " (it declares " + String.join(", ", declared) + ")");
                root.problems()
                        .add(
                                root.line("arguments"),
                                "--arg " + name + ": the job has no argument '" + name + "'" + hint);
            }
        }
    }
}
