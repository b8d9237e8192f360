package io.sluice.crawler;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.classify.Classification;
import io.sluice.classify.InferredColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/**
 * The folders an incremental crawl ({@code recrawl: new-folders-only}) does not read again: the partitions, and the
 * locations of unpartitioned tables, that this crawler already put in the catalog. Their files are described by the
 * catalog's schema instead of being sampled.
 */
final class KnownFolders {
    private static final KnownFolders NONE = new KnownFolders(Map.of());

    private final Map<String, Classification> byLocation;

    private KnownFolders(Map<String, Classification> byLocation) {
        this.byLocation = byLocation;
    }

    static KnownFolders none() {
        return NONE;
    }

    /** The folders of the crawler's tables in its database. */
    static KnownFolders of(Catalog catalog, CrawlerDefinition definition) {
        if (catalog.getDatabase(definition.database()).isEmpty()) {
            return NONE;
        }
        Map<String, Classification> byLocation = new HashMap<>();
        for (Table table : catalog.listTables(definition.database())) {
            if (!definition.name().equals(table.parameters().get(CatalogSync.UPDATED_BY_CRAWLER))) {
                continue;
            }
            if (table.isPartitioned()) {
                for (Partition partition : catalog.listPartitions(table.id())) {
                    StorageDescriptor sd = partition.storageDescriptor();
                    byLocation.put(normalize(sd.location()), classification(table, sd));
                }
            } else {
                StorageDescriptor sd = table.storageDescriptor();
                byLocation.put(normalize(sd.location()), classification(table, sd));
            }
        }
        return new KnownFolders(byLocation);
    }

    boolean isEmpty() {
        return byLocation.isEmpty();
    }

    /** The catalog's description of a file in a known folder (or of a known single-file table). */
    Optional<Classification> describe(DataFile file) {
        for (Path path = file.path(); path != null; path = path.getParent()) {
            Classification known = byLocation.get(normalize(path.toString()));
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    private static Classification classification(Table table, StorageDescriptor sd) {
        Map<String, String> parameters = new TreeMap<>(table.parameters());
        parameters.keySet().removeAll(Table.STATISTICS_PARAMETERS);
        parameters.remove("classification");
        parameters.remove(CatalogSync.DEPRECATED_BY_CRAWLER);
        Classification.Builder builder = Classification.builder(
                        "catalog", table.parameters().getOrDefault("classification", "unknown"))
                .storage(sd.inputFormat(), sd.outputFormat(), sd.serdeInfo())
                .columns(columns(sd.columns()))
                .reason("folder already in the catalog: not read again (recrawl: new-folders-only)");
        parameters.forEach(builder::parameter);
        return builder.build();
    }

    private static List<InferredColumn> columns(List<Column> columns) {
        return columns.stream()
                .map(c -> new InferredColumn(c.name(), c.type(), "from the catalog"))
                .toList();
    }

    private static String normalize(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
}
