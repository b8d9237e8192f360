package io.sluice.runtime.io;

import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends each group to the reducer a hash of its grouping bytes picks, so that a secondary sort never splits a group.
 * Equal grouping values have equal bytes, hence equal partitions, in every task. A key encoded with partition columns
 * of its own goes by the hash of their bytes instead ({@link KeyWritable#partitionBytes()}).
 */
public final class KeyHashPartitioner extends Partitioner<KeyWritable, Object> {
    @Override
    public int getPartition(KeyWritable key, Object value, int partitions) {
        return partition(key, partitions);
    }

    static int partition(KeyWritable key, int partitions) {
        return (WritableComparator.hashBytes(key.partitionBytes(), key.partitionLength()) & Integer.MAX_VALUE)
                % partitions;
    }
}
