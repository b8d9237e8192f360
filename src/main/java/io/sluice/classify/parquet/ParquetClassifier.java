package io.sluice.classify.parquet;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.Magic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Recognises Parquet files by the magic {@code PAR1} at both ends and reads their schema and row count from the
 * footer alone (see {@link ParquetSchemaMapper} for the types). Certainty is 1.0: the magic and a footer that parses
 * leave no doubt.
 *
 * <p>Parameters: {@code compressionType}, the page codec of the column chunks ({@code none}, {@code snappy}, {@code
 * gzip}, {@code zstd}...; several joined by commas when columns differ). A file that starts like Parquet but has no
 * closing magic, an impossible footer length or a footer that does not parse is reported as {@link
 * CorruptFileException}, typically a file truncated in transfer or still being written.
 */
public final class ParquetClassifier implements Classifier {
    public static final String NAME = "parquet";

    private static final byte[] MAGIC = Magic.ascii("PAR1");
    private static final byte[] ENCRYPTED_MAGIC = Magic.ascii("PARE");
    /** The footer length (4 bytes, little endian) and the closing magic. */
    private static final int TAIL_LENGTH = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) throws IOException {
        if (!Magic.startsWith(sample.head(), MAGIC)) {
            return Optional.empty();
        }
        Magic.requireNotCompressedWhole(sample, "Parquet");
        checkTail(sample);
        ParquetMetadata footer = readFooter(sample);
        long rows = footer.getBlocks().stream()
                .mapToLong(BlockMetaData::getRowCount)
                .sum();
        Classification.Builder builder = Classification.builder(NAME, StorageFormat.PARQUET.classification())
                .format(StorageFormat.PARQUET)
                .columns(ParquetSchemaMapper.columns(footer.getFileMetaData().getSchema()))
                .recordCount(rows)
                .reason("magic PAR1 at start and end; schema and row count read from the footer")
                .reason(rows + " rows in " + footer.getBlocks().size() + " row groups");
        codecs(footer).ifPresent(codecs -> builder.parameter("compressionType", codecs));
        Optional.ofNullable(footer.getFileMetaData().getCreatedBy())
                .ifPresent(createdBy -> builder.reason("written by " + createdBy));
        return Optional.of(builder.build());
    }

    private static void checkTail(FileSample sample) throws IOException {
        long length = sample.length();
        if (length < MAGIC.length + TAIL_LENGTH) {
            throw new CorruptFileException(sample + ": only " + length
                    + " bytes, too short for a Parquet file (magic, footer, footer length, magic): truncated?");
        }
        byte[] tail = new byte[TAIL_LENGTH];
        try (FSDataInputStream in = sample.open()) {
            in.readFully(length - TAIL_LENGTH, tail);
        }
        byte[] magic = Arrays.copyOfRange(tail, 4, TAIL_LENGTH);
        if (Arrays.equals(magic, ENCRYPTED_MAGIC)) {
            throw new IOException(sample + ": the Parquet footer is encrypted (PARE); Sluice cannot read it"
                    + " without the file's keys");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptFileException(sample + ": Parquet file does not end with the magic PAR1 (found '"
                    + Magic.printable(magic) + "'): truncated, or still being written");
        }
        int footerLength =
                ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength <= 0 || footerLength > length - MAGIC.length - TAIL_LENGTH) {
            throw new CorruptFileException(sample + ": Parquet footer length " + footerLength
                    + " does not fit in the file's " + length + " bytes");
        }
    }

    private static ParquetMetadata readFooter(FileSample sample) throws CorruptFileException {
        try (ParquetFileReader reader =
                ParquetFileReader.open(HadoopInputFile.fromPath(sample.path(), sample.configuration()))) {
            return reader.getFooter();
        } catch (IOException | RuntimeException e) {
            throw new CorruptFileException(sample + ": unreadable Parquet footer: " + e.getMessage(), e);
        }
    }

    /** The codecs of all column chunks, in Glue's lower-case spelling; empty for a file without row groups. */
    private static Optional<String> codecs(ParquetMetadata footer) {
        Set<String> codecs = new TreeSet<>();
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
                codecs.add(codecName(column.getCodec()));
            }
        }
        return codecs.isEmpty() ? Optional.empty() : Optional.of(String.join(",", codecs));
    }

    private static String codecName(CompressionCodecName codec) {
        return codec == CompressionCodecName.UNCOMPRESSED
                ? "none"
                : codec.name().toLowerCase(Locale.ROOT);
    }
}
