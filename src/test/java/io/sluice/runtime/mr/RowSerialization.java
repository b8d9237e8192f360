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

/**
 * Lets MRUnit copy flat {@link Row}s (whose values are serializable Java objects), which jobs never serialize: they
 * read rows from input formats and write them to output formats.
 */
public final class RowSerialization implements Serialization<Row> {

    /** Adds this serialization to a test configuration. */
    static void register(Configuration conf) {
        conf.setStrings("io.serializations", conf.get("io.serializations"), RowSerialization.class.getName());
    }

    @Override
    public boolean accept(Class<?> type) {
        return Row.class.isAssignableFrom(type);
    }

    @Override
    public Serializer<Row> getSerializer(Class<Row> type) {
        return new Serializer<>() {
            private OutputStream stream;

            @Override
            public void open(OutputStream out) {
                stream = out;
            }

            @Override
            public void serialize(Row row) throws IOException {
                Object[] values = new Object[row.width()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                // one object stream per row, as the deserializer reads them
                ObjectOutputStream out = new ObjectOutputStream(stream);
                out.writeObject(values);
                out.flush();
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public Deserializer<Row> getDeserializer(Class<Row> type) {
        return new Deserializer<>() {
            private InputStream stream;

            @Override
            public void open(InputStream in) {
                stream = in;
            }

            @Override
            public Row deserialize(Row reuse) throws IOException {
                try {
                    return Row.of((Object[]) new ObjectInputStream(stream).readObject());
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }
}
