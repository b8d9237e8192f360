package io.sluice.format.parquet;

import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes rows to a new Parquet file. Sizes and dictionary encoding follow parquet-hadoop's own configuration keys, with
 * its defaults: row groups of 128 MiB ({@code parquet.block.size}), pages of 1 MiB ({@code parquet.page.size}),
 * dictionary pages of 1 MiB ({@code parquet.dictionary.page.size}), dictionary encoding on ({@code
 * parquet.enable.dictionary}); format version 1 pages, which every reader reads.
 */
final class ParquetRowWriter implements RowWriter {
    private final ParquetWriter<Row> writer;

    private ParquetRowWriter(ParquetWriter<Row> writer) {
        this.writer = writer;
    }

    static ParquetRowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        ParquetWriter<Row> writer = new Builder(HadoopOutputFile.fromPath(file, conf), schema)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(codec(compression))
                .withRowGroupSize(ParquetOutputFormat.getLongBlockSize(conf))
                .withPageSize(ParquetOutputFormat.getPageSize(conf))
                .withDictionaryPageSize(ParquetOutputFormat.getDictionaryPageSize(conf))
                .withDictionaryEncoding(ParquetOutputFormat.getEnableDictionary(conf))
                .build();
        return new ParquetRowWriter(writer);
    }

    private static CompressionCodecName codec(Compression compression) {
        return switch (compression) {
            case NONE -> CompressionCodecName.UNCOMPRESSED;
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case ZSTD -> CompressionCodecName.ZSTD;
            case GZIP -> CompressionCodecName.GZIP;
        };
    }

    @Override
    public void write(Row row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final StructType schema;

        Builder(OutputFile file, StructType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Deprecated for the ParquetConfiguration overload, but still the abstract method a builder must implement.
        @SuppressWarnings("deprecation")
        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }
}
