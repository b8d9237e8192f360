package io.sluice.runtime.mr;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.Schemas;
import io.sluice.format.csv.DelimitedWriteOptions;
import io.sluice.job.Output;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the catalog describes the files a job writes, as the crawler would record them, so that Sluice, a re-crawl and
 * other engines read them back: Parquet and ORC with their SerDes; CSV with OpenCSVSerde, its separator, quote and
 * escape, the header line to skip, and nested columns as the JSON strings they are; JSON lines with the JSON SerDe.
 */
final class OutputTables {
    private OutputTables() {}

    /** The storage descriptor of the output's files, whose data columns are {@code columns}. */
    static StorageDescriptor storage(Output output, List<Column> columns, String location) {
        return switch (output.format()) {
            case PARQUET -> StorageDescriptor.of(columns, location, StorageFormat.PARQUET);
            case ORC -> StorageDescriptor.of(columns, location, StorageFormat.ORC);
            case CSV -> StorageDescriptor.of(csvColumns(columns), location, StorageFormat.CSV)
                    .withSerdeInfo(SerDeInfo.of(
                            StorageFormat.CSV.serde(),
                            DelimitedWriteOptions.of(output.options()).serdeParameters()))
                    .withCompressed(output.compression() != Compression.NONE);
            case JSON -> StorageDescriptor.of(columns, location, StorageFormat.JSON)
                    .withCompressed(output.compression() != Compression.NONE);
        };
    }

    /** The table parameters: classification and compression, and for CSV its dialect. */
    static Map<String, String> parameters(Output output, List<Column> columns) {
        Map<String, String> parameters = new TreeMap<>();
        switch (output.format()) {
            case PARQUET -> parameters.put("classification", StorageFormat.PARQUET.classification());
            case ORC -> parameters.put("classification", StorageFormat.ORC.classification());
            case CSV -> parameters.putAll(
                    DelimitedWriteOptions.of(output.options()).tableParameters(Schemas.struct(csvColumns(columns))));
            case JSON -> parameters.put("classification", StorageFormat.JSON.classification());
        }
        parameters.put("compressionType", output.compression().name().toLowerCase(Locale.ROOT));
        return parameters;
    }

    private static List<Column> csvColumns(List<Column> columns) {
        return columns.stream()
                .map(c -> new Column(c.name(), DelimitedWriteOptions.catalogType(c.type()), c.comment()))
                .toList();
    }
}
