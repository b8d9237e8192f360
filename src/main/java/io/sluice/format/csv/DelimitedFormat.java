package io.sluice.format.csv;

import static java.util.Objects.requireNonNull;

import io.sluice.format.FileFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextSplit;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Delimited text — CSV, TSV, pipe- or U+0001-separated — as the {@code csv} classifier records it (see {@link
 * DelimitedDialect} for the parameters read). Columns map to fields by position.
 *
 * <p>Splits: a record belongs to the split where it starts (see {@link TextSplit}); the header lines ({@code
 * skip.header.line.count}) are skipped at the start of the file only. A multi-line table ({@code
 * sluice.multiline=true}: quoted values hold line breaks, so a line start need not be a record start), a compressed
 * file, or one in a charset that is not ASCII-compatible is read whole by the split at offset 0; its other splits read
 * nothing.
 *
 * <p>Records: fields by position; fewer fields than columns leave the missing columns null (as Hive does), more
 * fields than columns make the record bad (the data does not fit the table; Hive would drop the extra fields
 * silently). Empty lines are skipped. Values are read as {@link io.sluice.format.TextValueParser} reads them, so
 * {@code \N} and the empty field are null, and a value the column's type cannot hold makes the record bad, with file,
 * line, column, value and reason.
 */
public final class DelimitedFormat implements FileFormat {
    public static final String NAME = "csv";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A table parameter set by the job runner: the positions of the columns to parse, comma-separated. The others are
     * null, without being parsed or checked (column pruning).
     */
    public static final String READ_COLUMNS = "sluice.read.columns";

    @Override
    public boolean reads(ReadSpec spec) {
        String library = spec.serde().serializationLibrary();
        return spec.classification().equalsIgnoreCase(NAME)
                || library.equals(DelimitedDialect.OPEN_CSV_SERDE)
                || library.equals(DelimitedDialect.LAZY_SIMPLE_SERDE);
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return TextSplit.splittable(conf, file, DelimitedDialect.of(spec).layout());
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        requireNonNull(spec, "spec is null");
        DelimitedDialect dialect = DelimitedDialect.of(spec);
        TextSplit split = TextSplit.open(conf, file, start, length, dialect.layout());
        try {
            return new DelimitedReader(file.toString(), split, dialect, spec);
        } catch (RuntimeException e) {
            split.close();
            throw e;
        }
    }
}
