package io.sluice.runtime.io;

import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends each group to the reducer a hash of its grouping bytes picks, so that a secondary sort never splits a group.
 * Equal grouping values have equal bytes, hence equal partitions, in every task.
 */
public final class KeyHashPartitioner extends Partitioner<KeyWritable, Object> {
    @Override
    public int getPartition(KeyWritable key, Object value, int partitions) {
        return partition(key, partitions);
    }

    static int partition(KeyWritable key, int partitions) {
        return (WritableComparator.hashBytes(key.bytes(), key.groupLength()) & Integer.MAX_VALUE) % partitions;
    }
}
