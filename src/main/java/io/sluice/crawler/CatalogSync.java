package io.sluice.crawler;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Database;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.classify.Classification;
import io.sluice.crawler.CrawlerDefinition.DeleteBehavior;
import io.sluice.crawler.CrawlerDefinition.UpdateBehavior;
import io.sluice.crawler.TableCandidate.PartitionCandidate;
import io.sluice.types.TypeWidening;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what a crawl found with the catalog and brings the catalog up to date under the crawler's policies:
 * {@link #plan} decides every change without writing, {@link #apply} writes them.
 */
final class CatalogSync {
    /** The Glue parameter naming the crawler that last wrote a table. */
    static final String UPDATED_BY_CRAWLER = "UPDATED_BY_CRAWLER";
    /** The Glue parameter marking a table whose data is gone, with the time it was noticed. */
    static final String DEPRECATED_BY_CRAWLER = "DEPRECATED_BY_CRAWLER";

    private final Catalog catalog;
    private final CrawlerDefinition definition;
    private final Clock clock;

    CatalogSync(Catalog catalog, CrawlerDefinition definition, Clock clock) {
        this.catalog = catalog;
        this.definition = definition;
        this.clock = clock;
    }

    CrawlPlan plan(List<TableCandidate> candidates, List<String> qualifiedTargets) {
        String database = definition.database();
        boolean databaseExists = catalog.getDatabase(database).isPresent();
        List<TableChange> changes = new ArrayList<>();
        Set<TableId> found = new HashSet<>();
        for (TableCandidate candidate : candidates) {
            Table proposed = toTable(database, candidate);
            found.add(proposed.id());
            Optional<Table> existing = databaseExists ? catalog.getTable(proposed.id()) : Optional.empty();
            changes.add(change(candidate, proposed, existing));
        }
        long creating = changes.stream()
                .filter(c -> c.kind() == TableChange.Kind.CREATE)
                .count();
        if (creating > definition.tableThreshold()) {
            throw new SluiceException(
                    io.sluice.ErrorCode.JOB_FAILED,
                    "the crawl would create " + creating + " tables, more than the table threshold of "
                            + definition.tableThreshold() + "; the data is probably split too finely (see the plan with"
                            + " --dry-run), or set table_level to say where tables start, or raise table_threshold");
        }
        List<VanishedTable> vanished = databaseExists ? vanishedTables(found, qualifiedTargets) : List.of();
        return new CrawlPlan(database, !databaseExists, changes, vanished);
    }

    void apply(CrawlPlan plan) {
        if (plan.createDatabase()) {
            catalog.createDatabase(
                    Database.of(plan.database()).withDescription("Created by crawler " + definition.name()));
        }
        for (TableChange change : plan.changes()) {
            apply(change);
        }
        for (VanishedTable gone : plan.vanished()) {
            switch (gone.action()) {
                case DELETE -> catalog.dropTable(gone.table().id());
                case DEPRECATE -> catalog.updateTable(gone.table().toBuilder()
                        .parameter(DEPRECATED_BY_CRAWLER, clock.instant().toString())
                        .build());
                case LOG -> {}
            }
        }
    }

    private void apply(TableChange change) {
        TableId id = change.proposed().id();
        switch (change.kind()) {
            case CREATE -> catalog.createTable(change.proposed());
            case UPDATE, REFRESH_STATISTICS -> catalog.updateTable(change.proposed());
            case SCHEMA_CHANGE_LOGGED, UNCHANGED -> {}
        }
        List<Partition> put = new ArrayList<>(change.added());
        put.addAll(change.updated());
        if (!put.isEmpty()) {
            catalog.putPartitions(id, put);
        }
        if (!change.vanished().isEmpty() && definition.deleteBehavior() != DeleteBehavior.LOG) {
            catalog.dropPartitions(
                    id, change.vanished().stream().map(Partition::values).toList());
        }
    }

    private TableChange change(TableCandidate candidate, Table found, Optional<Table> existing) {
        List<Partition> partitions = partitions(found, candidate);
        if (existing.isEmpty()) {
            Table proposed = withPartitionStatistics(found, partitions);
            return new TableChange(
                    TableChange.Kind.CREATE,
                    proposed,
                    existing,
                    partitions,
                    List.of(),
                    0,
                    List.of(),
                    candidate.reasons());
        }
        Table current = existing.get();
        if (!current.isPartitioned()
                && candidate.files().stream().allMatch(f -> f.source() == FileVerdict.Source.CATALOGED)) {
            return unchangedFromCatalog(candidate, current);
        }
        Map<List<String>, Partition> known = new HashMap<>();
        if (current.isPartitioned() && current.partitionKeyNames().equals(found.partitionKeyNames())) {
            catalog.listPartitions(current.id()).forEach(p -> known.put(p.values(), p));
        }
        List<Partition> added = new ArrayList<>();
        List<Partition> updated = new ArrayList<>();
        List<Partition> kept = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            Partition partition = partitions.get(i);
            Partition before = known.remove(partition.values());
            if (before == null) {
                added.add(partition);
            } else if (isCataloged(candidate.partitions().get(i))
                    || before.definition().equals(partition.definition())) {
                kept.add(before);
            } else {
                updated.add(partition);
            }
        }
        List<Partition> vanished = new ArrayList<>(known.values());
        vanished.sort(java.util.Comparator.comparing(p -> String.join("/", p.values())));
        List<Partition> after = new ArrayList<>(kept);
        after.addAll(added);
        after.addAll(updated);
        Table proposed = withPartitionStatistics(incremental() ? widened(found, current) : found, after);
        return new TableChange(
                kind(current, proposed),
                proposed,
                existing,
                added,
                updated,
                kept.size(),
                vanished,
                candidate.reasons());
    }

    private TableChange.Kind kind(Table current, Table proposed) {
        if (current.definition().equals(proposed.definition())) {
            return TableChange.Kind.UNCHANGED;
        }
        if (current.definitionWithoutStatistics().equals(proposed.definitionWithoutStatistics())) {
            return TableChange.Kind.REFRESH_STATISTICS;
        }
        return definition.updateBehavior() == UpdateBehavior.LOG
                ? TableChange.Kind.SCHEMA_CHANGE_LOGGED
                : TableChange.Kind.UPDATE;
    }

    /** An unpartitioned table whose folder is in the catalog already (incremental crawl): left as it is. */
    private static TableChange unchangedFromCatalog(TableCandidate candidate, Table current) {
        return new TableChange(
                TableChange.Kind.UNCHANGED,
                current,
                Optional.of(current),
                List.of(),
                List.of(),
                0,
                List.of(),
                candidate.reasons());
    }

    private boolean incremental() {
        return definition.recrawl() == CrawlerDefinition.RecrawlBehavior.NEW_FOLDERS_ONLY;
    }

    private static boolean isCataloged(PartitionCandidate partition) {
        return partition.files().stream().allMatch(f -> f.source() == FileVerdict.Source.CATALOGED);
    }

    /**
     * In an incremental crawl the files of known folders are not read, so the found schema is the catalog's widened
     * by the new folders': every known column stays, in its place, with new ones after it.
     */
    private static Table widened(Table found, Table current) {
        Map<String, Column> columns = new LinkedHashMap<>();
        current.storageDescriptor().columns().forEach(c -> columns.put(c.name(), c));
        for (Column column : found.storageDescriptor().columns()) {
            columns.merge(
                    column.name(),
                    column,
                    (before, now) -> Column.of(before.name(), TypeWidening.merge(before.type(), now.type())));
        }
        return found.toBuilder()
                .storageDescriptor(found.storageDescriptor().withColumns(List.copyOf(columns.values())))
                .build();
    }

    /** A partitioned table's statistics are the sums of its partitions'. */
    private static Table withPartitionStatistics(Table table, List<Partition> partitions) {
        if (!table.isPartitioned()) {
            return table;
        }
        Map<String, String> parameters = new TreeMap<>(table.parameters());
        parameters.keySet().removeAll(List.of("objectCount", "sizeKey", "recordCount", "averageRecordSize"));
        parameters.putAll(sum(partitions));
        return table.toBuilder().parameters(parameters).build();
    }

    private static Map<String, String> sum(List<Partition> partitions) {
        long objects = 0;
        long size = 0;
        long records = 0;
        boolean recordsKnown = true;
        for (Partition partition : partitions) {
            objects += Long.parseLong(partition.parameters().getOrDefault("objectCount", "0"));
            size += Long.parseLong(partition.parameters().getOrDefault("sizeKey", "0"));
            String count = partition.parameters().get("recordCount");
            if (count == null) {
                recordsKnown = false;
            } else {
                records += Long.parseLong(count);
            }
        }
        Map<String, String> statistics = new TreeMap<>();
        statistics.put("objectCount", Long.toString(objects));
        statistics.put("sizeKey", Long.toString(size));
        if (recordsKnown && !partitions.isEmpty()) {
            statistics.put("recordCount", Long.toString(records));
            if (records > 0) {
                statistics.put("averageRecordSize", Long.toString(size / records));
            }
        }
        return statistics;
    }

    private List<VanishedTable> vanishedTables(Set<TableId> found, List<String> qualifiedTargets) {
        List<VanishedTable> vanished = new ArrayList<>();
        for (Table table : catalog.listTables(definition.database())) {
            boolean ours = definition.name().equals(table.parameters().get(UPDATED_BY_CRAWLER));
            boolean underTargets = qualifiedTargets.stream()
                    .anyMatch(t -> isUnder(table.storageDescriptor().location(), t));
            boolean alreadyDeprecated = table.parameters().containsKey(DEPRECATED_BY_CRAWLER)
                    && definition.deleteBehavior() == DeleteBehavior.DEPRECATE;
            if (ours && underTargets && !found.contains(table.id()) && !alreadyDeprecated) {
                vanished.add(new VanishedTable(table, definition.deleteBehavior()));
            }
        }
        return vanished;
    }

    private static boolean isUnder(String location, String target) {
        return location.equals(target) || location.startsWith(target.endsWith("/") ? target : target + "/");
    }

    private Table toTable(String database, TableCandidate candidate) {
        Classification representative = candidate.representative();
        StorageDescriptor sd = new StorageDescriptor(
                candidate.columns(),
                candidate.location().toString(),
                representative.inputFormat(),
                representative.outputFormat(),
                representative.serde(),
                compression(candidate.files()).isPresent(),
                Map.of());
        Map<String, String> parameters = new TreeMap<>(representative.parameters());
        parameters.putAll(statistics(candidate.files()));
        parameters.put("classification", representative.classification());
        putCompression(parameters, candidate.files());
        parameters.put(UPDATED_BY_CRAWLER, definition.name());
        return Table.builder(TableId.of(database, candidate.name()))
                .storageDescriptor(sd)
                .partitionKeys(partitionKeys(candidate))
                .parameters(parameters)
                .build();
    }

    private static List<Column> partitionKeys(TableCandidate candidate) {
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < candidate.partitionKeys().size(); i++) {
            keys.add(Column.of(
                    candidate.partitionKeys().get(i),
                    candidate.partitionKeyTypes().get(i)));
        }
        return keys;
    }

    private static List<Partition> partitions(Table table, TableCandidate candidate) {
        List<Partition> partitions = new ArrayList<>();
        for (PartitionCandidate partition : candidate.partitions()) {
            StorageDescriptor sd = table.storageDescriptor()
                    .withColumns(partition.columns())
                    .withLocation(partition.location().toString())
                    .withCompressed(compression(partition.files()).isPresent());
            Map<String, String> parameters = new TreeMap<>(statistics(partition.files()));
            parameters.put("classification", table.parameters().get("classification"));
            parameters.put("compressionType", table.parameters().get("compressionType"));
            putCompression(parameters, partition.files());
            partitions.add(Partition.of(table.id(), partition.values(), sd).withParameters(parameters));
        }
        return partitions;
    }

    /** Glue's statistics: objectCount, sizeKey, and recordCount/averageRecordSize when every file's count is known. */
    static Map<String, String> statistics(List<FileVerdict> files) {
        Map<String, String> statistics = new TreeMap<>();
        long size = files.stream().mapToLong(f -> f.file().length()).sum();
        statistics.put("objectCount", Long.toString(files.size()));
        statistics.put("sizeKey", Long.toString(size));
        OptionalLong records = recordCount(files);
        if (records.isPresent()) {
            statistics.put("recordCount", Long.toString(records.getAsLong()));
            if (records.getAsLong() > 0) {
                statistics.put("averageRecordSize", Long.toString(size / records.getAsLong()));
            }
        }
        return statistics;
    }

    private static OptionalLong recordCount(List<FileVerdict> files) {
        long total = 0;
        for (FileVerdict file : files) {
            OptionalLong count = file.records();
            if (count.isEmpty()) {
                return OptionalLong.empty();
            }
            total += count.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /**
     * Whole-file compression (a codec in the file name) wins; otherwise the classifier's own value stands (Parquet,
     * ORC and Avro compress inside the file), else {@code none}.
     */
    private static void putCompression(Map<String, String> parameters, List<FileVerdict> files) {
        Optional<String> wholeFile = compression(files);
        if (wholeFile.isPresent()) {
            parameters.put("compressionType", wholeFile.get());
        } else {
            parameters.putIfAbsent("compressionType", "none");
        }
    }

    /** The compression of the files when they agree, {@code mixed} when not, empty when none is compressed. */
    private static Optional<String> compression(List<FileVerdict> files) {
        Set<String> kinds = new HashSet<>();
        files.forEach(f -> kinds.add(f.compression().orElse("none")));
        if (kinds.size() > 1) {
            return Optional.of("mixed");
        }
        String only = kinds.isEmpty() ? "none" : kinds.iterator().next();
        return only.equals("none") ? Optional.empty() : Optional.of(only);
    }
}
