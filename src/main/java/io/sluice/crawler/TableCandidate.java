package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.classify.Classification;
import io.sluice.types.DataType;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * A table the crawl found: where it is, its merged schema, its partitions, and why it was decided so.
 *
 * @param location the table root folder (or the file, for a table of one file)
 * @param representative the classification of the first file, which gives the storage and dialect
 * @param columns the merged schema of all its files
 * @param partitionKeyTypes the type of each partition key (string unless the crawler declares another)
 * @param files every file of the table
 * @param partitions its partitions in value order (empty when unpartitioned)
 * @param reasons why these files form this table
 */
public record TableCandidate(
        String name,
        Path location,
        Classification representative,
        List<Column> columns,
        List<String> partitionKeys,
        List<DataType> partitionKeyTypes,
        List<FileVerdict> files,
        List<PartitionCandidate> partitions,
        List<String> reasons) {

    public TableCandidate {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(representative, "representative is null");
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        partitionKeyTypes = List.copyOf(partitionKeyTypes);
        if (partitionKeyTypes.size() != partitionKeys.size()) {
            throw new IllegalArgumentException("one type per partition key needed");
        }
        files = List.copyOf(files);
        partitions = List.copyOf(partitions);
        reasons = List.copyOf(reasons);
    }

    public TableCandidate withName(String newName) {
        return new TableCandidate(
                newName,
                location,
                representative,
                columns,
                partitionKeys,
                partitionKeyTypes,
                files,
                partitions,
                reasons);
    }

    /** One partition folder: its values (one per key), location, files and their merged schema. */
    public record PartitionCandidate(
            List<String> values, Path location, List<FileVerdict> files, List<Column> columns) {
        public PartitionCandidate {
            values = List.copyOf(values);
            requireNonNull(location, "location is null");
            files = List.copyOf(files);
            columns = List.copyOf(columns);
        }
    }
}
