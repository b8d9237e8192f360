package io.sluice.runtime.io;

import io.sluice.row.Row;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * A shuffle key in {@link KeyCodec}'s bytes: the grouping columns' bytes first, then those of the columns that only
 * order the rows of a group (secondary sort), if any. It remembers where the grouping part ends, so that {@link
 * KeyGroupingComparator} and {@link KeyHashPartitioner} look at that part only.
 *
 * <p>On the wire: a Hadoop vint of the key's byte count, a vint of the grouping part's byte count, then the key bytes.
 * {@link Comparator}, registered with Hadoop for this class, compares the key bytes as unsigned bytes without
 * deserializing. {@link #hashCode()} hashes the grouping part, so even Hadoop's default hash partitioner keeps a group
 * together. Instances are reused: Hadoop refills the same one for every key.
 *
 * <p>The partitioners read the {@linkplain #partitionBytes() partition part}: the grouping part, or the bytes of other
 * columns when the shuffle partitions by columns it does not sort by ({@link #encode(KeyCodec, KeyCodec, Row)}). That
 * part only serves the map side, where the partitioner runs; it is not written, and a key read back partitions by its
 * grouping part.
 */
public final class KeyWritable implements WritableComparable<KeyWritable> {
    static {
        WritableComparator.define(KeyWritable.class, new Comparator());
    }

    private final BinaryOutput bytes = new BinaryOutput(64);
    private final BinaryOutput partition = new BinaryOutput(16);
    private int groupLength;
    private boolean partitionApart;

    /** Replaces the content with the key of {@code row}. */
    public KeyWritable encode(KeyCodec codec, Row row) {
        bytes.reset();
        groupLength = codec.encode(row, bytes);
        partitionApart = false;
        return this;
    }

    /**
     * Replaces the content with the key of {@code row}, to be partitioned by the key of {@code partitionCodec} (all of
     * whose columns group) rather than by its grouping part.
     */
    public KeyWritable encode(KeyCodec codec, KeyCodec partitionCodec, Row row) {
        encode(codec, row);
        partition.reset();
        partitionCodec.encode(row, partition);
        partitionApart = true;
        return this;
    }

    /** Replaces the content with a copy of an encoded key whose first {@code groupLength} bytes group. */
    public KeyWritable set(byte[] key, int offset, int length, int groupLength) {
        if (groupLength < 0 || groupLength > length) {
            throw new IllegalArgumentException("grouping part of " + groupLength + " bytes in a key of " + length);
        }
        bytes.reset();
        bytes.writeBytes(key, offset, length);
        this.groupLength = groupLength;
        partitionApart = false;
        return this;
    }

    /** Decodes the grouping columns into {@code target} (as wide as {@link KeyCodec#groupingColumns()}). */
    public Row decodeGroup(KeyCodec codec, Row target) {
        return codec.decode(bytes.buffer(), 0, groupLength, target);
    }

    /** Decodes the first {@code target.width()} columns into {@code target}. */
    public Row decode(KeyCodec codec, Row target) {
        return codec.decode(bytes.buffer(), 0, bytes.length(), target);
    }

    /** The key is {@code bytes()[0, length())}. */
    public byte[] bytes() {
        return bytes.buffer();
    }

    public int length() {
        return bytes.length();
    }

    /** The byte length of the grouping part, which starts the key. */
    public int groupLength() {
        return groupLength;
    }

    /** The bytes the partitioners look at are {@code partitionBytes()[0, partitionLength())}. */
    public byte[] partitionBytes() {
        return partitionApart ? partition.buffer() : bytes.buffer();
    }

    /** The byte length of the partition part: the grouping part's, unless the key was encoded with partition columns. */
    public int partitionLength() {
        return partitionApart ? partition.length() : groupLength;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        WritableUtils.writeVInt(out, bytes.length());
        WritableUtils.writeVInt(out, groupLength);
        out.write(bytes.buffer(), 0, bytes.length());
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        groupLength = WritableUtils.readVInt(in);
        bytes.reset();
        bytes.ensure(length);
        in.readFully(bytes.buffer(), 0, length);
        bytes.skip(length);
        partitionApart = false;
    }

    @Override
    public int compareTo(KeyWritable other) {
        return WritableComparator.compareBytes(bytes(), 0, length(), other.bytes(), 0, other.length());
    }

    /** Compares the grouping parts only. */
    public int compareGroup(KeyWritable other) {
        return WritableComparator.compareBytes(bytes(), 0, groupLength, other.bytes(), 0, other.groupLength);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyWritable key && compareTo(key) == 0;
    }

    @Override
    public int hashCode() {
        return WritableComparator.hashBytes(bytes(), groupLength);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(bytes(), 0, length());
        return hex.substring(0, 2 * groupLength) + "|" + hex.substring(2 * groupLength);
    }

    /** The bytes of a serialized key's header: its two vint lengths, after which its bytes compare. */
    public static int headerSize(byte[] serialized, int start) {
        int first = WritableUtils.decodeVIntSize(serialized[start]);
        return first + WritableUtils.decodeVIntSize(serialized[start + first]);
    }

    /** The grouping part's length of a serialized key. */
    static int groupLength(byte[] serialized, int start) {
        try {
            return WritableComparator.readVInt(serialized, start + WritableUtils.decodeVIntSize(serialized[start]));
        } catch (IOException e) {
            throw new IllegalStateException("malformed shuffle key", e);
        }
    }

    /** Orders serialized keys by their key bytes, unsigned, without deserializing them. */
    public static final class Comparator extends WritableComparator {
        public Comparator() {
            super(KeyWritable.class);
        }

        @Override
        public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
            int h1 = headerSize(b1, s1);
            int h2 = headerSize(b2, s2);
            return compareBytes(b1, s1 + h1, l1 - h1, b2, s2 + h2, l2 - h2);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public int compare(WritableComparable a, WritableComparable b) {
            return ((KeyWritable) a).compareTo((KeyWritable) b);
        }
    }
}
