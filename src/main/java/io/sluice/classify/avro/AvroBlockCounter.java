package io.sluice.classify.avro;

import io.sluice.classify.CorruptFileException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Counts the records of an Avro container file from its block headers alone: each block starts with its record
 * count and byte size, so the scan skips the data (no decompression, no decoding) and reads a few bytes per block.
 * Each block's sync marker is checked, so a file cut short or damaged between blocks is caught.
 */
final class AvroBlockCounter {
    private static final int MAGIC_LENGTH = 4;
    private static final int SYNC_LENGTH = 16;

    private AvroBlockCounter() {}

    /** The number of records in the container read from {@code in}, which must be at the start of the file. */
    static long count(InputStream in, String file) throws IOException {
        // The direct decoder does not read ahead, so skipping a block seeks on streams that can.
        BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
        byte[] sync = skipHeader(decoder);
        byte[] blockSync = new byte[SYNC_LENGTH];
        long records = 0;
        long blocks = 0;
        while (true) {
            long count;
            try {
                count = decoder.readLong();
            } catch (EOFException end) {
                return records;
            }
            try {
                long size = decoder.readLong();
                if (count < 0 || size < 0 || size > Integer.MAX_VALUE) {
                    throw new CorruptFileException(file + ": Avro block " + (blocks + 1) + " has an impossible header"
                            + " (" + count + " records, " + size + " bytes)");
                }
                decoder.skipFixed((int) size);
                decoder.readFixed(blockSync);
            } catch (EOFException cut) {
                throw new CorruptFileException(
                        file + ": Avro file ends inside block " + (blocks + 1) + " after " + records
                                + " complete records: truncated, or still being written",
                        cut);
            }
            if (!Arrays.equals(sync, blockSync)) {
                throw new CorruptFileException(file + ": Avro block " + (blocks + 1) + " does not end with the"
                        + " file's sync marker: damaged after " + records + " records");
            }
            records += count;
            blocks++;
        }
    }

    private static byte[] skipHeader(BinaryDecoder decoder) throws IOException {
        decoder.skipFixed(MAGIC_LENGTH);
        for (long entries = decoder.readMapStart(); entries != 0; entries = decoder.mapNext()) {
            for (long i = 0; i < entries; i++) {
                decoder.skipString();
                decoder.skipBytes();
            }
        }
        byte[] sync = new byte[SYNC_LENGTH];
        decoder.readFixed(sync);
        return sync;
    }
}
