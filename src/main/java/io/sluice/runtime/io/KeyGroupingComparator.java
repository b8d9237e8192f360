package io.sluice.runtime.io;

import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/**
 * Groups serialized {@link KeyWritable}s by their grouping part only, so that one reduce call sees every row of a
 * group, in the order the rest of the key gives them (secondary sort). Compares bytes; never deserializes.
 */
public final class KeyGroupingComparator extends WritableComparator {
    public KeyGroupingComparator() {
        super(KeyWritable.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
        int h1 = KeyWritable.headerSize(b1, s1);
        int h2 = KeyWritable.headerSize(b2, s2);
        return compareBytes(b1, s1 + h1, KeyWritable.groupLength(b1, s1), b2, s2 + h2, KeyWritable.groupLength(b2, s2));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public int compare(WritableComparable a, WritableComparable b) {
        return ((KeyWritable) a).compareGroup((KeyWritable) b);
    }
}
