package io.sluice.format.parquet;

import io.sluice.format.ColumnValues;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of a flat schema (no struct, array or map column) as Parquet column chunks encoded by Sluice ({@link
 * ColumnChunkWriter}): each column keeps the values of its open page in primitive arrays and encodes the page at once
 * in tight loops, instead of parquet-column's column writers, which encode, count statistics and check sizes value by
 * value through several layers, and of the record consumer of {@link ParquetWriter}, which tracks the fields of every
 * record. The file is what {@link ParquetWriter} writes with the same {@link ParquetProperties}: the same schema,
 * encodings, statistics, column and offset indexes and footer metadata; nested schemas keep that general path.
 *
 * <p>Row groups are cut as parquet-hadoop cuts them: when the buffered size reaches the row group size, checked every
 * few rows (between {@link ParquetProperties#getMinRowCountForPageSizeCheck()} and the maximum, halfway to the
 * expected end). The row group size is the writer's share of the memory all open writers share ({@link
 * RowGroupMemory}), at most {@code parquet.block.size}.
 */
final class FlatColumnsWriter implements RowWriter {
    private final ParquetFileWriter file;
    private final StructType struct;
    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final RowGroupMemory memory;
    private final Map<String, String> metadata;
    private final ValueWriter[] values;
    private final ColumnChunkWriter[] columns;
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
        MessageType schema = HiveToParquet.messageType(struct);
        this.struct = struct;
        this.props = props;
        this.metadata = metadata;
        this.codecs = new CodecFactory(conf, props.getPageSizeThreshold());
        ColumnChunkWriter.Settings settings = new ColumnChunkWriter.Settings(
                props.getPageRowCountLimit(),
                props.getPageSizeThreshold(),
                props.getDictionaryPageSizeThreshold(),
                PageCompressor.of(codec, codecs),
                codec,
                new PageBytes(64 * 1024));
        List<ColumnDescriptor> descriptors = schema.getColumns();
        int width = struct.fields().size();
        this.columns = new ColumnChunkWriter[width];
        this.values = new ValueWriter[width];
        for (int i = 0; i < width; i++) {
            ColumnDescriptor descriptor = descriptors.get(i);
            boolean dictionary = props.isDictionaryEnabled(descriptor);
            DataType type = struct.fields().get(i).type();
            if (BinaryChunkWriter.handles(descriptor)) {
                BinaryChunkWriter column = new BinaryChunkWriter(descriptor, settings, dictionary);
                columns[i] = column;
                values[i] = text(type) ? new StringValues(column) : ValueWriters.of(type, column);
            } else {
                columns[i] = new FixedWidthChunkWriter(descriptor, settings, dictionary);
                values[i] = ValueWriters.of(type, columns[i]);
            }
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
        nextSizeCheck = props.getMinRowCountForPageSizeCheck();
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

    private static boolean text(DataType type) {
        return type == PrimitiveType.STRING || type instanceof VarcharType || type instanceof CharType;
    }

    /**
     * Writes a row: a null as a null, any other value as its column's type says ({@link ValueWriters}).
     *
     * @throws IllegalArgumentException when the row's width or a value does not fit the schema, naming the column
     */
    @Override
    public void write(Row row) throws IOException {
        if (row.width() != columns.length) {
            throw new IllegalArgumentException(
                    "a row of " + row.width() + " values for " + columns.length + " columns: " + struct);
        }
        failed = true; // a value that does not fit leaves the row half written: the file cannot be finished
        for (int i = 0; i < columns.length; i++) {
            if (row.isNull(i)) {
                columns[i].writeNull();
            } else {
                try {
                    values[i].write(row, i);
                } catch (ClassCastException | ArithmeticException e) {
                    throw ColumnValues.misfit(
                            struct.fields().get(i).name(),
                            struct.fields().get(i).type(),
                            e);
                }
            }
        }
        failed = false;
        records++;
        if (records >= nextSizeCheck) {
            checkRowGroupSize();
        }
    }

    private long bufferedSize() {
        long size = 0;
        for (ColumnChunkWriter column : columns) {
            size += column.bufferedSize();
        }
        return size;
    }

    /** As parquet-hadoop decides: flush within about two rows of the limit, else check again halfway there. */
    private void checkRowGroupSize() throws IOException {
        long rowGroupSize = memory.rowGroupBytes();
        long buffered = bufferedSize();
        long rowSize = Math.max(1, buffered / records);
        if (buffered > rowGroupSize - 2 * rowSize || records >= props.getRowGroupRowCountLimit()) {
            flushRowGroup();
            return;
        }
        long halfway = (records + rowGroupSize / rowSize) / 2;
        nextSizeCheck = Math.min(
                Math.max(props.getMinRowCountForPageSizeCheck(), halfway),
                records + props.getMaxRowCountForPageSizeCheck());
    }

    private void flushRowGroup() throws IOException {
        if (records > 0) {
            file.startBlock(records);
            for (ColumnChunkWriter column : columns) {
                column.flushTo(file);
            }
            file.endBlock();
        }
        records = 0;
        nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    }

    @Override
    public void close() throws IOException {
        memory.release();
        try {
            if (failed) {
                file.abort();
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

    /** Strings straight to their column, which encodes them (or finds them in its dictionary) itself. */
    private static final class StringValues extends ValueWriter {
        private final BinaryChunkWriter column;

        StringValues(BinaryChunkWriter column) {
            this.column = column;
        }

        @Override
        void write(Object value) {
            column.addString((String) value);
        }
    }
}
