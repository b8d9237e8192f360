package io.sluice.format.parquet;

import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows to a new Parquet file. Sizes follow parquet-hadoop's own configuration keys, with its defaults: row
 * groups of 128 MiB ({@code parquet.block.size}), pages of 1 MiB ({@code parquet.page.size}), dictionary pages of 1 MiB
 * ({@code parquet.dictionary.page.size}); format version 1 pages, which every reader reads. A flat schema is written
 * as column chunks Sluice encodes page by page ({@link FlatColumnsWriter}), a nested one through parquet-hadoop's writer and {@link
 * RowWriteSupport}; both give the same schema, values, encodings and statistics. The flat path also keeps each row group to its share of the memory the
 * open writers share ({@link RowGroupMemory}, {@value RowGroupMemory#POOL}), so that many partitions do not hold
 * many row groups.
 *
 * <p>Dictionary encoding is chosen per column, as ORC does: the first {@value #DEFAULT_SAMPLE_ROWS} rows of the file
 * ({@link #SAMPLE_ROWS}) are held back, and a column of a primitive type whose sample has more distinct values than
 * {@value #DISTINCT_RATIO} of its values is written without a dictionary. Such a column (an id, a timestamp, a price)
 * gains nothing from one, and building it costs a hash lookup per value until the dictionary outgrows its page —
 * for every file of a partitioned output. Nested columns and columns with repeating values keep dictionaries; {@code
 * parquet.enable.dictionary=false} turns them off everywhere.
 */
final class ParquetRowWriter implements RowWriter {
    /** How many rows of a file decide which columns have dictionaries. */
    static final String SAMPLE_ROWS = "sluice.parquet.dictionary.sample-rows";

    /**
     * Whether flat schemas are written as column chunks Sluice encodes (true, the default) or through parquet-hadoop's
     * record writer as nested ones are; both give the same values, encodings and statistics.
     */
    static final String DIRECT_COLUMNS = "sluice.parquet.direct-columns";

    static final int DEFAULT_SAMPLE_ROWS = 1024;
    static final double DISTINCT_RATIO = 0.5;

    private final Configuration conf;
    private final Path file;
    private final StructType schema;
    private final Compression compression;
    private final int sampleRows;
    private final RowWriteSupport check;
    private List<Row> sample = new ArrayList<>();
    private RowWriter writer;

    private ParquetRowWriter(Configuration conf, Path file, StructType schema, Compression compression) {
        this.conf = conf;
        this.file = file;
        this.schema = schema;
        this.compression = compression;
        this.sampleRows = conf.getInt(SAMPLE_ROWS, DEFAULT_SAMPLE_ROWS);
        this.check = new RowWriteSupport(schema);
        check.init(conf);
        check.prepareForWrite(new Nowhere());
    }

    /**
     * A writer of a new file; the file is created when the sample is complete or the writer closed.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    static ParquetRowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        if (file.getFileSystem(conf).exists(file)) {
            throw new FileAlreadyExistsException(file + " already exists");
        }
        return new ParquetRowWriter(conf, file, schema, compression);
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
        if (writer != null) {
            writer.write(row);
            return;
        }
        check.write(row); // a value that does not fit its column fails here, with its row
        sample.add(row.copy());
        if (sample.size() >= sampleRows) {
            open();
        }
    }

    /** Opens the file with the dictionaries the sample asks for, and writes the sample. */
    private void open() throws IOException {
        OutputFile out = HadoopOutputFile.fromPath(file, conf);
        boolean direct = conf.getBoolean(DIRECT_COLUMNS, true) && FlatColumnsWriter.handles(schema);
        writer = direct ? openFlat(out) : openGeneral(out);
        for (Row row : sample) {
            writer.write(row);
        }
        sample = null;
    }

    /** A flat schema: column chunks encoded by Sluice, with the same settings as {@link #openGeneral}. */
    private RowWriter openFlat(OutputFile out) throws IOException {
        ParquetProperties.Builder props = ParquetProperties.builder()
                .withPageSize(ParquetOutputFormat.getPageSize(conf))
                .withDictionaryPageSize(ParquetOutputFormat.getDictionaryPageSize(conf))
                .withDictionaryEncoding(ParquetOutputFormat.getEnableDictionary(conf));
        for (String column : plainColumns()) {
            props.withDictionaryEncoding(column, false);
        }
        Map<String, String> metadata = Map.of(
                RowWriteSupport.HIVE_SCHEMA_KEY, schema.toString(), ParquetWriter.OBJECT_MODEL_NAME_PROP, "sluice");
        return FlatColumnsWriter.create(
                out,
                schema,
                conf,
                codec(compression),
                props.build(),
                ParquetOutputFormat.getLongBlockSize(conf),
                conf.getLong(RowGroupMemory.POOL, RowGroupMemory.DEFAULT_POOL_BYTES),
                metadata);
    }

    /** Any schema, nested types included: parquet-hadoop's writer with {@link RowWriteSupport}. */
    private RowWriter openGeneral(OutputFile out) throws IOException {
        Builder builder = new Builder(out, schema)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(codec(compression))
                .withRowGroupSize(ParquetOutputFormat.getLongBlockSize(conf))
                .withPageSize(ParquetOutputFormat.getPageSize(conf))
                .withDictionaryPageSize(ParquetOutputFormat.getDictionaryPageSize(conf))
                .withDictionaryEncoding(ParquetOutputFormat.getEnableDictionary(conf));
        for (String column : plainColumns()) {
            builder.withDictionaryEncoding(column, false);
        }
        ParquetWriter<Row> parquet = builder.build();
        return new RowWriter() {
            @Override
            public void write(Row row) throws IOException {
                parquet.write(row);
            }

            @Override
            public void close() throws IOException {
                parquet.close();
            }
        };
    }

    /** The primitive columns whose sample values do not repeat enough for a dictionary. */
    private List<String> plainColumns() {
        List<String> plain = new ArrayList<>();
        for (int column = 0; column < schema.fields().size(); column++) {
            StructField field = schema.fields().get(column);
            if (!nested(field.type()) && !repeats(column)) {
                plain.add(field.name());
            }
        }
        return plain;
    }

    static boolean nested(DataType type) {
        return type instanceof StructType || type instanceof ArrayType || type instanceof MapType;
    }

    /** True when the sample's values of a column repeat enough for a dictionary to pay. */
    private boolean repeats(int column) {
        Set<Object> distinct = new HashSet<>();
        int values = 0;
        for (Row row : sample) {
            if (!row.isNull(column)) {
                values++;
                distinct.add(distinctValue(row, column));
            }
        }
        return distinct.size() <= DISTINCT_RATIO * values;
    }

    /**
     * The value at {@code column}, as something whose {@code equals} tells the written values apart: a timestamp as
     * the microseconds the file holds (not boxed into three objects), byte arrays by their contents.
     */
    private Object distinctValue(Row row, int column) {
        if (schema.fields().get(column).type() == PrimitiveType.TIMESTAMP) {
            return row.getTimestampMicros(column);
        }
        Object value = row.get(column);
        return value instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : value;
    }

    @Override
    public void close() throws IOException {
        if (writer == null) {
            open();
        }
        writer.close();
    }

    /** Takes a record's values and keeps none: checking a row runs the conversions without writing. */
    private static final class Nowhere extends RecordConsumer {
        @Override
        public void startMessage() {}

        @Override
        public void endMessage() {}

        @Override
        public void startField(String field, int index) {}

        @Override
        public void endField(String field, int index) {}

        @Override
        public void startGroup() {}

        @Override
        public void endGroup() {}

        @Override
        public void addInteger(int value) {}

        @Override
        public void addLong(long value) {}

        @Override
        public void addBoolean(boolean value) {}

        @Override
        public void addBinary(Binary value) {}

        @Override
        public void addFloat(float value) {}

        @Override
        public void addDouble(double value) {}
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
