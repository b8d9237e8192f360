package io.sluice.runtime.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.util.ReflectionUtils;

/** A split of one of a job's {@link MapInput}s: the input's index, and the split its own input format made. */
public final class TaggedSplit extends InputSplit implements Writable, Configurable {
    private int input;
    private InputSplit split;
    private Configuration conf;

    /** For Hadoop, which fills the split with {@link #readFields}. */
    public TaggedSplit() {}

    TaggedSplit(int input, InputSplit split) {
        this.input = input;
        this.split = split;
    }

    /** The index of the input in the job's list of inputs. */
    int input() {
        return input;
    }

    InputSplit split() {
        return split;
    }

    @Override
    public long getLength() throws IOException, InterruptedException {
        return split.getLength();
    }

    @Override
    public String[] getLocations() throws IOException, InterruptedException {
        return split.getLocations();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(input);
        Text.writeString(out, split.getClass().getName());
        ((Writable) split).write(out);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        input = in.readInt();
        String type = Text.readString(in);
        try {
            split = (InputSplit) ReflectionUtils.newInstance(Class.forName(type), conf);
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown split class " + type, e);
        }
        ((Writable) split).readFields(in);
    }

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    @Override
    public String toString() {
        return "input " + input + ": " + split;
    }
}
