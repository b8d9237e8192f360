package io.sluice.classify;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A classifier's verdict on one file.
 *
 * @param classifier the name of the classifier that gave it
 * @param classification the Glue {@code classification} value: {@code csv}, {@code json}, {@code parquet}, {@code
 *     orc}, {@code avro}, {@code xml}, or a grok classifier's own name
 * @param certainty 0 (not this format) to 1 (certainly this format)
 * @param columns the schema, in file order, each with the reason for its type
 * @param inputFormat the Hadoop input format class a Hive table of such files records
 * @param outputFormat the Hive output format class
 * @param serde the SerDe with the parameters readers need (delimiter, quote character, formats...)
 * @param parameters table parameters as Glue writes them ({@code delimiter}, {@code skip.header.line.count}...)
 * @param recordCount the exact number of records, where file metadata gives it cheaply
 * @param reasons why the classifier decided so, one sentence each
 */
public record Classification(
        String classifier,
        String classification,
        double certainty,
        List<InferredColumn> columns,
        String inputFormat,
        String outputFormat,
        SerDeInfo serde,
        Map<String, String> parameters,
        OptionalLong recordCount,
        List<String> reasons) {

    public Classification {
        requireNonNull(classifier, "classifier is null");
        requireNonNull(classification, "classification is null");
        if (!(certainty >= 0 && certainty <= 1)) {
            throw new IllegalArgumentException("certainty must be between 0 and 1, got " + certainty);
        }
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(inputFormat, "inputFormat is null");
        requireNonNull(outputFormat, "outputFormat is null");
        requireNonNull(serde, "serde is null");
        parameters =
                java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(parameters, "parameters is null")));
        requireNonNull(recordCount, "recordCount is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }

    public static Builder builder(String classifier, String classification) {
        return new Builder(classifier, classification);
    }

    /**
     * This verdict without what is particular to the sampled file — the record count and the reasons, which quote
     * sample values — so that the verdicts of files with the same format and schema are equal.
     */
    public Classification withoutSampleDetails() {
        List<InferredColumn> general = columns.stream()
                .map(c -> new InferredColumn(c.name(), c.type(), ""))
                .toList();
        return new Classification(
                classifier,
                classification,
                certainty,
                general,
                inputFormat,
                outputFormat,
                serde,
                parameters,
                OptionalLong.empty(),
                List.of());
    }

    /** The schema as catalog columns. */
    public List<Column> catalogColumns() {
        return columns.stream().map(InferredColumn::toColumn).toList();
    }

    /** Builds classifications; certainty defaults to 1, the storage classes come from {@link #format}. */
    public static final class Builder {
        private final String classifier;
        private final String classification;
        private double certainty = 1.0;
        private List<InferredColumn> columns = List.of();
        private String inputFormat;
        private String outputFormat;
        private SerDeInfo serde;
        private final Map<String, String> parameters = new TreeMap<>();
        private OptionalLong recordCount = OptionalLong.empty();
        private final List<String> reasons = new java.util.ArrayList<>();

        private Builder(String classifier, String classification) {
            this.classifier = classifier;
            this.classification = classification;
        }

        public Builder certainty(double certainty) {
            this.certainty = certainty;
            return this;
        }

        public Builder columns(List<InferredColumn> columns) {
            this.columns = columns;
            return this;
        }

        /** Input/output format and SerDe (without parameters) of a known storage format. */
        public Builder format(StorageFormat format) {
            this.inputFormat = format.inputFormat();
            this.outputFormat = format.outputFormat();
            this.serde = SerDeInfo.of(format.serde());
            return this;
        }

        public Builder storage(String inputFormat, String outputFormat, SerDeInfo serde) {
            this.inputFormat = inputFormat;
            this.outputFormat = outputFormat;
            this.serde = serde;
            return this;
        }

        public Builder serdeParameter(String key, String value) {
            this.serde = serde.withParameter(key, value);
            return this;
        }

        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        public Builder recordCount(long recordCount) {
            this.recordCount = OptionalLong.of(recordCount);
            return this;
        }

        public Builder reason(String reason) {
            reasons.add(reason);
            return this;
        }

        public Classification build() {
            return new Classification(
                    classifier,
                    classification,
                    certainty,
                    columns,
                    inputFormat,
                    outputFormat,
                    serde,
                    parameters,
                    recordCount,
                    reasons);
        }
    }
}
