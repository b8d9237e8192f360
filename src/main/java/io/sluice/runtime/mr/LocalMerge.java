package io.sluice.runtime.mr;

import io.sluice.runtime.io.KeyWritable;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapred.IndexRecord;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.MapOutputFile;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapred.ShuffleConsumerPlugin;
import org.apache.hadoop.mapred.SpillRecord;
import org.apache.hadoop.mapred.TaskAttemptID;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.Progress;

/**
 * The reduce side of a shuffle on the local runner, where every map's output is a file on this machine: each map's
 * segment for this reducer is read where it lies (the map's index gives its place), through a window of at most
 * {@value #WINDOW} bytes, and the segments are merged by key with a binary heap; records with equal keys come in the
 * order of their maps. Hadoop's shuffle would first copy every segment into the heap (or another file), then merge
 * them with a priority queue that sets the task's progress, under a lock, twice per record.
 *
 * <p>Each segment is an IFile segment ({@code vint keyLength, vint valueLength, key, value} records, an end marker of
 * two {@code -1} vints, then the CRC-32 of all that), written by {@link SortingCollector} or Hadoop's own collector;
 * its checksum is verified as it is read, and a segment that ends early, runs past its end or fails its checksum
 * fails the task with the map and file named. Compressed or encrypted map output, and more than {@value
 * #MAX_SEGMENTS} maps, go through Hadoop's shuffle instead ({@link #applies}).
 */
final class LocalMerge implements RawKeyValueIterator, Closeable {
    /** Whether the local runner's reducers merge the map outputs where they lie (default true). */
    static final String ENABLED = "sluice.shuffle.local-merge";

    /** The most bytes of a segment held at once (a record longer than that is held whole). */
    static final int WINDOW = 256 << 10;
    /** The most segments merged in one pass, so at most this many windows and open files. */
    static final int MAX_SEGMENTS = 128;

    private static final int CHECKSUM_BYTES = 4;

    private final Segment[] segments;
    private final int[] heap;
    private int size;
    private boolean started;
    private final RawComparator<?> comparator;
    /**
     * Whether the keys are Sluice's shuffle keys, which compare as their bytes after a header: each segment then
     * keeps its key's first eight such bytes as a number, and most comparisons compare those numbers only.
     */
    private final boolean prefixed;

    private final DataInputBuffer key = new DataInputBuffer();
    private final DataInputBuffer value = new DataInputBuffer();
    private final Progress progress = new Progress();
    private final long totalBytes;

    private LocalMerge(List<Segment> segments, RawComparator<?> comparator) throws IOException {
        this.segments = segments.toArray(Segment[]::new);
        this.comparator = comparator;
        this.prefixed = comparator instanceof KeyWritable.Comparator;
        this.heap = new int[this.segments.length];
        long total = 0;
        for (Segment segment : this.segments) {
            total += segment.dataLength;
        }
        this.totalBytes = total;
        for (int s = 0; s < this.segments.length; s++) {
            this.segments[s].prefixed = prefixed;
            if (this.segments[s].next()) {
                heap[size++] = s;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /**
     * Whether this reducer's shuffle merges the map outputs where they lie: on the local runner, when its map output
     * is neither compressed nor encrypted and comes from at most {@value #MAX_SEGMENTS} maps, unless {@link #ENABLED}
     * is false.
     */
    static boolean applies(ShuffleConsumerPlugin.Context<?, ?> context) {
        Map<TaskAttemptID, MapOutputFile> maps = context.getLocalMapFiles();
        return context.getJobConf().getBoolean(ENABLED, true)
                && maps != null
                && !maps.isEmpty()
                && maps.size() <= MAX_SEGMENTS
                && context.getCodec() == null
                && !context.getJobConf().getBoolean(MRJobConfig.MR_ENCRYPTED_INTERMEDIATE_DATA, false);
    }

    /** The merge of this reducer's segments of the local runner's map outputs ({@link #applies}), counted as shuffled. */
    static LocalMerge open(ShuffleConsumerPlugin.Context<?, ?> context) throws IOException {
        Map<TaskAttemptID, MapOutputFile> maps = context.getLocalMapFiles();
        JobConf job = context.getJobConf();
        int partition = context.getReduceId().getTaskID().getId();
        FileSystem local = FileSystem.getLocal(job).getRaw();
        List<TaskAttemptID> order = new ArrayList<>(maps.keySet());
        order.sort(Comparator.comparing(TaskAttemptID::getTaskID));
        List<Segment> segments = new ArrayList<>();
        try {
            for (TaskAttemptID map : order) {
                Path file = maps.get(map).getOutputFile();
                IndexRecord index = new SpillRecord(file.suffix(".index"), job).getIndex(partition);
                segments.add(Segment.open(local, map, file, index));
            }
            LocalMerge merge = new LocalMerge(segments, job.getOutputKeyComparator());
            context.getShuffledMapsCounter().increment(order.size());
            context.getReduceShuffleBytes().increment(merge.totalBytes);
            return merge;
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                segment.close();
            }
            throw e;
        }
    }

    @Override
    public boolean next() throws IOException {
        if (started && size > 0) {
            if (segments[heap[0]].next()) {
                siftDown(0);
            } else {
                heap[0] = heap[--size];
                if (size > 0) {
                    siftDown(0);
                }
            }
        }
        started = true;
        if (size == 0) {
            return false;
        }
        Segment top = segments[heap[0]];
        key.reset(top.buffer, top.keyStart, top.keyLength);
        value.reset(top.buffer, top.valueStart, top.valueLength);
        return true;
    }

    @Override
    public DataInputBuffer getKey() {
        return key;
    }

    @Override
    public DataInputBuffer getValue() {
        return value;
    }

    /** The share of the segments' bytes merged so far (computed when asked, not per record). */
    @Override
    public Progress getProgress() {
        long read = 0;
        for (Segment segment : segments) {
            read += segment.consumed();
        }
        progress.set(totalBytes == 0 ? 1f : Math.min(1f, (float) read / totalBytes));
        return progress;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void siftDown(int at) {
        int moving = heap[at];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], moving)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = moving;
    }

    /** Whether segment {@code a}'s record goes before segment {@code b}'s: by key, then by map. */
    private boolean less(int a, int b) {
        Segment x = segments[a];
        Segment y = segments[b];
        if (prefixed) {
            // Where the first (or next) eight bytes differ, they decide, as comparing the whole keys would.
            if (x.prefix != y.prefix) {
                return Long.compareUnsigned(x.prefix, y.prefix) < 0;
            }
            if (x.prefix2 != y.prefix2) {
                return Long.compareUnsigned(x.prefix2, y.prefix2) < 0;
            }
        }
        int c = comparator.compare(x.buffer, x.keyStart, x.keyLength, y.buffer, y.keyStart, y.keyLength);
        return c < 0 || (c == 0 && a < b);
    }

    /** One map's segment for this reducer, read through a window, its records' places in the window. */
    private static final class Segment {
        private final TaskAttemptID map;
        private final Path file;
        private final FSDataInputStream in;
        private final long dataLength;
        private final CRC32 checksum = new CRC32();
        /** Bytes of the segment's data not yet read into the window. */
        private long unread;

        byte[] buffer;
        private int position;
        private int limit;
        int keyStart;
        int keyLength;
        int valueStart;
        int valueLength;
        /**
         * Whether keys are shuffle keys ({@link LocalMerge#prefixed}), and then the record's first eight key bytes and
         * the eight after them (a key's first column often takes nine bytes, its null flag and a bigint).
         */
        boolean prefixed;

        long prefix;
        long prefix2;

        private Segment(TaskAttemptID map, Path file, FSDataInputStream in, long dataLength) {
            this.map = map;
            this.file = file;
            this.in = in;
            this.dataLength = dataLength;
            this.unread = dataLength;
            this.buffer = new byte[(int) Math.max(16, Math.min(WINDOW, dataLength))];
        }

        static Segment open(FileSystem local, TaskAttemptID map, Path file, IndexRecord index) throws IOException {
            long dataLength = index.partLength - CHECKSUM_BYTES;
            if (dataLength < 2 || index.rawLength != dataLength) {
                throw new IOException("the map output of " + map + " in " + file + " has a malformed index entry: "
                        + index.rawLength + " bytes of data in " + index.partLength);
            }
            FSDataInputStream in = local.open(file);
            try {
                in.seek(index.startOffset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new Segment(map, file, in, dataLength);
        }

        /** Moves to the next record; false at the segment's end marker, whose checksum it then verifies. */
        boolean next() throws IOException {
            if (!have(1)) {
                throw corrupt("ends without its end marker");
            }
            int keyLengthSize = WritableUtils.decodeVIntSize(buffer[position]);
            if (!have(keyLengthSize + 1)) {
                throw corrupt("ends inside a record's header");
            }
            int valueLengthSize = WritableUtils.decodeVIntSize(buffer[position + keyLengthSize]);
            int header = keyLengthSize + valueLengthSize;
            if (!have(header)) {
                throw corrupt("ends inside a record's header");
            }
            int keyBytes = WritableComparator.readVInt(buffer, position);
            int valueBytes = WritableComparator.readVInt(buffer, position + keyLengthSize);
            if (keyBytes == -1 && valueBytes == -1) {
                position += header;
                verifyEnd();
                return false;
            }
            if (keyBytes < 0 || valueBytes < 0 || (long) header + keyBytes + valueBytes > Integer.MAX_VALUE - 16) {
                throw corrupt("has a record of " + keyBytes + " key and " + valueBytes + " value bytes");
            }
            if (!have(header + keyBytes + valueBytes)) {
                throw corrupt("ends inside a record");
            }
            keyStart = position + header;
            keyLength = keyBytes;
            valueStart = keyStart + keyBytes;
            valueLength = valueBytes;
            position = valueStart + valueBytes;
            if (prefixed) {
                // The first eight bytes after the key's header, as the sort's prefixes: they compare unsigned as the
                // keys' bytes compare, when they differ.
                int from = keyStart + KeyWritable.headerSize(buffer, keyStart);
                prefix = SortingCollector.pack(buffer, from, keyStart + keyBytes);
                prefix2 = SortingCollector.pack(buffer, from + Long.BYTES, keyStart + keyBytes);
            }
            return true;
        }

        /** Bytes of the segment's data consumed. */
        long consumed() {
            return dataLength - unread - (limit - position);
        }

        /**
         * Whether {@code bytes} bytes are in the window from the current position, reading more of the segment (and
         * moving what is left to the window's start, the last record given being consumed) when not.
         */
        private boolean have(int bytes) throws IOException {
            if (limit - position >= bytes) {
                return true;
            }
            if (unread == 0) {
                return false;
            }
            int left = limit - position;
            if (bytes > buffer.length) {
                byte[] larger = new byte[Math.max(bytes, 2 * buffer.length)];
                System.arraycopy(buffer, position, larger, 0, left);
                buffer = larger;
            } else {
                System.arraycopy(buffer, position, buffer, 0, left);
            }
            position = 0;
            limit = left;
            while (limit < buffer.length && unread > 0) {
                int read = in.read(buffer, limit, (int) Math.min(buffer.length - limit, unread));
                if (read < 0) {
                    throw new EOFException("the map output of " + map + " in " + file + " ends " + unread
                            + " bytes before its segment for this reducer does");
                }
                checksum.update(buffer, limit, read);
                limit += read;
                unread -= read;
            }
            return limit - position >= bytes;
        }

        private void verifyEnd() throws IOException {
            if (unread != 0 || position != limit) {
                throw corrupt("has " + (unread + limit - position) + " bytes after its end marker");
            }
            byte[] stored = new byte[CHECKSUM_BYTES];
            in.readFully(stored);
            int expected = ((stored[0] & 0xff) << 24)
                    | ((stored[1] & 0xff) << 16)
                    | ((stored[2] & 0xff) << 8)
                    | (stored[3] & 0xff);
            if (expected != (int) checksum.getValue()) {
                throw new ChecksumException(
                        "checksum error in the map output of " + map + " in " + file + ": its segment for this "
                                + "reducer does not match its CRC-32",
                        0);
            }
            close();
        }

        private IOException corrupt(String problem) {
            return new IOException("the map output of " + map + " in " + file + " is corrupt: its segment for this "
                    + "reducer " + problem);
        }

        void close() throws IOException {
            in.close();
        }
    }
}
