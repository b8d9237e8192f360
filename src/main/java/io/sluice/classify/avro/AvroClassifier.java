package io.sluice.classify.avro;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.Magic;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;

/**
 * Recognises Avro container files by their magic ({@code Obj} followed by the byte 1) and reads the writer's schema
 * from the header at the start of the file (the sample's head; the file itself only when the header is longer than
 * the head). Types: {@link AvroSchemaMapper}. Certainty is 1.0.
 *
 * <p>Parameters: {@code avro.schema.literal}, the writer's schema as JSON, as a table parameter and as a SerDe
 * parameter: Hive's AvroSerDe takes its columns from it (reading either place), Athena from the SerDe's; and
 * {@code compressionType}, the container's block codec ({@code none}, {@code deflate}, {@code snappy}, {@code
 * bzip2}, {@code xz}, {@code zstd}).
 *
 * <p>The record count is exact but not free: Avro keeps no total, so it takes a scan of every block header (see
 * {@link AvroBlockCounter}, one small read per block). It is counted when the sample holds the whole file, or the
 * file is at most {@link #DEFAULT_COUNT_LIMIT} bytes (configurable); otherwise left out, with the reason. A header
 * that does not parse, or blocks that end early or lose their sync marker, are reported as {@link
 * CorruptFileException}.
 */
public final class AvroClassifier implements Classifier {
    public static final String NAME = "avro";
    /** Files up to this size on storage have their records counted: at most a few hundred blocks to visit. */
    public static final long DEFAULT_COUNT_LIMIT = 32L * 1024 * 1024;

    private static final byte[] MAGIC = DataFileConstants.MAGIC;

    private final long countLimit;

    public AvroClassifier() {
        this(DEFAULT_COUNT_LIMIT);
    }

    /** @param countLimit the largest file, in bytes on storage, whose records are counted when not all in the sample */
    public AvroClassifier(long countLimit) {
        if (countLimit < 0) {
            throw new IllegalArgumentException("countLimit must not be negative, got " + countLimit);
        }
        this.countLimit = countLimit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) throws IOException {
        if (!Magic.startsWith(sample.head(), MAGIC)) {
            return Optional.empty();
        }
        Magic.requireNotCompressedWhole(sample, "Avro");
        Header header = header(sample);
        String literal = header.schema().toString();
        Classification.Builder builder = Classification.builder(NAME, StorageFormat.AVRO.classification())
                .format(StorageFormat.AVRO)
                .columns(AvroSchemaMapper.columns(header.schema()))
                .serdeParameter("avro.schema.literal", literal)
                .parameter("avro.schema.literal", literal)
                .parameter("compressionType", header.compressionType())
                .reason("magic Obj\\x01; writer's schema " + header.schema().getFullName() + " read from the header");
        OptionalLong count = count(sample);
        if (count.isPresent()) {
            builder.recordCount(count.getAsLong())
                    .reason(count.getAsLong() + " records counted from the block headers");
        } else {
            builder.reason("records not counted: Avro keeps no total, and scanning the blocks of a " + sample.length()
                    + "-byte file exceeds the limit of " + countLimit + " bytes");
        }
        return Optional.of(builder.build());
    }

    private static Header header(FileSample sample) throws IOException {
        try {
            return readHeader(sample.headStream());
        } catch (IOException | AvroRuntimeException inHead) {
            if (sample.complete()) {
                throw corruptHeader(sample, inHead);
            }
        }
        // The header (schema and metadata) is longer than the head: read it from the file.
        try (InputStream in = sample.open()) {
            return readHeader(in);
        } catch (IOException | AvroRuntimeException e) {
            throw corruptHeader(sample, e);
        }
    }

    private static Header readHeader(InputStream in) throws IOException {
        try (DataFileStream<Object> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
            return new Header(stream.getSchema(), stream.getMetaString(DataFileConstants.CODEC));
        }
    }

    private static CorruptFileException corruptHeader(FileSample sample, Exception e) {
        return new CorruptFileException(sample + ": unreadable Avro header: " + e.getMessage(), e);
    }

    private OptionalLong count(FileSample sample) throws IOException {
        if (sample.complete()) {
            return OptionalLong.of(AvroBlockCounter.count(sample.headStream(), sample.toString()));
        }
        if (sample.length() > countLimit) {
            return OptionalLong.empty();
        }
        try (InputStream in = sample.open()) {
            return OptionalLong.of(AvroBlockCounter.count(in, sample.toString()));
        }
    }

    private record Header(Schema schema, String codec) {
        /** Glue's spelling of the block codec; Avro writes none as {@code null} or leaves it out. */
        String compressionType() {
            if (codec == null || codec.equals(DataFileConstants.NULL_CODEC)) {
                return "none";
            }
            return codec.equals(DataFileConstants.ZSTANDARD_CODEC) ? "zstd" : codec;
        }
    }
}
