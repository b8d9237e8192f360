package io.sluice.classify.orc;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.Magic;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;

/**
 * Recognises ORC files by the magic {@code ORC} at the start and reads schema, row count and compression from the
 * file tail (postscript and footer) alone; see {@link OrcSchemaMapper} for the types. Certainty is 1.0.
 *
 * <p>Parameters: {@code compressionType}, the file's codec in Glue's spelling ({@code none}, {@code zlib}, {@code
 * snappy}, {@code lzo}, {@code lz4}, {@code zstd}, {@code brotli}). A file that starts like ORC but whose tail does not
 * parse — truncated in transfer or still being written — is reported as {@link CorruptFileException}.
 */
public final class OrcClassifier implements Classifier {
    public static final String NAME = "orc";

    private static final byte[] MAGIC = Magic.ascii("ORC");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) throws IOException {
        if (!Magic.startsWith(sample.head(), MAGIC)) {
            return Optional.empty();
        }
        Magic.requireNotCompressedWhole(sample, "ORC");
        try (Reader reader = open(sample)) {
            long rows = reader.getNumberOfRows();
            return Optional.of(Classification.builder(NAME, StorageFormat.ORC.classification())
                    .format(StorageFormat.ORC)
                    .columns(OrcSchemaMapper.columns(reader.getSchema()))
                    .recordCount(rows)
                    .parameter("compressionType", compressionType(reader.getCompressionKind()))
                    .reason("magic ORC; schema, row count and compression read from the file tail")
                    .reason(rows + " rows in " + reader.getStripes().size() + " stripes")
                    .reason("ORC file version " + reader.getFileVersion().getName() + ", written by "
                            + reader.getSoftwareVersion())
                    .build());
        }
    }

    private static Reader open(FileSample sample) throws IOException {
        try {
            return OrcFile.createReader(sample.path(), OrcFile.readerOptions(sample.configuration()));
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptFileException(
                    sample + ": unreadable ORC file tail (truncated, or still being written?): " + e.getMessage(), e);
        }
    }

    private static String compressionType(CompressionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
