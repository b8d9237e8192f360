package io.sluice.format.csv;

import static java.util.Objects.requireNonNull;

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
 * Writes delimited text (CSV by default) as {@link DelimitedWriteOptions} say: a header line of the column names,
 * then one line per row ending in {@code \n}, UTF-8, values in the text form Sluice's readers parse back ({@link
 * io.sluice.format.text.ValueText}) and nested values (structs, arrays, maps) as JSON. Compressed through Hadoop's
 * codecs ({@link TextCodecs}); files end in {@code .csv}, then the codec's extension ({@code .csv.gz}).
 */
public final class DelimitedOutput implements FormatWriter {
    private final DelimitedWriteOptions options;

    public DelimitedOutput(DelimitedWriteOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public RowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        TextOutput out = TextOutput.create(conf, file, compression);
        try {
            return new DelimitedRowWriter(out, schema, options);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public String extension(Compression compression) {
        return ".csv" + TextCodecs.extension(compression);
    }
}
