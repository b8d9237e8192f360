package io.sluice.runtime.mr;

import io.sluice.row.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.serializer.Deserializer;
import org.apache.hadoop.io.serializer.Serialization;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.io.serializer.WritableSerialization;

/**
 * Lets MRUnit copy {@link Row}s (mapper input, reducer output), which real jobs never serialize through Hadoop: the
 * values go through Java serialization, which every value type of a row supports.
 */
public final class JavaRowSerialization implements Serialization<Row> {

    /** Registers this serialization beside Hadoop's Writable one. */
    static Configuration register(Configuration conf) {
        conf.setStrings(
                "io.serializations", WritableSerialization.class.getName(), JavaRowSerialization.class.getName());
        return conf;
    }

    @Override
    public boolean accept(Class<?> c) {
        return Row.class.isAssignableFrom(c);
    }

    @Override
    public Serializer<Row> getSerializer(Class<Row> c) {
        return new Serializer<>() {
            private OutputStream out;

            @Override
            public void open(OutputStream out) {
                this.out = out;
            }

            @Override
            public void serialize(Row row) throws IOException {
                Object[] values = new Object[row.width()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                ObjectOutputStream objects = new ObjectOutputStream(out);
                objects.writeObject(values);
                objects.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public Deserializer<Row> getDeserializer(Class<Row> c) {
        return new Deserializer<>() {
            private InputStream in;

            @Override
            public void open(InputStream in) {
                this.in = in;
            }

            @Override
            public Row deserialize(Row reuse) throws IOException {
                try {
                    return Row.of((Object[]) new ObjectInputStream(in).readObject());
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
