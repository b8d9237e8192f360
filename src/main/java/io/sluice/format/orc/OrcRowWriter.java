package io.sluice.format.orc;

import io.sluice.format.ColumnValues;
import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DateColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

/**
 * Writes rows to a new ORC file through one reused batch of {@value #BATCH_SIZE} rows, handed to ORC whenever it is
 * full. Timestamps are written in UTC ({@code useUTCTimestamp}) and dates and timestamps in the proleptic Gregorian
 * calendar, which is {@link java.time}'s; stripe size and the other tunings follow ORC's own configuration keys
 * ({@code orc.stripe.size}...) and defaults.
 */
final class OrcRowWriter implements RowWriter {
    static final int BATCH_SIZE = 1024;

    private final Writer writer;
    private final VectorizedRowBatch batch;
    private final List<StructField> columns;
    private final VectorWriter[] writers;

    private OrcRowWriter(Writer writer, TypeDescription schema, StructType table) {
        this.writer = writer;
        this.batch = schema.createRowBatch(BATCH_SIZE);
        // reset() also gives byte vectors their buffers.
        batch.reset();
        for (ColumnVector column : batch.cols) {
            useProlepticCalendar(column);
        }
        this.columns = table.fields();
        this.writers = columns.stream().map(c -> VectorWriters.of(c.type())).toArray(VectorWriter[]::new);
    }

    static OrcRowWriter create(Configuration conf, Path file, StructType table, Compression compression)
            throws IOException {
        TypeDescription schema = HiveToOrc.schema(table);
        Writer writer = OrcFile.createWriter(
                file,
                OrcFile.writerOptions(conf)
                        .setSchema(schema)
                        .compress(kind(compression))
                        .useUTCTimestamp(true)
                        .setProlepticGregorian(true)
                        .overwrite(false));
        return new OrcRowWriter(writer, schema, table);
    }

    private static CompressionKind kind(Compression compression) {
        return switch (compression) {
            case NONE -> CompressionKind.NONE;
            case SNAPPY -> CompressionKind.SNAPPY;
            case ZSTD -> CompressionKind.ZSTD;
            case GZIP -> CompressionKind.ZLIB;
        };
    }

    /** Marks date and timestamp vectors as holding proleptic values, so that ORC does not shift them. */
    private static void useProlepticCalendar(ColumnVector vector) {
        if (vector instanceof DateColumnVector dates) {
            dates.setUsingProlepticCalendar(true);
        } else if (vector instanceof TimestampColumnVector timestamps) {
            timestamps.setUsingProlepticCalendar(true);
        } else if (vector instanceof ListColumnVector list) {
            useProlepticCalendar(list.child);
        } else if (vector instanceof MapColumnVector map) {
            useProlepticCalendar(map.keys);
            useProlepticCalendar(map.values);
        } else if (vector instanceof StructColumnVector struct) {
            for (ColumnVector field : struct.fields) {
                useProlepticCalendar(field);
            }
        }
    }

    @Override
    public void write(Row row) throws IOException {
        if (row.width() != writers.length) {
            throw new IllegalArgumentException(
                    "a row of " + row.width() + " values for " + writers.length + " columns");
        }
        int index = batch.size;
        for (int i = 0; i < writers.length; i++) {
            try {
                writers[i].write(batch.cols[i], index, row.get(i));
            } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
                throw ColumnValues.misfit(columns.get(i).name(), columns.get(i).type(), e);
            }
        }
        batch.size++;
        if (batch.size == BATCH_SIZE) {
            flush();
        }
    }

    private void flush() throws IOException {
        writer.addRowBatch(batch);
        batch.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            if (batch.size > 0) {
                flush();
            }
        } finally {
            writer.close();
        }
    }
}
