package io.sluice.format;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.types.StructType;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader needs to read files of a table or partition: the schema rows must have (the table's data columns, in
 * table order), and the storage the catalog recorded — input format, SerDe with its parameters (delimiter, quote
 * character, value formats...) and the table parameters ({@code classification}, {@code skip.header.line.count}...).
 *
 * <p>Self-describing formats (JSON, Parquet, ORC, Avro, XML) map file fields to columns by name, so files written
 * before a column was added read it as null; delimited text maps by position.
 */
public record ReadSpec(StructType schema, String inputFormat, SerDeInfo serde, Map<String, String> parameters) {
    public ReadSpec {
        requireNonNull(schema, "schema is null");
        requireNonNull(inputFormat, "inputFormat is null");
        requireNonNull(serde, "serde is null");
        parameters =
                java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(parameters, "parameters is null")));
    }

    /** How to read a table's data (for a partition, its own storage descriptor with the table's parameters). */
    public static ReadSpec of(Table table, StorageDescriptor storage) {
        return new ReadSpec(
                Schemas.struct(table.storageDescriptor().columns()),
                storage.inputFormat(),
                storage.serdeInfo(),
                table.parameters());
    }

    public String classification() {
        return parameters.getOrDefault("classification", "");
    }

    /** A SerDe parameter, else a table parameter of the same name. */
    public java.util.Optional<String> parameter(String key) {
        String value = serde.parameters().get(key);
        return java.util.Optional.ofNullable(value != null ? value : parameters.get(key));
    }
}
