package io.sluice.runtime.mr;

import io.sluice.format.BuiltinFormats;
import io.sluice.format.ReadSpec;
import io.sluice.row.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Reads the files a job was planned over as rows, through Sluice's format readers. A file its format can split
 * (uncompressed line-based text, Parquet, ORC, Avro) is cut into byte ranges so that every map slot has work: the
 * split size is the input size over the slots, kept between {@value #DEFAULT_MIN_SPLIT} and {@value
 * #DEFAULT_MAX_SPLIT} bytes (a map task's output then fits its sort buffer) unless {@link #MIN_SPLIT} / {@link
 * #MAX_SPLIT} say otherwise. Other files are one split each.
 */
public final class RowInputFormat extends InputFormat<NullWritable, Row> {
    /** The files to read, as JSON ({@link InputFile}). */
    public static final String FILES = "sluice.input.files";

    public static final String MIN_SPLIT = "sluice.split.min-bytes";
    public static final String MAX_SPLIT = "sluice.split.max-bytes";
    static final long DEFAULT_MIN_SPLIT = 16L << 20;
    static final long DEFAULT_MAX_SPLIT = 128L << 20;
    /**
     * The largest split of a job whose map tasks sort little: map-only jobs, and jobs whose mappers pre-aggregate. Its
     * tasks need no sort buffer for their input, so one split per slot reads it with the fewest task starts (and the
     * fewest times compiled code meets the end of a split before other tasks run it).
     */
    public static final long UNSORTED_MAX_SPLIT = 1L << 30;

    @Override
    public List<InputSplit> getSplits(JobContext context) throws IOException {
        Configuration conf = context.getConfiguration();
        List<InputFile> files = InputFile.listFromJson(conf.get(FILES, "[]"));
        long total = 0;
        for (InputFile file : files) {
            total += file.length();
        }
        long size = splitSize(conf, total);
        List<InputSplit> splits = new ArrayList<>();
        for (InputFile file : files) {
            long length = file.length();
            if (length <= size + size / 10 || !splittable(conf, file)) {
                splits.add(new RowInputSplit(file));
                continue;
            }
            long parts = (length + size - 1) / size;
            long part = (length + parts - 1) / parts;
            for (long start = 0; start < length; start += part) {
                splits.add(new RowInputSplit(file, start, Math.min(part, length - start)));
            }
        }
        return splits;
    }

    /** The input size over the map slots, within the configured bounds. */
    static long splitSize(Configuration conf, long totalBytes) {
        int slots = Math.max(
                1,
                conf.getInt(
                        "mapreduce.local.map.tasks.maximum",
                        Runtime.getRuntime().availableProcessors()));
        long min = conf.getLong(MIN_SPLIT, DEFAULT_MIN_SPLIT);
        long max = Math.max(min, conf.getLong(MAX_SPLIT, DEFAULT_MAX_SPLIT));
        return Math.max(min, Math.min(max, (totalBytes + slots - 1) / slots));
    }

    private static boolean splittable(Configuration conf, InputFile file) throws IOException {
        ReadSpec spec = file.readSpec();
        return BuiltinFormats.formats().forSpec(spec).splittable(conf, new Path(file.path()), spec);
    }

    @Override
    public RecordReader<NullWritable, Row> createRecordReader(InputSplit split, TaskAttemptContext context) {
        return new RowRecordReader();
    }
}
