package io.sluice.runtime.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/** A split of one input file: the file with its storage and partition values. */
public final class RowInputSplit extends InputSplit implements Writable {
    private InputFile file;

    /** For Hadoop, which fills the split with {@link #readFields}. */
    public RowInputSplit() {}

    RowInputSplit(InputFile file) {
        this.file = file;
    }

    InputFile file() {
        return file;
    }

    @Override
    public long getLength() {
        return file.length();
    }

    @Override
    public String[] getLocations() {
        return new String[0];
    }

    @Override
    public void write(DataOutput out) throws IOException {
        Text.writeString(out, file.toJson());
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        file = InputFile.fromJson(Text.readString(in));
    }

    @Override
    public String toString() {
        return file.path();
    }
}
