package io.sluice.runtime.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/**
 * A split of one input file: the byte range {@code [start, start + length)} of the file (with its storage and partition
 * values); the reader reads the records that start in it.
 */
public final class RowInputSplit extends InputSplit implements Writable {
    private InputFile file;
    private long start;
    private long length;

    /** For Hadoop, which fills the split with {@link #readFields}. */
    public RowInputSplit() {}

    RowInputSplit(InputFile file) {
        this(file, 0, file.length());
    }

    RowInputSplit(InputFile file, long start, long length) {
        this.file = file;
        this.start = start;
        this.length = length;
    }

    InputFile file() {
        return file;
    }

    long start() {
        return start;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public String[] getLocations() {
        return new String[0];
    }

    @Override
    public void write(DataOutput out) throws IOException {
        Text.writeString(out, file.toJson());
        out.writeLong(start);
        out.writeLong(length);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        file = InputFile.fromJson(Text.readString(in));
        start = in.readLong();
        length = in.readLong();
    }

    @Override
    public String toString() {
        return start == 0 && length == file.length() ? file.path() : file.path() + ":" + start + "+" + length;
    }
}
