package io.sluice.format.parquet;

import io.sluice.format.ColumnValues;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of a flat schema (no struct, array or map column) straight to parquet-column's column writers, one per
 * column, instead of through the record consumer of {@link ParquetWriter}: for a flat record that consumer only
 * tracks which fields were written and writes nulls for the others, at a cost per field (a bit set, field starts and
 * ends) comparable to encoding the value. The file is the same: the same schema, encodings, pages, row groups and
 * footer metadata as {@link ParquetWriter} writes with the same {@link ParquetProperties}; nested schemas keep that
 * general path.
 *
 * <p>Row groups are cut as parquet-hadoop cuts them: when the buffered size reaches the row group size, checked every
 * few rows (between {@link ParquetProperties#getMinRowCountForPageSizeCheck()} and the maximum, halfway to the
 * expected end). The row group size is the writer's share of the memory all open writers share ({@link
 * RowGroupMemory}), at most {@code parquet.block.size}.
 */
final class FlatColumnsWriter implements RowWriter {
    private final ParquetFileWriter file;
    private final MessageType schema;
    private final StructType struct;
    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final RowGroupMemory memory;
    private final Map<String, String> metadata;
    private final ValueWriter[] values;
    private final ColumnTarget[] targets;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private ColumnWriter[] writers;
    private int rowGroupOrdinal;
    private long records;
    private long nextSizeCheck;
    private boolean failed;

    private FlatColumnsWriter(
            OutputFile out,
            StructType struct,
            Configuration conf,
            CompressionCodecName codec,
            ParquetProperties props,
            long rowGroupSize,
            long pool,
            Map<String, String> metadata)
            throws IOException {
        this.schema = HiveToParquet.messageType(struct);
        this.struct = struct;
        this.props = props;
        this.metadata = metadata;
        this.codecs = new CodecFactory(conf, props.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(codec);
        int width = struct.fields().size();
        this.targets = new ColumnTarget[width];
        this.values = new ValueWriter[width];
        for (int i = 0; i < width; i++) {
            targets[i] = new ColumnTarget();
            values[i] = ValueWriters.of(struct.fields().get(i).type(), targets[i]);
        }
        this.file = new ParquetFileWriter(
                out,
                schema,
                ParquetFileWriter.Mode.CREATE,
                rowGroupSize,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                null,
                props);
        file.start();
        this.memory = RowGroupMemory.register(pool, rowGroupSize);
        startRowGroup();
    }

    /** True when every column is of a primitive type (decimals, strings, dates... included). */
    static boolean handles(StructType struct) {
        return struct.fields().stream().map(StructField::type).noneMatch(ParquetRowWriter::nested);
    }

    /**
     * A writer of a new file at {@code out}, with row groups of at most {@code rowGroupSize} bytes and its share of
     * {@code pool} ({@link RowGroupMemory}); {@code metadata} goes to the footer.
     */
    static FlatColumnsWriter create(
            OutputFile out,
            StructType struct,
            Configuration conf,
            CompressionCodecName codec,
            ParquetProperties props,
            long rowGroupSize,
            long pool,
            Map<String, String> metadata)
            throws IOException {
        return new FlatColumnsWriter(out, struct, conf, codec, props, rowGroupSize, pool, metadata);
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder()
                .withSchema(schema)
                .withAllocator(props.getAllocator())
                .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(props.getPageWriteChecksumEnabled())
                .withRowGroupOrdinal(rowGroupOrdinal)
                .withCompressorProvider(column -> compressor)
                .build();
        columns = props.newColumnWriteStore(schema, pages, pages);
        List<ColumnDescriptor> descriptors = schema.getColumns();
        writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = columns.getColumnWriter(descriptors.get(i));
            targets[i].writer = writers[i];
        }
        records = 0;
        nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    }

    /**
     * Writes a row: a null as a null, any other value as its column's type says ({@link ValueWriters}).
     *
     * @throws IllegalArgumentException when the row's width or a value does not fit the schema, naming the column
     */
    @Override
    public void write(Row row) throws IOException {
        if (row.width() != writers.length) {
            throw new IllegalArgumentException(
                    "a row of " + row.width() + " values for " + writers.length + " columns: " + struct);
        }
        failed = true; // a value that does not fit leaves the row half written: the file cannot be finished
        for (int i = 0; i < writers.length; i++) {
            Object value = row.get(i);
            if (value == null) {
                writers[i].writeNull(0, 0);
            } else {
                try {
                    values[i].write(value);
                } catch (ClassCastException | ArithmeticException e) {
                    throw ColumnValues.misfit(
                            struct.fields().get(i).name(),
                            struct.fields().get(i).type(),
                            e);
                }
            }
        }
        failed = false;
        columns.endRecord();
        records++;
        if (records >= nextSizeCheck) {
            checkRowGroupSize();
        }
    }

    /** As parquet-hadoop decides: flush within about two rows of the limit, else check again halfway there. */
    private void checkRowGroupSize() throws IOException {
        long rowGroupSize = memory.rowGroupBytes();
        long buffered = columns.getBufferedSize();
        long rowSize = Math.max(1, buffered / records);
        if (buffered > rowGroupSize - 2 * rowSize || records >= props.getRowGroupRowCountLimit()) {
            flushRowGroup();
            startRowGroup();
            return;
        }
        long halfway = (records + rowGroupSize / rowSize) / 2;
        nextSizeCheck = Math.min(
                Math.max(props.getMinRowCountForPageSizeCheck(), halfway),
                records + props.getMaxRowCountForPageSizeCheck());
    }

    private void flushRowGroup() throws IOException {
        try {
            if (records > 0) {
                rowGroupOrdinal++;
                file.startBlock(records);
                columns.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            columns.close();
            pages.close();
        }
    }

    @Override
    public void close() throws IOException {
        memory.release();
        try {
            if (failed) {
                file.abort();
                columns.close();
                pages.close();
                return;
            }
            flushRowGroup();
            file.end(metadata);
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        } finally {
            codecs.release();
        }
    }

    /** Adds a value of the root's fields to one column writer: repetition level 0, definition level 1 (present). */
    private static final class ColumnTarget extends RecordConsumer {
        ColumnWriter writer;

        @Override
        public void startMessage() {
            throw new IllegalStateException("a flat column has no records of its own");
        }

        @Override
        public void endMessage() {
            throw new IllegalStateException("a flat column has no records of its own");
        }

        @Override
        public void startField(String field, int index) {
            throw new IllegalStateException("a flat column has no fields");
        }

        @Override
        public void endField(String field, int index) {
            throw new IllegalStateException("a flat column has no fields");
        }

        @Override
        public void startGroup() {
            throw new IllegalStateException("a flat column has no groups");
        }

        @Override
        public void endGroup() {
            throw new IllegalStateException("a flat column has no groups");
        }

        @Override
        public void addInteger(int value) {
            writer.write(value, 0, 1);
        }

        @Override
        public void addLong(long value) {
            writer.write(value, 0, 1);
        }

        @Override
        public void addBoolean(boolean value) {
            writer.write(value, 0, 1);
        }

        @Override
        public void addBinary(Binary value) {
            writer.write(value, 0, 1);
        }

        @Override
        public void addFloat(float value) {
            writer.write(value, 0, 1);
        }

        @Override
        public void addDouble(double value) {
            writer.write(value, 0, 1);
        }
    }
}
