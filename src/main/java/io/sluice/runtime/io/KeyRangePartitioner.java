package io.sluice.runtime.io;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends keys to reducers by ranges of their grouping bytes (or of their partition columns' bytes, {@link
 * KeyWritable#partitionBytes()}), for a total order across the reducers' outputs: with split
 * points {@code s0 < s1 < ...} (encoded grouping keys, see {@link KeySampler}), reducer 0 gets keys below {@code s0},
 * reducer {@code i} those from {@code s(i-1)} up to below {@code si}. The split points come from the job's
 * configuration ({@link ShuffleConf#setSplitPoints}); there may be fewer than reducers less one (the last reducers then
 * get nothing), never more.
 */
public final class KeyRangePartitioner extends Partitioner<KeyWritable, Object> implements Configurable {
    private Configuration conf;
    private byte[][] splitPoints = new byte[0][];

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
        List<byte[]> points = ShuffleConf.splitPoints(conf);
        this.splitPoints = points.toArray(new byte[0][]);
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    @Override
    public int getPartition(KeyWritable key, Object value, int partitions) {
        if (splitPoints.length >= partitions) {
            throw new IllegalStateException(splitPoints.length + " split points need at least "
                    + (splitPoints.length + 1) + " reducers, the job has " + partitions);
        }
        return partition(splitPoints, key.partitionBytes(), key.partitionLength());
    }

    /**
     * The number of split points at or below the key: a binary search over the sorted points. The bytes are compared
     * by {@link Arrays#compareUnsigned} (the JDK's vectorized mismatch), which takes the same branches whichever byte
     * differs; Hadoop's comparison, eight bytes at a time, took a branch first when a key shared its first eight bytes
     * with a split point, in the second wave of a job's map tasks, and C2 then threw away the compiled row path it was
     * inlined into.
     */
    static int partition(byte[][] splitPoints, byte[] key, int length) {
        int low = 0;
        int high = splitPoints.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            byte[] point = splitPoints[middle];
            if (Arrays.compareUnsigned(point, 0, point.length, key, 0, length) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
