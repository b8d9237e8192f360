package io.sluice.runtime.mr;

import io.sluice.row.Row;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * The input of a shuffle join's mappers: {@link TaggedInputFormat}'s rows, each keyed by the join side its input
 * belongs to ({@link MapInput#INPUT} or {@link MapInput#OTHER}), so that {@link JoinMapper} knows which side a row is.
 */
public final class JoinInputFormat extends InputFormat<IntWritable, Row> {
    private final TaggedInputFormat inputs = new TaggedInputFormat();

    @Override
    public List<InputSplit> getSplits(JobContext context) throws IOException, InterruptedException {
        return inputs.getSplits(context);
    }

    @Override
    public RecordReader<IntWritable, Row> createRecordReader(InputSplit split, TaskAttemptContext context)
            throws IOException, InterruptedException {
        IntWritable side = new IntWritable(TaggedInputFormat.input(context.getConfiguration(), (TaggedSplit) split)
                .side());
        return new Reader(inputs.createRecordReader(split, context), side);
    }

    /** The tagged reader's rows with the side as key. */
    private static final class Reader extends RecordReader<IntWritable, Row> {
        private final RecordReader<NullWritable, Row> reader;
        private final IntWritable side;

        Reader(RecordReader<NullWritable, Row> reader, IntWritable side) {
            this.reader = reader;
            this.side = side;
        }

        @Override
        public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
            reader.initialize(split, context);
        }

        @Override
        public boolean nextKeyValue() throws IOException, InterruptedException {
            return reader.nextKeyValue();
        }

        @Override
        public IntWritable getCurrentKey() {
            return side;
        }

        @Override
        public Row getCurrentValue() throws IOException, InterruptedException {
            return reader.getCurrentValue();
        }

        @Override
        public float getProgress() throws IOException, InterruptedException {
            return reader.getProgress();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
