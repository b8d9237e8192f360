package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.TableId;
import io.sluice.format.Compression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how a job writes its rows.
 *
 * <ul>
 *   <li>{@code path}: the output folder (a local path or a Hadoop URI);
 *   <li>{@code format}: {@link OutputFormat#PARQUET} unless told otherwise, with {@code options} for CSV;
 *   <li>{@code compression}: by default Snappy for Parquet and ORC, none for CSV and JSON;
 *   <li>{@code partitionBy}: Hive-style dynamic partitions, {@code path/country=DE/...}; those columns are then not
 *       in the data files, as in Hive;
 *   <li>{@code mode}: what happens when the output already exists, {@link Mode#ERROR} by default;
 *   <li>{@code table}: the catalog table to create or update (and whose partitions to add) when the job succeeds.
 * </ul>
 */
public record Output(
        String path,
        OutputFormat format,
        Compression compression,
        Map<String, String> options,
        List<ColumnRef> partitionBy,
        Mode mode,
        Optional<TableId> table,
        int line) {

    public Output {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(compression, "compression is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        requireNonNull(mode, "mode is null");
        requireNonNull(table, "table is null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("output path is empty");
        }
    }

    /** What a job does when its output path already has data. */
    public enum Mode {
        /** Replaces the output (the partitions written, when partitioned) once the job succeeds. */
        OVERWRITE,
        /** Adds files next to those there. */
        APPEND,
        /** Fails before any work starts: the default, so that no run replaces data by mistake. */
        ERROR
    }
}
