package io.sluice.runtime.io;

import io.sluice.row.Row;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * A row in {@link RowCodec}'s bytes, as the value of the shuffle (and of combiner output). The bytes carry no schema:
 * map and reduce tasks build the codec from the job's configuration ({@link ShuffleConf#valueCodec}). On the wire: a
 * Hadoop vint byte count, then the bytes. Instances are reused: Hadoop refills the same one for every value.
 */
public final class RowWritable implements org.apache.hadoop.io.Writable {
    private final BinaryOutput bytes = new BinaryOutput(256);
    private final BinaryInput input = new BinaryInput();

    /** Replaces the content with the encoding of {@code row}. */
    public RowWritable encode(RowCodec codec, Row row) {
        bytes.reset();
        codec.encode(row, bytes);
        return this;
    }

    /** Decodes the content into {@code target}, which it returns. */
    public Row decode(RowCodec codec, Row target) {
        return codec.decode(input.reset(bytes.buffer(), 0, bytes.length()), target);
    }

    /** Replaces the content with a copy of already encoded bytes. */
    public RowWritable set(byte[] encoded, int offset, int length) {
        bytes.reset();
        bytes.writeBytes(encoded, offset, length);
        return this;
    }

    /** The encoded row is {@code bytes()[0, length())}. */
    public byte[] bytes() {
        return bytes.buffer();
    }

    public int length() {
        return bytes.length();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        WritableUtils.writeVInt(out, bytes.length());
        out.write(bytes.buffer(), 0, bytes.length());
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        bytes.reset();
        bytes.ensure(length);
        in.readFully(bytes.buffer(), 0, length);
        bytes.skip(length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowWritable row
                && WritableComparator.compareBytes(bytes(), 0, length(), row.bytes(), 0, row.length()) == 0;
    }

    @Override
    public int hashCode() {
        return WritableComparator.hashBytes(bytes(), length());
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes(), 0, length());
    }
}
