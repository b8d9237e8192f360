package io.sluice.runtime.mr;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.FileSystemCounter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskCounter;

/** Reads a {@link JobProgress} from a submitted Hadoop job. */
final class HadoopProgress {
    private static final List<Enum<?>> KEPT = List.of(
            TaskCounter.MAP_INPUT_RECORDS,
            TaskCounter.MAP_OUTPUT_RECORDS,
            TaskCounter.MAP_OUTPUT_BYTES,
            TaskCounter.COMBINE_INPUT_RECORDS,
            TaskCounter.COMBINE_OUTPUT_RECORDS,
            TaskCounter.REDUCE_INPUT_GROUPS,
            TaskCounter.REDUCE_INPUT_RECORDS,
            TaskCounter.REDUCE_OUTPUT_RECORDS,
            TaskCounter.REDUCE_SHUFFLE_BYTES,
            TaskCounter.SPILLED_RECORDS,
            TaskCounter.CPU_MILLISECONDS,
            TaskCounter.GC_TIME_MILLIS,
            JobCounter.TOTAL_LAUNCHED_MAPS,
            JobCounter.TOTAL_LAUNCHED_REDUCES,
            JobCounter.NUM_FAILED_MAPS,
            JobCounter.NUM_FAILED_REDUCES);

    private HadoopProgress() {}

    static JobProgress of(Job job, int number, int jobs, boolean mapOnly, boolean complete)
            throws IOException, InterruptedException {
        Counters counters = job.getCounters();
        if (counters == null) { // the cluster no longer knows the job
            counters = new Counters();
        }
        long written = value(counters, mapOnly ? TaskCounter.MAP_OUTPUT_RECORDS : TaskCounter.REDUCE_OUTPUT_RECORDS);
        return new JobProgress(
                number,
                jobs,
                mapOnly,
                job.mapProgress(),
                mapOnly ? 0f : job.reduceProgress(),
                value(counters, TaskCounter.MAP_INPUT_RECORDS),
                written,
                counters.findCounter(BadRecords.COUNTER_GROUP, BadRecords.COUNTER)
                        .getValue(),
                kept(counters),
                complete);
    }

    private static Map<String, Long> kept(Counters counters) {
        Map<String, Long> kept = new TreeMap<>();
        for (Enum<?> counter : KEPT) {
            put(kept, counter.name(), value(counters, counter));
        }
        // Bytes read and written per file system scheme: FILE_BYTES_READ, HDFS_BYTES_WRITTEN, ...
        CounterGroup fileSystems = counters.getGroup(FileSystemCounter.class.getName());
        for (Counter counter : fileSystems) {
            if (counter.getName().endsWith("_BYTES_READ") || counter.getName().endsWith("_BYTES_WRITTEN")) {
                put(kept, counter.getName(), counter.getValue());
            }
        }
        return kept;
    }

    private static long value(Counters counters, Enum<?> counter) {
        return counters.findCounter(counter).getValue();
    }

    private static void put(Map<String, Long> kept, String name, long value) {
        if (value > 0) {
            kept.put(name, value);
        }
    }
}
