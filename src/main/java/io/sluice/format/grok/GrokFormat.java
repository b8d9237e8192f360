package io.sluice.format.grok;

import static java.util.Objects.requireNonNull;

import io.sluice.SluiceException;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.classify.grok.GrokLibrary;
import io.sluice.classify.grok.GrokPattern;
import io.sluice.format.FileFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextEncoding;
import io.sluice.format.text.TextLayout;
import io.sluice.format.text.TextSplit;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Log lines read with a grok pattern, as a grok classifier records them: Glue's {@value GrokClassifier#SERDE} with
 * SerDe parameters {@code input.format} (the pattern) and {@code input.grokCustomPatterns} (extra definitions, one
 * {@code NAME pattern} per line). The pattern is compiled once per split against the standard library and the custom
 * definitions; each line is a row, each named capture fills the column of its name (regardless of case), parsed as
 * every text format parses text. A line that does not match as a whole is a bad record.
 *
 * <p>Splits at lines like any text file (see {@link TextSplit}); compressed files are read whole by the first split.
 */
public final class GrokFormat implements FileFormat {
    public static final String NAME = "grok";
    public static final String PATTERN = "input.format";
    public static final String CUSTOM_PATTERNS = "input.grokCustomPatterns";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reads(ReadSpec spec) {
        return spec.serde().serializationLibrary().equals(GrokClassifier.SERDE);
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return TextSplit.splittable(conf, file, new TextLayout(TextEncoding.of(spec), 0, false));
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        requireNonNull(spec, "spec is null");
        GrokPattern pattern = pattern(spec);
        GrokColumns columns = new GrokColumns(spec, pattern);
        TextSplit split = TextSplit.open(conf, file, start, length, new TextLayout(TextEncoding.of(spec), 0, false));
        return new GrokReader(file.toString(), split, pattern, columns);
    }

    /** The table's pattern, compiled with its custom definitions. */
    static GrokPattern pattern(ReadSpec spec) {
        String grok = spec.serde().parameters().get(PATTERN);
        if (grok == null || grok.isBlank()) {
            throw SluiceException.invalidArgument(
                    "a grok table needs SerDe parameter %s, the pattern each line matches", PATTERN);
        }
        Map<String, String> custom = spec.serde().parameters().containsKey(CUSTOM_PATTERNS)
                ? GrokLibrary.parseDefinitions(spec.serde().parameters().get(CUSTOM_PATTERNS))
                : Map.of();
        return GrokPattern.compile(grok, GrokLibrary.standard().with(custom));
    }
}
