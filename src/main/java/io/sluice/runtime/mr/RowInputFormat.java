package io.sluice.runtime.mr;

import io.sluice.row.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/** Reads the files a job was planned over (one split per file) as rows, through Sluice's format readers. */
public final class RowInputFormat extends InputFormat<NullWritable, Row> {
    /** The files to read, as JSON ({@link InputFile}). */
    public static final String FILES = "sluice.input.files";

    @Override
    public List<InputSplit> getSplits(JobContext context) {
        List<InputSplit> splits = new ArrayList<>();
        for (InputFile file : InputFile.listFromJson(context.getConfiguration().get(FILES, "[]"))) {
            splits.add(new RowInputSplit(file));
        }
        return splits;
    }

    @Override
    public RecordReader<NullWritable, Row> createRecordReader(InputSplit split, TaskAttemptContext context) {
        return new RowRecordReader();
    }
}
