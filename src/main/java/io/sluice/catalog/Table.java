package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A catalog table, shaped like a Glue Data Catalog / Hive Metastore table: storage descriptor, partition keys, table
 * parameters ({@code classification}, {@code recordCount}...). {@code versionId}, {@code createTime} and
 * {@code updateTime} are set by the catalog ({@code versionId} 0 means "not stored yet").
 */
public record Table(
        TableId id,
        Optional<String> description,
        String tableType,
        StorageDescriptor storageDescriptor,
        List<Column> partitionKeys,
        Map<String, String> parameters,
        Optional<Instant> createTime,
        Optional<Instant> updateTime,
        long versionId) {

    public static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";

    /**
     * Parameters that describe the data rather than the table; a change limited to them refreshes the table in place
     * instead of archiving a new version.
     */
    public static final Set<String> STATISTICS_PARAMETERS = Set.of(
            "recordCount",
            "sizeKey",
            "objectCount",
            "averageRecordSize",
            "numRows",
            "numFiles",
            "totalSize",
            "rawDataSize",
            "transient_lastDdlTime",
            "UPDATED_BY_CRAWLER",
            "CrawlerSchemaDeserializerVersion",
            "CrawlerSchemaSerializerVersion");

    public Table {
        requireNonNull(id, "id is null");
        requireNonNull(description, "description is null");
        requireNonNull(tableType, "tableType is null");
        requireNonNull(storageDescriptor, "storageDescriptor is null");
        partitionKeys = List.copyOf(requireNonNull(partitionKeys, "partitionKeys is null"));
        parameters = Parameters.copyOf(parameters);
        requireNonNull(createTime, "createTime is null");
        requireNonNull(updateTime, "updateTime is null");
        if (versionId < 0) {
            throw new IllegalArgumentException("versionId is negative: " + versionId);
        }
        Set<String> names = new HashSet<>(storageDescriptor.columnNames());
        for (Column key : partitionKeys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException(
                        "partition key '" + key.name() + "' of " + id + " is also a column or a repeated key");
            }
        }
    }

    public static Builder builder(TableId id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id)
                .description(description.orElse(null))
                .tableType(tableType)
                .storageDescriptor(storageDescriptor)
                .partitionKeys(partitionKeys)
                .parameters(parameters)
                .createTime(createTime.orElse(null))
                .updateTime(updateTime.orElse(null))
                .versionId(versionId);
    }

    /** The partition key names in order. */
    public List<String> partitionKeyNames() {
        return partitionKeys.stream().map(Column::name).toList();
    }

    public boolean isPartitioned() {
        return !partitionKeys.isEmpty();
    }

    /** The table as a user defines it: without the version and times the catalog adds. */
    public Table definition() {
        return new Table(
                id,
                description,
                tableType,
                storageDescriptor,
                partitionKeys,
                parameters,
                Optional.empty(),
                Optional.empty(),
                0);
    }

    /** The definition without {@link #STATISTICS_PARAMETERS}, for telling schema changes from statistics refreshes. */
    public Table definitionWithoutStatistics() {
        Map<String, String> kept = new TreeMap<>(parameters);
        kept.keySet().removeAll(STATISTICS_PARAMETERS);
        return definition().toBuilder().parameters(kept).build();
    }

    /** Builds tables; {@code tableType} defaults to {@value #EXTERNAL_TABLE}. */
    public static final class Builder {
        private final TableId id;
        private String description;
        private String tableType = EXTERNAL_TABLE;
        private StorageDescriptor storageDescriptor;
        private List<Column> partitionKeys = List.of();
        private Map<String, String> parameters = Map.of();
        private Instant createTime;
        private Instant updateTime;
        private long versionId;

        private Builder(TableId id) {
            this.id = requireNonNull(id, "id is null");
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tableType(String tableType) {
            this.tableType = tableType;
            return this;
        }

        public Builder storageDescriptor(StorageDescriptor storageDescriptor) {
            this.storageDescriptor = storageDescriptor;
            return this;
        }

        public Builder partitionKeys(List<Column> partitionKeys) {
            this.partitionKeys = partitionKeys;
            return this;
        }

        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder parameter(String key, String value) {
            Map<String, String> copy = new TreeMap<>(parameters);
            copy.put(key, value);
            this.parameters = copy;
            return this;
        }

        public Builder createTime(Instant createTime) {
            this.createTime = createTime;
            return this;
        }

        public Builder updateTime(Instant updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        public Builder versionId(long versionId) {
            this.versionId = versionId;
            return this;
        }

        public Table build() {
            return new Table(
                    id,
                    Optional.ofNullable(description),
                    tableType,
                    storageDescriptor,
                    partitionKeys,
                    parameters,
                    Optional.ofNullable(createTime),
                    Optional.ofNullable(updateTime),
                    versionId);
        }
    }
}
