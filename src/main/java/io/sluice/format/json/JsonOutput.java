package io.sluice.format.json;

import io.sluice.format.Compression;
import io.sluice.format.FormatWriter;
import io.sluice.format.RowWriter;
import io.sluice.format.text.TextCodecs;
import io.sluice.format.text.TextOutput;
import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes JSON lines: one object per row, its members the columns in order (nulls written as {@code null}), each value
 * as {@link JsonValueWriters} says, UTF-8, lines ending in {@code \n}. Compressed through Hadoop's codecs ({@link
 * TextCodecs}); files end in {@code .json}, then the codec's extension ({@code .json.gz}).
 */
public final class JsonOutput implements FormatWriter {

    @Override
    public RowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        JsonValueWriter record = new JsonValueWriters().struct(schema);
        TextOutput out = TextOutput.create(conf, file, compression);
        return new RowWriter() {
            @Override
            public void write(io.sluice.row.Row row) throws IOException {
                try {
                    record.write(out, row);
                } catch (ClassCastException e) {
                    throw new IllegalArgumentException(
                            "a value of " + row + " is not of its column's type in " + schema + ": " + e.getMessage(),
                            e);
                }
                out.write('\n');
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public String extension(Compression compression) {
        return ".json" + TextCodecs.extension(compression);
    }
}
