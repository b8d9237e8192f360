package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.types.StructType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the files under a path (a file, a folder, or a Hadoop URI) in one format. {@code options} are the
 * format's reading options as written ({@code header}, {@code delimiter}, {@code quote}, {@code escape}, {@code
 * null_value}, {@code date_format}, {@code timestamp_format}, {@code encoding}; see {@link SourceFormat#options()}),
 * already checked. {@code schema} is the declared row schema ({@code "id bigint, ts timestamp"}); without one, the
 * schema comes from the files (Parquet, ORC, Avro) through a {@link SchemaResolver}.
 */
public record PathSource(
        String path, SourceFormat format, Map<String, String> options, Optional<StructType> schema, int line)
        implements Source {
    public PathSource {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        requireNonNull(schema, "schema is null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is empty");
        }
    }

    /** An option's value, if set. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
