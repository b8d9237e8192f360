package io.sluice.format.json;

import static java.util.Objects.requireNonNull;

import io.sluice.format.FileFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextEncoding;
import io.sluice.format.text.TextLayout;
import io.sluice.format.text.TextSplit;
import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * JSON records, as the {@code json} classifier records them: JSON lines, one array of objects, or objects one after
 * another (table parameter {@code sluice.json.layout}), in the SerDe's {@code serialization.encoding}.
 *
 * <p>Keys map to columns and struct fields by name regardless of case; keys without a column are ignored and columns
 * without a key are null, so files written before a column was added read it as null. Arrays read as lists, objects
 * as structs or maps, and scalars as {@link JsonPrimitiveConverter} says; dates and timestamps, nested ones too, with
 * the formats recorded under {@code sluice.format.<path>}. A value of the wrong kind is a bad record naming its path
 * ({@code order.items[].qty}) and the line where its record starts.
 *
 * <p>Splits: JSON lines split at lines like any text (see {@link TextSplit}); arrays and concatenated objects span
 * lines, so the split at offset 0 reads such a file whole and the others read nothing. The SerDe's {@code
 * ignore.malformed.json} is not honoured: a line that is not JSON is a bad record, which a job sends to its error
 * output, never dropped silently.
 */
public final class JsonFormat implements FileFormat {
    public static final String NAME = "json";

    private static final Set<String> SERDES = Set.of(
            "org.openx.data.jsonserde.JsonSerDe",
            "org.apache.hive.hcatalog.data.JsonSerDe",
            "org.apache.hadoop.hive.serde2.JsonSerDe");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reads(ReadSpec spec) {
        return spec.classification().equalsIgnoreCase(NAME)
                || SERDES.contains(spec.serde().serializationLibrary());
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return JsonLayout.of(spec) == JsonLayout.LINES
                && TextSplit.splittable(conf, file, new TextLayout(TextEncoding.of(spec), 0, false));
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        requireNonNull(spec, "spec is null");
        JsonLayout layout = JsonLayout.of(spec);
        JsonStructConverter record = JsonConverters.record(spec);
        TextLayout text = new TextLayout(TextEncoding.of(spec), 0, layout != JsonLayout.LINES);
        TextSplit split = TextSplit.open(conf, file, start, length, text);
        try {
            return layout == JsonLayout.LINES
                    ? new JsonLinesReader(file.toString(), split, record)
                    : new JsonStreamReader(file.toString(), split, layout, record);
        } catch (IOException | RuntimeException e) {
            split.close();
            throw e;
        }
    }
}
