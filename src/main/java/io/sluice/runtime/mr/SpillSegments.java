package io.sluice.runtime.mr;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.zip.CRC32;
import org.apache.hadoop.mapred.IndexRecord;

/**
 * Writes a spill file of uncompressed IFile segments, one per partition, byte for byte as Hadoop's {@code
 * IFile.Writer} over its checksummed stream writes them: the records as given, two end-of-file markers ({@code vint
 * -1}), then the CRC-32 of all that, big-endian. Straight to the file: Hadoop's stream stack (position cache,
 * statistics, buffering, checksum stream) cost a few percent of a sort's map time and a large compilation per job.
 */
final class SpillSegments extends OutputStream {
    /** {@code WritableUtils.writeVInt(-1)}: one byte. */
    private static final byte EOF_MARKER = (byte) -1;

    private static final int CHECKSUM_BYTES = 4;

    private final FileOutputStream out;
    private final CRC32 checksum = new CRC32();
    private long position;
    private long segmentStart;
    private long segmentBytes;

    SpillSegments(java.nio.file.Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = new FileOutputStream(file.toFile());
    }

    /** Starts the next partition's segment. */
    void startSegment() {
        segmentStart = position;
        segmentBytes = 0;
        checksum.reset();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checksum.update(b, off, len);
        out.write(b, off, len);
        position += len;
        segmentBytes += len;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Ends the segment: its place in the file, for the spill's index. */
    IndexRecord endSegment() throws IOException {
        write(new byte[] {EOF_MARKER, EOF_MARKER}, 0, 2);
        long sum = checksum.getValue();
        byte[] trailer = {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum};
        out.write(trailer, 0, CHECKSUM_BYTES);
        position += CHECKSUM_BYTES;
        return new IndexRecord(segmentStart, segmentBytes, position - segmentStart);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
