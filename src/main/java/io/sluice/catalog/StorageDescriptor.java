package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where and how the data of a table or partition is stored, as in the Hive Metastore and the Glue Data Catalog:
 * the columns, the location (a Hadoop path URI), the input/output format classes, the SerDe, whether the files are
 * compressed, and free parameters.
 */
public record StorageDescriptor(
        List<Column> columns,
        String location,
        String inputFormat,
        String outputFormat,
        SerDeInfo serdeInfo,
        boolean compressed,
        Map<String, String> parameters) {

    public StorageDescriptor {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(location, "location is null");
        requireNonNull(inputFormat, "inputFormat is null");
        requireNonNull(outputFormat, "outputFormat is null");
        requireNonNull(serdeInfo, "serdeInfo is null");
        parameters = Parameters.copyOf(parameters);
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("duplicate column '" + column.name() + "'");
            }
        }
    }

    /** The descriptor of a table stored in one of the known formats, with that format's Hive classes. */
    public static StorageDescriptor of(List<Column> columns, String location, StorageFormat format) {
        return new StorageDescriptor(
                columns,
                location,
                format.inputFormat(),
                format.outputFormat(),
                SerDeInfo.of(format.serde()),
                false,
                Map.of());
    }

    public StorageDescriptor withColumns(List<Column> newColumns) {
        return new StorageDescriptor(
                newColumns, location, inputFormat, outputFormat, serdeInfo, compressed, parameters);
    }

    public StorageDescriptor withLocation(String newLocation) {
        return new StorageDescriptor(
                columns, newLocation, inputFormat, outputFormat, serdeInfo, compressed, parameters);
    }

    public StorageDescriptor withSerdeInfo(SerDeInfo newSerdeInfo) {
        return new StorageDescriptor(
                columns, location, inputFormat, outputFormat, newSerdeInfo, compressed, parameters);
    }

    public StorageDescriptor withCompressed(boolean newCompressed) {
        return new StorageDescriptor(
                columns, location, inputFormat, outputFormat, serdeInfo, newCompressed, parameters);
    }

    public StorageDescriptor withParameters(Map<String, String> newParameters) {
        return new StorageDescriptor(
                columns, location, inputFormat, outputFormat, serdeInfo, compressed, newParameters);
    }

    /** The column names in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
