package io.sluice.runtime.mr;

import io.sluice.row.Row;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads the rows {@link IntermediateOutputFormat} wrote, split as SequenceFiles split (a split reads the records
 * after the first sync mark at or past its start, up to the first sync mark past its end), each file decoded with the
 * schema in its own metadata. Files named {@code _*} and {@code .*} ({@code _SUCCESS}, {@code _errors/}) are skipped.
 */
public final class IntermediateInputFormat extends FileInputFormat<NullWritable, Row> {

    @Override
    public RecordReader<NullWritable, Row> createRecordReader(InputSplit split, TaskAttemptContext context) {
        return new Reader();
    }

    @Override
    protected long getFormatMinSplitSize() {
        return SequenceFile.SYNC_INTERVAL;
    }

    /** One split of one file. */
    private static final class Reader extends RecordReader<NullWritable, Row> {
        private SequenceFile.Reader in;
        private RowCodec codec;
        private final RowWritable value = new RowWritable();
        private Row row;
        private long start;
        private long end;
        private boolean more = true;

        @Override
        public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
            FileSplit file = (FileSplit) split;
            Path path = file.getPath();
            in = new SequenceFile.Reader(context.getConfiguration(), SequenceFile.Reader.file(path));
            Text schema = in.getMetadata().get(IntermediateOutputFormat.SCHEMA_METADATA);
            if (schema == null) {
                throw new IOException(path + " is not a file of Sluice's intermediate rows: it has no schema");
            }
            codec = RowCodec.of((StructType) DataType.parse(schema.toString()));
            row = new Row(codec.schema().fields().size());
            start = file.getStart();
            end = start + file.getLength();
            if (start > in.getPosition()) {
                in.sync(start);
            }
            start = in.getPosition();
            more = start < end;
        }

        @Override
        public boolean nextKeyValue() throws IOException {
            if (!more) {
                return false;
            }
            long position = in.getPosition();
            boolean read = in.next(NullWritable.get(), value);
            if (!read || (position >= end && in.syncSeen())) {
                more = false;
                return false;
            }
            value.decode(codec, row);
            return true;
        }

        @Override
        public NullWritable getCurrentKey() {
            return NullWritable.get();
        }

        @Override
        public Row getCurrentValue() {
            return row;
        }

        @Override
        public float getProgress() throws IOException {
            return end == start ? 1 : Math.min(1, (in.getPosition() - start) / (float) (end - start));
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
