package io.sluice.format.avro;

import java.io.IOException;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * Counts the records of an Avro data file's blocks before a position, reading only each block's header (record count
 * and size) and skipping its data: what a split that does not start at the file's beginning needs to number its
 * records from the file's first. Used only when a split meets a bad record.
 */
final class RecordCounter {
    private RecordCounter() {}

    /** The records of the blocks that start in {@code [firstBlock, end)}. */
    static long recordsBetween(Configuration conf, Path file, long firstBlock, long end) throws IOException {
        long records = 0;
        try (FSDataInputStream in = file.getFileSystem(conf).open(file)) {
            // A direct decoder reads no further than it decodes, so the stream's position stays exact.
            BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
            long position = firstBlock;
            while (position < end) {
                in.seek(position);
                records += decoder.readLong();
                long size = decoder.readLong();
                position = in.getPos() + size + DataFileConstants.SYNC_SIZE;
            }
        }
        return records;
    }
}
