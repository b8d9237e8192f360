package io.sluice.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The storage formats Sluice reads and writes, with the Hive classes a metastore records for them, so that Hive,
 * Spark, Trino or Athena can read a table Sluice catalogued.
 */
public enum StorageFormat {
    PARQUET(
            "parquet",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
    ORC(
            "orc",
            "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
            "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat",
            "org.apache.hadoop.hive.ql.io.orc.OrcSerde"),
    AVRO(
            "avro",
            "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat",
            "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat",
            "org.apache.hadoop.hive.serde2.avro.AvroSerDe"),
    JSON("json", Text.INPUT_FORMAT, Text.OUTPUT_FORMAT, "org.openx.data.jsonserde.JsonSerDe"),
    /** Delimited text with quoting (RFC 4180 style): read through OpenCSVSerde, every column text to Hive. */
    CSV("csv", Text.INPUT_FORMAT, Text.OUTPUT_FORMAT, "org.apache.hadoop.hive.serde2.OpenCSVSerde"),
    /** Delimited text without quoting: LazySimpleSerDe, typed columns. */
    DELIMITED("csv", Text.INPUT_FORMAT, Text.OUTPUT_FORMAT, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");

    private final String classification;
    private final String inputFormat;
    private final String outputFormat;
    private final String serde;

    StorageFormat(String classification, String inputFormat, String outputFormat, String serde) {
        this.classification = classification;
        this.inputFormat = inputFormat;
        this.outputFormat = outputFormat;
        this.serde = serde;
    }

    /** The Glue {@code classification} parameter value. */
    public String classification() {
        return classification;
    }

    public String inputFormat() {
        return inputFormat;
    }

    public String outputFormat() {
        return outputFormat;
    }

    public String serde() {
        return serde;
    }

    /** The format a storage descriptor describes, recognised by its SerDe library. */
    public static Optional<StorageFormat> of(StorageDescriptor descriptor) {
        String library = descriptor.serdeInfo().serializationLibrary();
        return Arrays.stream(values()).filter(f -> f.serde.equals(library)).findFirst();
    }

    private static final class Text {
        static final String INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
        static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    }
}
