package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import io.sluice.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a crawler crawls and how it treats what it finds; read from {@code crawler/*.yaml} by {@link
 * CrawlerDefinitions} or built from command-line options.
 *
 * @param name the crawler's name, recorded on the tables it creates
 * @param database the catalog database its tables go to
 * @param targets paths (any Hadoop file system URI, or local paths) to crawl
 * @param exclusions globs, relative to each target, of paths to leave out
 * @param sampleBytes how many leading bytes of a text file the classifiers see
 * @param filesPerFolder how many files of each folder are sampled (all when empty); the rest count in statistics
 * @param tableLevel the folder depth below a target at which tables start, when set; else decided from the data
 * @param tableThreshold the most tables one crawl may create; more and it refuses and explains
 * @param tablePrefix prepended to every table name
 * @param updateBehavior what to do when a table's schema changed
 * @param deleteBehavior what to do with tables and partitions whose data vanished
 * @param recrawl whether to sample everything or only folders not yet in the catalog
 * @param classifiers custom classifiers, tried before the built-ins in this order
 * @param partitionTypes types of partition keys by name; keys not named are strings, so values such as {@code 01}
 *     keep their leading zeros
 */
public record CrawlerDefinition(
        String name,
        String database,
        List<String> targets,
        List<String> exclusions,
        int sampleBytes,
        OptionalInt filesPerFolder,
        OptionalInt tableLevel,
        int tableThreshold,
        String tablePrefix,
        UpdateBehavior updateBehavior,
        DeleteBehavior deleteBehavior,
        RecrawlBehavior recrawl,
        List<CustomClassifier> classifiers,
        Map<String, DataType> partitionTypes) {

    public static final int DEFAULT_SAMPLE_BYTES = 64 * 1024;
    public static final int DEFAULT_TABLE_THRESHOLD = 100;

    public CrawlerDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(database, "database is null");
        targets = List.copyOf(targets);
        exclusions = List.copyOf(exclusions);
        requireNonNull(filesPerFolder, "filesPerFolder is null");
        requireNonNull(tableLevel, "tableLevel is null");
        requireNonNull(tablePrefix, "tablePrefix is null");
        requireNonNull(updateBehavior, "updateBehavior is null");
        requireNonNull(deleteBehavior, "deleteBehavior is null");
        requireNonNull(recrawl, "recrawl is null");
        classifiers = List.copyOf(classifiers);
        partitionTypes = Map.copyOf(partitionTypes);
    }

    /** A crawler with every default, as {@code sluice crawl PATH... --database DB} runs it. */
    public static CrawlerDefinition defaults(String database, List<String> targets) {
        return new CrawlerDefinition(
                "crawl-" + database,
                database,
                targets,
                List.of(),
                DEFAULT_SAMPLE_BYTES,
                OptionalInt.empty(),
                OptionalInt.empty(),
                DEFAULT_TABLE_THRESHOLD,
                "",
                UpdateBehavior.UPDATE,
                DeleteBehavior.DEPRECATE,
                RecrawlBehavior.EVERYTHING,
                List.of(),
                Map.of());
    }

    public CrawlerDefinition withTargets(List<String> newTargets) {
        return new CrawlerDefinition(
                name,
                database,
                newTargets,
                exclusions,
                sampleBytes,
                filesPerFolder,
                tableLevel,
                tableThreshold,
                tablePrefix,
                updateBehavior,
                deleteBehavior,
                recrawl,
                classifiers,
                partitionTypes);
    }

    public CrawlerDefinition withDatabase(String newDatabase) {
        return new CrawlerDefinition(
                name,
                newDatabase,
                targets,
                exclusions,
                sampleBytes,
                filesPerFolder,
                tableLevel,
                tableThreshold,
                tablePrefix,
                updateBehavior,
                deleteBehavior,
                recrawl,
                classifiers,
                partitionTypes);
    }

    /** When a table's schema changed: {@code update} archives a new version, {@code log} only reports it. */
    public enum UpdateBehavior {
        UPDATE,
        LOG
    }

    /**
     * When data vanished: {@code delete} drops the table or partition, {@code deprecate} marks the table with a
     * {@code DEPRECATED_BY_CRAWLER} parameter (partitions are dropped), {@code log} only reports it.
     */
    public enum DeleteBehavior {
        DELETE,
        DEPRECATE,
        LOG
    }

    /** {@code everything} samples every folder; {@code new-folders-only} skips folders already catalogued. */
    public enum RecrawlBehavior {
        EVERYTHING,
        NEW_FOLDERS_ONLY
    }

    /** A custom grok classifier: a named pattern over log lines, with its own pattern definitions. */
    public record CustomClassifier(
            String name, String classification, String pattern, Map<String, String> customPatterns) {
        public CustomClassifier {
            requireNonNull(name, "name is null");
            requireNonNull(classification, "classification is null");
            requireNonNull(pattern, "pattern is null");
            customPatterns = Map.copyOf(customPatterns);
        }
    }

    public Optional<Integer> filesPerFolderLimit() {
        return filesPerFolder.isPresent() ? Optional.of(filesPerFolder.getAsInt()) : Optional.empty();
    }
}
