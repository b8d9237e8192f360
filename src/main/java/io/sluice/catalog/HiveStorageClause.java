package io.sluice.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ROW FORMAT} and {@code STORED AS} clauses that recreate a storage descriptor: the short forms Hive users
 * write when they say exactly the same thing, the generic SerDe form otherwise, so no SerDe parameter is lost.
 */
final class HiveStorageClause {
    private static final String SERIALIZATION_FORMAT = "serialization.format";
    /** What Hive and Glue write into every SerDe's parameters unless told otherwise; it says nothing. */
    private static final Map<String, String> DEFAULT_SERDE_PARAMETERS = Map.of(SERIALIZATION_FORMAT, "1");

    /** Hive's own key for the collection delimiter, misspelt in Hive and kept so for compatibility. */
    private static final String HIVE_COLLECTION_DELIM = "colelction.delim";

    private static final String COLLECTION_DELIM = "collection.delim";

    /** The delimiter parameters of LazySimpleSerDe and the clause of ROW FORMAT DELIMITED that sets each, in order. */
    private static final Map<String, String> DELIMITERS = delimiters();

    /** OpenCSVSerde's parameters in the order people write them; the others follow sorted. */
    private static final List<String> FIRST_SERDE_PARAMETERS = List.of("separatorChar", "quoteChar", "escapeChar");

    private static final Comparator<String> SERDE_PARAMETER_ORDER = Comparator.<String>comparingInt(key -> {
                int index = FIRST_SERDE_PARAMETERS.indexOf(key);
                return index < 0 ? FIRST_SERDE_PARAMETERS.size() : index;
            })
            .thenComparing(Comparator.naturalOrder());

    private HiveStorageClause() {}

    private static Map<String, String> delimiters() {
        Map<String, String> clauses = new LinkedHashMap<>();
        clauses.put("field.delim", "FIELDS TERMINATED BY");
        clauses.put("escape.delim", "ESCAPED BY");
        clauses.put(COLLECTION_DELIM, "COLLECTION ITEMS TERMINATED BY");
        clauses.put("mapkey.delim", "MAP KEYS TERMINATED BY");
        clauses.put("line.delim", "LINES TERMINATED BY");
        clauses.put("serialization.null.format", "NULL DEFINED AS");
        return clauses;
    }

    /** The clauses, one per line. */
    static List<String> of(StorageDescriptor descriptor) {
        Optional<StorageFormat> format = StorageFormat.of(descriptor).filter(f -> usesFormatClasses(descriptor, f));
        if (format.isPresent()
                && isColumnar(format.get())
                && hasOnlyDefaults(descriptor.serdeInfo().parameters())) {
            return List.of("STORED AS " + format.get().name());
        }
        List<String> lines = new ArrayList<>(rowFormat(descriptor.serdeInfo(), format));
        lines.addAll(storedAs(descriptor, format));
        return lines;
    }

    private static boolean usesFormatClasses(StorageDescriptor descriptor, StorageFormat format) {
        return descriptor.inputFormat().equals(format.inputFormat())
                && descriptor.outputFormat().equals(format.outputFormat());
    }

    private static List<String> rowFormat(SerDeInfo serde, Optional<StorageFormat> format) {
        if (format.equals(Optional.of(StorageFormat.DELIMITED)) && fitsRowFormatDelimited(serde.parameters())) {
            return rowFormatDelimited(serde.parameters());
        }
        return rowFormatSerde(serde);
    }

    private static List<String> storedAs(StorageDescriptor descriptor, Optional<StorageFormat> format) {
        if (format.equals(Optional.of(StorageFormat.CSV)) || format.equals(Optional.of(StorageFormat.DELIMITED))) {
            return List.of("STORED AS TEXTFILE");
        }
        return List.of(
                "STORED AS INPUTFORMAT " + HiveSql.literal(descriptor.inputFormat()),
                "OUTPUTFORMAT " + HiveSql.literal(descriptor.outputFormat()));
    }

    private static boolean isColumnar(StorageFormat format) {
        return format == StorageFormat.PARQUET || format == StorageFormat.ORC || format == StorageFormat.AVRO;
    }

    private static boolean hasOnlyDefaults(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .allMatch(e -> e.getValue().equals(DEFAULT_SERDE_PARAMETERS.get(e.getKey())));
    }

    private static List<String> rowFormatSerde(SerDeInfo serde) {
        List<String> lines = new ArrayList<>();
        lines.add("ROW FORMAT SERDE " + HiveSql.literal(serde.serializationLibrary()));
        if (!serde.parameters().isEmpty()) {
            lines.add("WITH SERDEPROPERTIES " + HiveSql.properties(serde.parameters(), SERDE_PARAMETER_ORDER));
        }
        return lines;
    }

    /**
     * True when ROW FORMAT DELIMITED says everything the parameters say. It cannot carry other parameters, an
     * escape character without a field delimiter, or a line delimiter other than a newline (Hive rejects those).
     */
    private static boolean fitsRowFormatDelimited(Map<String, String> parameters) {
        Set<String> known = Set.of(HIVE_COLLECTION_DELIM, SERIALIZATION_FORMAT);
        boolean onlyDelimiters =
                parameters.keySet().stream().allMatch(key -> DELIMITERS.containsKey(key) || known.contains(key));
        boolean hasFieldDelimiter = parameters.containsKey("field.delim");
        return onlyDelimiters
                && (hasFieldDelimiter || !parameters.containsKey("escape.delim"))
                && parameters.getOrDefault("line.delim", "\n").equals("\n")
                && (hasFieldDelimiter || "1".equals(parameters.getOrDefault(SERIALIZATION_FORMAT, "1")))
                && collectionDelimitersAgree(parameters);
    }

    private static boolean collectionDelimitersAgree(Map<String, String> parameters) {
        String hive = parameters.get(HIVE_COLLECTION_DELIM);
        String plain = parameters.get(COLLECTION_DELIM);
        return hive == null || plain == null || Objects.equals(hive, plain);
    }

    private static List<String> rowFormatDelimited(Map<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>(parameters);
        if (parameters.containsKey(HIVE_COLLECTION_DELIM)) {
            values.putIfAbsent(COLLECTION_DELIM, parameters.get(HIVE_COLLECTION_DELIM));
        }
        List<String> lines = new ArrayList<>();
        lines.add("ROW FORMAT DELIMITED");
        DELIMITERS.forEach((key, clause) -> {
            String value = values.get(key);
            if (value != null) {
                lines.add("  " + clause + " " + HiveSql.literal(value));
            }
        });
        return lines;
    }
}
