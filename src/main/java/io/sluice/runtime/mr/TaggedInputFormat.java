package io.sluice.runtime.mr;

import io.sluice.row.Row;
import io.sluice.runtime.stage.RowWidening;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;

/**
 * Reads a job's {@link MapInput}s ({@value MapInput#INPUTS}) as rows: source files through {@link RowInputFormat},
 * intermediate rows through {@link IntermediateInputFormat}, each split tagged with its input ({@link TaggedSplit}).
 * Rows of an input whose schema is not the one mappers see (an input of a union) are widened to it on the way.
 */
public final class TaggedInputFormat extends InputFormat<NullWritable, Row> {

    @Override
    public List<InputSplit> getSplits(JobContext context) throws IOException, InterruptedException {
        Configuration conf = context.getConfiguration();
        List<MapInput> inputs = MapInput.get(conf, MapInput.INPUTS);
        List<InputSplit> splits = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MapInput input = inputs.get(i);
            Configuration own = new Configuration(conf);
            if (input.intermediate()) {
                own.set(FileInputFormat.INPUT_DIR, input.folder());
            } else {
                own.set(RowInputFormat.FILES, InputFile.toJson(input.files()));
            }
            for (InputSplit split : format(input).getSplits(new JobContextImpl(own, context.getJobID()))) {
                splits.add(new TaggedSplit(i, split));
            }
        }
        return splits;
    }

    @Override
    public RecordReader<NullWritable, Row> createRecordReader(InputSplit split, TaskAttemptContext context)
            throws IOException, InterruptedException {
        TaggedSplit tagged = (TaggedSplit) split;
        MapInput input = input(context.getConfiguration(), tagged);
        return new Reader(format(input).createRecordReader(tagged.split(), context), input);
    }

    static MapInput input(Configuration conf, TaggedSplit split) {
        return MapInput.get(conf, MapInput.INPUTS).get(split.input());
    }

    private static InputFormat<NullWritable, Row> format(MapInput input) {
        return input.intermediate() ? new IntermediateInputFormat() : new RowInputFormat();
    }

    /** Reads the tagged split through its input's reader, widening rows to the input's target schema. */
    private static final class Reader extends RecordReader<NullWritable, Row> implements DirectInput.Rows {
        private final RecordReader<NullWritable, Row> reader;
        /** The reader, when it reads source files: it may pause ({@link RowRecordReader#nextUntilPause}). */
        private final RowRecordReader files;

        private final RowWidening widening;
        private Row row;
        private boolean ended;

        Reader(RecordReader<NullWritable, Row> reader, MapInput input) {
            this.reader = reader;
            this.files = reader instanceof RowRecordReader rows ? rows : null;
            this.widening = RowWidening.of(input.readSchema(), input.targetSchema());
        }

        @Override
        public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
            // Before the mapper runs: a file that cannot be opened fails the task here.
            TaskFailures.run(context, () -> reader.initialize(((TaggedSplit) split).split(), context));
            DirectInput.register(split, this);
        }

        @Override
        public boolean nextKeyValue() throws IOException, InterruptedException {
            if (ended || !reader.nextKeyValue()) {
                ended = true; // its reader is not asked again once it said it ended
                return false;
            }
            row = widening.apply(reader.getCurrentValue());
            return true;
        }

        @Override
        public boolean nextUntilPause() throws IOException, InterruptedException {
            if (files == null) {
                return nextKeyValue(); // intermediate rows: no pauses
            }
            if (!files.nextUntilPause()) {
                return false;
            }
            row = widening.apply(reader.getCurrentValue());
            return true;
        }

        @Override
        public boolean next() throws IOException, InterruptedException {
            return nextKeyValue();
        }

        @Override
        public Row current() {
            return row;
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
        public float getProgress() throws IOException, InterruptedException {
            return reader.getProgress();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
