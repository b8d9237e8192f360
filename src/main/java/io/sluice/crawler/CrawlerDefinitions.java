package io.sluice.crawler;

import io.sluice.SluiceException;
import io.sluice.catalog.Names;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.crawler.CrawlerDefinition.CustomClassifier;
import io.sluice.crawler.CrawlerDefinition.DeleteBehavior;
import io.sluice.crawler.CrawlerDefinition.RecrawlBehavior;
import io.sluice.crawler.CrawlerDefinition.UpdateBehavior;
import io.sluice.definition.DefinitionFile;
import io.sluice.definition.YamlMap;
import io.sluice.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads crawler definitions ({@code crawler/*.yaml}); every problem is reported at once with its file and line.
 *
 * <pre>
 * name: lake                      # default: the file name
 * database: lake
 * targets: [testdata/]            # paths or Hadoop URIs
 * exclude: ["**&#47;*.tmp", "scratch/**"]
 * sample: { bytes: 65536, files_per_folder: 10 }
 * table_level: 1                  # tables start this many folders below a target
 * table_threshold: 100
 * table_prefix: raw_
 * schema_change: { update: update, delete: deprecate }   # update|log ; delete|deprecate|log
 * recrawl: everything             # or new-folders-only
 * partition_types: { day: int }   # partition keys are strings unless typed here
 * classifiers:
 *   - name: app_log
 *     type: grok
 *     classification: app_log
 *     pattern: "%{TIMESTAMP_ISO8601:ts} %{LOGLEVEL:level} %{GREEDYDATA:message}"
 *     custom_patterns: { LOGLEVEL: "(DEBUG|INFO|WARN|ERROR)" }
 * </pre>
 */
public final class CrawlerDefinitions {
    private CrawlerDefinitions() {}

    public static CrawlerDefinition read(Path file) {
        YamlMap root = DefinitionFile.read(file);
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(root, defaultName);
    }

    public static CrawlerDefinition parse(String fileName, String yaml) {
        return parse(DefinitionFile.parse(fileName, yaml), fileName.replaceFirst("\\.ya?ml$", ""));
    }

    private static CrawlerDefinition parse(YamlMap root, String defaultName) {
        root.rejectUnknownKeys(
                "name",
                "database",
                "targets",
                "exclude",
                "sample",
                "table_level",
                "table_threshold",
                "table_prefix",
                "schema_change",
                "recrawl",
                "classifiers",
                "partition_types",
                // read by the scheduler (io.sluice.scheduler.DefinitionLoader)
                "retries",
                "retry_delay",
                "timeout",
                "max_concurrent_runs",
                "triggers");
        CrawlerDefinition defaults = CrawlerDefinition.defaults("default", List.of());
        String name = root.string("name").orElse(defaultName);
        String database =
                root.parsed("database", d -> Names.objectName("database", d)).orElse("");
        List<String> targets = root.strings("targets");
        if (root.has("targets") && targets.isEmpty()) {
            root.problems().add(root.line("targets"), "targets: list at least one path to crawl");
        }
        int sampleBytes = defaults.sampleBytes();
        OptionalInt filesPerFolder = OptionalInt.empty();
        YamlMap sample = root.map("sample").orElse(null);
        if (sample != null) {
            sample.rejectUnknownKeys("bytes", "files_per_folder");
            sampleBytes = sample.integer("bytes", 1024, 64 * 1024 * 1024).orElse(sampleBytes);
            filesPerFolder = sample.integer("files_per_folder", 1, Integer.MAX_VALUE)
                    .map(OptionalInt::of)
                    .orElse(OptionalInt.empty());
        }
        UpdateBehavior update = defaults.updateBehavior();
        DeleteBehavior delete = defaults.deleteBehavior();
        YamlMap schemaChange = root.map("schema_change").orElse(null);
        if (schemaChange != null) {
            schemaChange.rejectUnknownKeys("update", "delete");
            update = schemaChange.enumValue("update", UpdateBehavior.class).orElse(update);
            delete = schemaChange.enumValue("delete", DeleteBehavior.class).orElse(delete);
        }
        CrawlerDefinition definition = new CrawlerDefinition(
                name,
                database,
                targets,
                root.strings("exclude"),
                sampleBytes,
                filesPerFolder,
                root.integer("table_level", 0, 100).map(OptionalInt::of).orElse(OptionalInt.empty()),
                root.integer("table_threshold", 1, 1_000_000).orElse(defaults.tableThreshold()),
                root.string("table_prefix").orElse(""),
                update,
                delete,
                root.enumValue("recrawl", RecrawlBehavior.class).orElse(defaults.recrawl()),
                classifiers(root),
                partitionTypes(root));
        root.problems().throwIfAny();
        return definition;
    }

    private static Map<String, DataType> partitionTypes(YamlMap root) {
        Map<String, DataType> types = new LinkedHashMap<>();
        root.map("partition_types").ifPresent(keys -> {
            for (String key : keys.keys()) {
                keys.parsed(key, DataType::parse).ifPresent(type -> {
                    if (type.isPrimitive()) {
                        types.put(key.toLowerCase(Locale.ROOT), type);
                    } else {
                        keys.problems()
                                .add(
                                        keys.line(key),
                                        keys.field(key) + ": a partition key needs a primitive type, not " + type);
                    }
                });
            }
        });
        return types;
    }

    private static List<CustomClassifier> classifiers(YamlMap root) {
        List<CustomClassifier> classifiers = new ArrayList<>();
        for (YamlMap entry : root.maps("classifiers")) {
            entry.rejectUnknownKeys("name", "type", "classification", "pattern", "custom_patterns");
            String name = entry.requiredString("name");
            String type = entry.string("type").orElse("grok");
            if (!type.equals("grok")) {
                entry.problems()
                        .add(
                                entry.line("type"),
                                entry.field("type") + ": '" + type
                                        + "' is not a supported custom classifier type (supported: grok)");
            }
            CustomClassifier custom = new CustomClassifier(
                    name,
                    entry.string("classification").orElse(name),
                    entry.requiredString("pattern"),
                    entry.stringMap("custom_patterns"));
            if (!custom.pattern().isEmpty()) {
                try {
                    GrokClassifier.of(
                            custom.name(), custom.classification(), custom.pattern(), custom.customPatterns());
                } catch (SluiceException e) {
                    entry.problems().add(entry.line("pattern"), entry.field("pattern") + ": " + e.getMessage());
                }
            }
            classifiers.add(custom);
        }
        return classifiers;
    }
}
