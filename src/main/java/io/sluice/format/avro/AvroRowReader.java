package io.sluice.format.avro;

import io.sluice.format.RowReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads the blocks of one split of an Avro data file: from the first sync marker after the split's start to the
 * first one past its end, as Avro's own input format does, so that every block is read by exactly one split. Record
 * numbers in bad-record errors count from the file's first record, 1-based.
 */
final class AvroRowReader implements RowReader {
    private final Configuration conf;
    private final Path path;
    private final DataFileReader<Object> reader;
    private final long end;
    private final long headerEnd;
    private final long firstBlock;
    private final int width;
    private final int[] positions;
    private final AvroConverter[] converters;
    private final String[] columns;
    private Object datum;
    private long recordsRead;
    private long recordsBeforeSplit = -1;

    private AvroRowReader(
            Configuration conf,
            Path path,
            DataFileReader<Object> reader,
            OrderedDatumReader datumReader,
            StructType table,
            long fileLength,
            long start,
            long length)
            throws IOException {
        this.conf = conf;
        this.path = path;
        this.reader = reader;
        // A split reaching past the file ends with it: pastSync adds to the end, which must not overflow.
        this.end = Math.min(start + Math.min(length, fileLength), fileLength);
        this.headerEnd = reader.previousSync();
        AvroProjection projection = AvroProjection.of(reader.getSchema(), table, path.toString());
        datumReader.setExpected(projection.readerSchema());
        this.width = table.fields().size();
        this.positions = projection.positions();
        this.converters = projection.converters();
        this.columns = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            columns[i] = table.fields().get(positions[i]).name();
        }
        reader.sync(start);
        this.firstBlock = reader.previousSync();
    }

    static AvroRowReader open(Configuration conf, Path path, long start, long length, StructType table)
            throws IOException {
        OrderedDatumReader datumReader = new OrderedDatumReader();
        HadoopSeekableInput input = new HadoopSeekableInput(conf, path);
        DataFileReader<Object> reader;
        try {
            reader = new DataFileReader<>(input, datumReader);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
        try {
            return new AvroRowReader(conf, path, reader, datumReader, table, input.length(), start, length);
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
        try {
            if (!reader.hasNext() || reader.pastSync(end)) {
                return false;
            }
            datum = reader.next(datum);
        } catch (AvroRuntimeException e) {
            // A block that does not decode: nothing after it in the split can be trusted.
            throw new IOException(
                    path + ": cannot read record " + (recordsRead + 1) + " of the split: " + e.getMessage(), e);
        }
        recordsRead++;
        row.clear();
        IndexedRecord record = (IndexedRecord) datum;
        for (int i = 0; i < converters.length; i++) {
            try {
                row.set(positions[i], converters[i].convert(record.get(i)));
            } catch (RuntimeException e) {
                throw new BadRecordException(
                        path.toString(),
                        OptionalLong.of(recordNumber()),
                        Optional.of(columns[i]),
                        Optional.empty(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return true;
    }

    private long recordNumber() throws IOException {
        if (recordsBeforeSplit < 0) {
            recordsBeforeSplit = RecordCounter.recordsBetween(conf, path, headerEnd, firstBlock);
        }
        return recordsBeforeSplit + recordsRead;
    }

    /** The share of the split's bytes up to the last block start read. */
    @Override
    public float progress() {
        long length = end - firstBlock;
        return length <= 0 ? 1 : Math.min(1, Math.max(0, (reader.previousSync() - firstBlock) / (float) length));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
