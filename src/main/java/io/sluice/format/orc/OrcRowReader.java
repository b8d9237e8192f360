package io.sluice.format.orc;

import io.sluice.format.RowReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;

/**
 * Reads the stripes of one split of an ORC file (those that start in it, as ORC's own input format decides) a batch
 * at a time, converting each row of the batch to a {@link Row}. Timestamps are read as UTC wall-clock time and dates
 * in the proleptic Gregorian calendar of {@link java.time}, whatever calendar the file was written in. Record numbers
 * in bad-record errors count from the file's first row, 1-based.
 */
final class OrcRowReader implements RowReader {
    private final String file;
    private final Reader reader;
    private final RecordReader rows;
    private final VectorizedRowBatch batch;
    private final int[] positions;
    private final VectorReader[] readers;
    private final String[] columns;
    private final int width;
    private long batchFirstRow;
    private int nextInBatch;

    private OrcRowReader(
            String file, Reader reader, OrcProjection projection, StructType table, long start, long length)
            throws IOException {
        this.file = file;
        this.reader = reader;
        this.positions = projection.positions();
        this.readers = projection.readers();
        this.columns = columnNames(positions, table);
        this.width = table.fields().size();
        // ORC adds the length to the start: keep the sum from overflowing.
        long range = Math.min(length, Long.MAX_VALUE - start);
        this.rows = reader.rows(reader.options().range(start, range).schema(projection.readSchema()));
        this.batch = projection.readSchema().createRowBatch();
    }

    static OrcRowReader open(Configuration conf, Path path, long start, long length, StructType table)
            throws IOException {
        Reader reader = OrcFile.createReader(
                path, OrcFile.readerOptions(conf).useUTCTimestamp(true).convertToProlepticGregorian(true));
        try {
            OrcProjection projection = OrcProjection.of(reader.getSchema(), table, path.toString());
            return new OrcRowReader(path.toString(), reader, projection, table, start, length);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        if (row.width() != width) {
            throw new IllegalArgumentException("row of width " + row.width() + " for a schema of " + width);
        }
        while (nextInBatch >= batch.size) {
            batchFirstRow = rows.getRowNumber();
            nextInBatch = 0;
            if (!rows.nextBatch(batch)) {
                return false;
            }
        }
        int index = nextInBatch++;
        row.clear();
        for (int i = 0; i < readers.length; i++) {
            try {
                row.set(positions[i], readers[i].read(batch.cols[i], index));
            } catch (RuntimeException e) {
                throw new BadRecordException(
                        file,
                        OptionalLong.of(batchFirstRow + index + 1),
                        Optional.of(columns[i]),
                        Optional.empty(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return true;
    }

    /** ORC's own measure of the split's rows read. */
    @Override
    public float progress() {
        try {
            return Math.min(1, Math.max(0, rows.getProgress()));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            reader.close();
        }
    }

    /** The table's name of each read column, for errors. */
    private static String[] columnNames(int[] positions, StructType table) {
        String[] names = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            names[i] = table.fields().get(positions[i]).name();
        }
        return names;
    }
}
