package io.sluice.runtime.mr;

import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowWritable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.mapred.Counters;
import org.apache.hadoop.mapred.IFile;
import org.apache.hadoop.mapred.IndexRecord;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.MapOutputCollector;
import org.apache.hadoop.mapred.MapOutputFile;
import org.apache.hadoop.mapred.Merger;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapred.SpillRecord;
import org.apache.hadoop.mapred.Task;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.util.Progress;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * The map side of a Sluice shuffle: collects the mapper's key/value bytes in one buffer, sorts them by partition and
 * key, and writes them as Hadoop's map output (IFile segments per partition with a spill index), spilling to disk when
 * the buffer ({@code mapreduce.task.io.sort.mb}) is full and merging the spills at the end with Hadoop's merger.
 *
 * <p>It does what Hadoop's own collector does, faster for Sluice's keys: since {@link KeyWritable}'s bytes compare as
 * unsigned bytes, each record's first 16 key bytes are kept as two longs beside it, and the sort compares those
 * primitives, reading the key bytes only when they are equal. Hadoop's collector compares every pair through its
 * metadata buffer and the raw comparator, which made sorting most of a sort job's time. The reducers read the output
 * as usual; combiners are not run (Sluice pre-aggregates in the mapper), nor is intermediate encryption supported, so
 * {@link JobRunner} uses this collector only when those are off.
 */
public final class SortingCollector implements MapOutputCollector<KeyWritable, RowWritable> {
    /** Per-record bookkeeping besides the bytes, counted against the sort buffer. */
    private static final int RECORD_OVERHEAD = 48;

    /** The largest sort buffer: offsets into it are ints, and the array may grow past it by one record. */
    private static final long MAX_BUFFER = 1536L << 20;

    /**
     * The part of the input to read before the buffers grow to what the whole input would need at the rate so far:
     * before, the rate says little (a task's first records may all pass a filter, or none).
     */
    private static final float PROJECT_AFTER = 0.02f;

    /** Partitions of fewer records are merge sorted straight away (a radix sort's passes cost more there). */
    private static final int RADIX_MIN = 256;

    /** Records whose places are looked up (and first bytes read) before they are copied, when writing a spill. */
    private static final int COPY_BATCH = 64;

    /** How far past a record's start the batch's first pass reads too: the next cache line, where most records end. */
    private static final int TOUCH_SPAN = 64;

    /**
     * Records per call of the loops over all buffered records. A loop that runs once per spill over millions of
     * records is compiled while it runs (on-stack replacement) from a profile in which it never ended: its code traps
     * when it ends, and it was compiled again at each spill of each task (seven compilations of {@code spill} in a
     * W4 run), the records meanwhile going through slower code. Many short calls are compiled once, as ordinary
     * methods, and every later spill and task runs that code from its first record.
     */
    private static final int CHUNK = 512;

    /** Records collected between two updates of the output counters. */
    private static final int COUNTER_BATCH = 4096;

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private JobConf job;
    private Task.TaskReporter reporter;
    private MapOutputFile files;
    private FileSystem local;
    private CompressionCodec codec;
    private RawComparator<KeyWritable> comparator;
    private Counters.Counter outputRecords;
    private Counters.Counter outputBytes;
    private Counters.Counter spilledRecords;
    /**
     * Output records and bytes not yet added to their counters: Hadoop's counter increment is costly enough per record
     * (a few percent of a sort job) that they are added in batches, and before every spill.
     */
    private long uncountedRecords;

    private long uncountedBytes;
    private int partitions;
    private String taskId;
    private JobID jobId;
    private long capacity;
    /** The map task's progress, whose current phase is reading the input while records come in. */
    private Progress taskProgress;

    private byte[] data;
    private int length;
    private int count;
    private int[] partition = new int[1024];
    /**
     * Where each record starts in {@code data}: its key's vint length, the key's vint group length, the key bytes,
     * the value's vint length and the value bytes, as IFile stores a record. The lengths are read back from there.
     */
    private int[] keyStart = new int[1024];

    private long[] prefix1 = new long[1024];
    private long[] prefix2 = new long[1024];
    /**
     * The bits in which the buffered records' prefixes differ from the first record's, gathered as records come: the
     * spill then knows which key bytes tell records apart without a pass over them.
     */
    private long differ1;

    private long differ2;
    // The sort's arrays (order holds the records' starts in data, in sorted order, so that writing a spill reads
    // each record where it lies and nothing else out of order): made at the first spill for as many records as it has,
    // so that they are not allocated anew at each doubling of the arrays above (large arrays, garbage of the old
    // generation).
    private int[] order = new int[0];
    private int[] scratch = new int[0];
    private long[] sortKey = new long[0];
    private long[] sortScratch = new long[0];
    private final byte[] stage = new byte[64 << 10];
    private final int[] batchStarts = new int[COPY_BATCH];
    private final int[] batchKeyBytes = new int[COPY_BATCH];
    private final int[] batchValueBytes = new int[COPY_BATCH];
    /** The sum of the bytes read ahead of the copies: kept so that the reads are not left out as useless. */
    private long touches;

    private final int[] radixCounts = new int[8 << 8];

    private final List<Path> spills = new ArrayList<>();
    private final List<SpillRecord> spillIndexes = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public void init(Context context) throws IOException {
        job = context.getJobConf();
        reporter = context.getReporter();
        taskProgress = context.getMapTask().getProgress();
        files = context.getMapTask().getMapOutputFile();
        taskId = context.getMapTask().getTaskID().toString();
        jobId = context.getMapTask().getJobID();
        local = FileSystem.getLocal(job).getRaw();
        partitions = Math.max(1, job.getNumReduceTasks());
        comparator = job.getOutputKeyComparator();
        if (job.getCompressMapOutput()) {
            codec = ReflectionUtils.newInstance(
                    job.getMapOutputCompressorClass(org.apache.hadoop.io.compress.DefaultCodec.class), job);
        }
        int sortMb = job.getInt(MRJobConfig.IO_SORT_MB, MRJobConfig.DEFAULT_IO_SORT_MB);
        capacity = Math.min((long) sortMb << 20, MAX_BUFFER); // offsets are ints
        data = new byte[(int) Math.min(capacity, 1 << 20)]; // grows as needed: a small map output stays small
        if (reusesBuffers()) {
            CollectorBuffers.start(jobId, job.getNumMapTasks()).ifPresent(this::reuse);
        }
        outputRecords = reporter.getCounter(TaskCounter.MAP_OUTPUT_RECORDS);
        outputBytes = reporter.getCounter(TaskCounter.MAP_OUTPUT_BYTES);
        spilledRecords = reporter.getCounter(TaskCounter.SPILLED_RECORDS);
    }

    /** The local runner runs the map tasks in this JVM, where a task may take over the buffers of one before it. */
    private boolean reusesBuffers() {
        return "local".equals(job.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
    }

    private void reuse(CollectorBuffers buffers) {
        data = buffers.data;
        partition = buffers.partition;
        keyStart = buffers.keyStart;
        prefix1 = buffers.prefix1;
        prefix2 = buffers.prefix2;
        order = buffers.order;
        scratch = buffers.scratch;
        sortKey = buffers.sortKey;
        sortScratch = buffers.sortScratch;
    }

    /** Hands the buffers on to the next map task, if one is to start, and lets go of them. */
    private void releaseBuffers() {
        if (data != null && reusesBuffers()) {
            CollectorBuffers.release(
                    jobId,
                    job.getNumMapTasks(),
                    new CollectorBuffers(
                            data, partition, keyStart, prefix1, prefix2, order, scratch, sortKey, sortScratch));
        }
        data = null;
        partition = keyStart = order = scratch = null;
        prefix1 = prefix2 = sortKey = sortScratch = null;
    }

    @Override
    public void collect(KeyWritable key, RowWritable value, int partitionNumber) throws IOException {
        if (partitionNumber < 0 || partitionNumber >= partitions) {
            throw new IOException("illegal partition " + partitionNumber + " of " + partitions);
        }
        int recordBytes = key.length() + value.length() + 15;
        if (count > 0 && length + (long) (count + 1) * RECORD_OVERHEAD + recordBytes > capacity) {
            spill();
        }
        if (count == partition.length) {
            grow();
        }
        ensure(recordBytes);
        // The Writables' serialized forms, as IFile stores them: vint length(s), then the bytes.
        int start = length;
        length = putVInt(data, length, key.length());
        length = putVInt(data, length, key.groupLength());
        int header = length - start;
        System.arraycopy(key.bytes(), 0, data, length, key.length());
        length += key.length();
        int keyEnd = length;
        length = putVInt(data, length, value.length());
        System.arraycopy(value.bytes(), 0, data, length, value.length());
        length += value.length();
        partition[count] = partitionNumber;
        keyStart[count] = start;
        long first = pack(data, start + header, keyEnd);
        long second = pack(data, start + header + 8, keyEnd);
        prefix1[count] = first;
        prefix2[count] = second;
        differ1 |= first ^ prefix1[0];
        differ2 |= second ^ prefix2[0];
        count++;
        uncountedBytes += length - start;
        if (++uncountedRecords == COUNTER_BATCH) {
            addToCounters();
        }
    }

    private void addToCounters() {
        outputRecords.increment(uncountedRecords);
        outputBytes.increment(uncountedBytes);
        uncountedRecords = 0;
        uncountedBytes = 0;
    }

    private void ensure(int bytes) {
        if (length + bytes > data.length) {
            long size = Math.max(grownSize(length, data.length, capacity), length + bytes);
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, size));
        }
    }

    /**
     * The new size of a buffer of {@code size} entries, {@code used} of them taken, that must grow: as many as the
     * whole input would take at the rate it took them so far, when enough of the input has been read to tell (a tenth
     * more, at least an eighth more than now, at most eight times as many), else twice as many; at most {@code limit}.
     * Grown by doubling alone, a task's buffers ended up to twice as large as it needed (zeroed by the JVM, so touched
     * memory all the same) after leaving as much again behind as garbage.
     */
    private long grownSize(long used, long size, long limit) {
        return grownSize(used, size, limit, inputRead());
    }

    /** {@link #grownSize(long, long, long)} when {@code read} of the input has been read. */
    static long grownSize(long used, long size, long limit, float read) {
        long grown = 2 * size;
        if (read >= PROJECT_AFTER && read < 1) {
            long projected = (long) (used / read * 1.1);
            grown = Math.max(used + used / 8, Math.min(projected, 8 * size));
        }
        return Math.max(size + 1, Math.min(grown, limit));
    }

    /** The fraction of the task's input read so far, as its record reader reports it, or 0 when unknown. */
    private float inputRead() {
        if (taskProgress == null) {
            return 0;
        }
        float read = taskProgress.phase().getProgress();
        return Float.isFinite(read) ? read : 0;
    }

    /**
     * When all buffered keys start with the same bytes (the null flags and high zero bytes of the first key column,
     * typically), moves both prefixes past them, so that the sort's first long tells most keys apart. Comparing from
     * there orders the keys as comparing them whole does, since what is skipped is equal in all of them (keys shorter
     * than the skipped part are padded with zeros, which sort first, as a shorter key does).
     */
    private void skipCommonPrefix() {
        int common = Long.numberOfLeadingZeros(differ1) / 8; // 8 when every first long is equal
        if (common == 0 || count < 2) {
            return;
        }
        differ1 = 0;
        differ2 = 0;
        for (int i = 0; i < count; i += CHUNK) {
            repack(common, i, Math.min(count, i + CHUNK));
        }
    }

    /** {@link #skipCommonPrefix} for the records {@code [from, to)}. */
    private void repack(int common, int from, int to) {
        long differ1 = this.differ1;
        long differ2 = this.differ2;
        for (int i = from; i < to; i++) {
            int start = keyStart[i];
            int first = WritableUtils.decodeVIntSize(data[start]);
            int keyFrom = start + first + WritableUtils.decodeVIntSize(data[start + first]) + common;
            int end = start + keyBytes(start);
            prefix1[i] = pack(data, keyFrom, end);
            prefix2[i] = pack(data, keyFrom + 8, end);
            differ1 |= prefix1[i] ^ prefix1[0]; // the first record's, set first
            differ2 |= prefix2[i] ^ prefix2[0];
        }
        this.differ1 = differ1;
        this.differ2 = differ2;
    }

    /** Eight key bytes from {@code from}, zero-padded past {@code end}, big-endian: they compare as unsigned longs. */
    static long pack(byte[] bytes, int from, int end) {
        if (from + 8 <= end) {
            return (long) BIG_ENDIAN_LONG.get(bytes, from);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int at = from + i;
            value = (value << 8) | (at < end ? bytes[at] & 0xFF : 0);
        }
        return value;
    }

    private void grow() {
        // The buffer spills before it holds more records than capacity / RECORD_OVERHEAD.
        int size = (int) grownSize(count, partition.length, capacity / RECORD_OVERHEAD + 1);
        partition = Arrays.copyOf(partition, size);
        keyStart = Arrays.copyOf(keyStart, size);
        prefix1 = Arrays.copyOf(prefix1, size);
        prefix2 = Arrays.copyOf(prefix2, size);
    }

    /** Makes the sort's arrays large enough for the buffered records. */
    private void ensureSortArrays() {
        if (order.length < count) {
            int size = partition.length; // as many as the buffer holds: a later spill of a full buffer fits too
            order = new int[size];
            scratch = new int[size];
            sortKey = new long[size];
            sortScratch = new long[size];
        }
    }

    /** Sorts the buffered records and writes them as one spill file, one segment per partition. */
    private void spill() throws IOException {
        addToCounters();
        int[] bucketStart = new int[partitions + 1];
        for (int i = 0; i < count; i += CHUNK) {
            countPartitions(bucketStart, i, Math.min(count, i + CHUNK));
        }
        for (int p = 0; p < partitions; p++) {
            bucketStart[p + 1] += bucketStart[p];
        }
        skipCommonPrefix();
        SortKeyBytes keyBytes = SortKeyBytes.of(differ1, differ2);
        ensureSortArrays();
        int[] fill = Arrays.copyOf(bucketStart, partitions);
        for (int i = 0; i < count; i += CHUNK) {
            place(fill, keyBytes, i, Math.min(count, i + CHUNK));
        }
        for (int p = 0; p < partitions; p++) {
            sort(bucketStart[p], bucketStart[p + 1]);
        }
        int number = spills.size();
        long size = length + (long) partitions * 150;
        Path file = files.getSpillFileForWrite(number, size);
        SpillRecord index = new SpillRecord(partitions);
        if (codec == null) {
            try (SpillSegments out =
                    new SpillSegments(java.nio.file.Path.of(file.toUri().getPath()))) {
                for (int p = 0; p < partitions; p++) {
                    out.startSegment();
                    writeSegment(out, null, bucketStart[p], bucketStart[p + 1]);
                    index.putIndex(out.endSegment(), p);
                }
            }
            spilledRecords.increment(count);
        } else {
            try (FSDataOutputStream out = local.create(file)) {
                for (int p = 0; p < partitions; p++) {
                    long segmentStart = out.getPos();
                    IFile.Writer<KeyWritable, RowWritable> writer =
                            new IFile.Writer<>(job, out, KeyWritable.class, RowWritable.class, codec, spilledRecords);
                    writeSegment(writer.getOutputStream(), writer, bucketStart[p], bucketStart[p + 1]);
                    writer.close();
                    index.putIndex(
                            new IndexRecord(segmentStart, writer.getRawLength(), writer.getCompressedLength()), p);
                }
            }
        }
        spills.add(file);
        spillIndexes.add(index);
        length = 0;
        count = 0;
        differ1 = 0;
        differ2 = 0;
        reporter.progress();
    }

    /** Counts the records {@code [from, to)} of each partition into {@code bucketStart[partition + 1]}. */
    private void countPartitions(int[] bucketStart, int from, int to) {
        for (int i = from; i < to; i++) {
            bucketStart[partition[i] + 1]++;
        }
    }

    /** Puts the records {@code [from, to)} and their sort keys at the next places of their partitions. */
    private void place(int[] fill, SortKeyBytes keyBytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int at = fill[partition[i]]++;
            order[at] = keyStart[i];
            sortKey[at] = keyBytes == null ? prefix1[i] : keyBytes.key(prefix1[i], prefix2[i]);
        }
    }

    /**
     * Appends the records {@code order[from, to)} as IFile records ({@code vint keyLength, vint valueLength, key,
     * value}), staged in a buffer and written in bulk.
     *
     * <p>The records lie in arrival order, so in sorted order each is a cache miss (often a TLB miss too) somewhere
     * in the buffer. They are copied in batches: a first loop, a few instructions per record, looks up where each
     * record of the batch lies and reads its first and last byte, so that the processor has many of those misses in
     * flight at once; the copy loop then finds the batch's records in the cache.
     */
    private void writeSegment(java.io.OutputStream out, IFile.Writer<KeyWritable, RowWritable> writer, int from, int to)
            throws IOException {
        int staged = 0;
        for (int batch = from; batch < to; batch += COPY_BATCH) {
            int end = Math.min(to, batch + COPY_BATCH);
            touches += locate(batch, end);
            staged = copyBatch(writer, out, end - batch, staged);
        }
        out.write(stage, 0, staged);
    }

    /**
     * Notes where the records {@code order[from, to)} lie in the batch arrays and reads their first and last bytes;
     * returns the sum of those bytes, which the caller keeps so that the reads are not left out.
     */
    private int locate(int from, int to) {
        int touched = 0;
        // First the records' first bytes alone: loads that depend on nothing but the order array, so that the
        // processor has the whole batch's cache misses in flight at once; reading the lengths below depends on them.
        int last = length - 1;
        for (int i = from; i < to; i++) {
            int start = order[i];
            touched += data[start] + data[Math.min(start + TOUCH_SPAN, last)];
        }
        for (int i = from; i < to; i++) {
            int start = order[i];
            int keyBytes = keyBytes(start);
            int valueBytes = serializedBytes(start + keyBytes);
            batchStarts[i - from] = start;
            batchKeyBytes[i - from] = keyBytes;
            batchValueBytes[i - from] = valueBytes;
            touched += data[start] + data[start + keyBytes + valueBytes - 1];
        }
        return touched;
    }

    /**
     * Stages (and writes when the stage is full) the records of one batch; returns the bytes left staged. The
     * records are counted into {@code writer}'s lengths, when they are written through one (compressed).
     */
    private int copyBatch(
            IFile.Writer<KeyWritable, RowWritable> writer, java.io.OutputStream out, int records, int staged)
            throws IOException {
        for (int r = 0; r < records; r++) {
            int start = batchStarts[r];
            int keyBytes = batchKeyBytes[r];
            int valueBytes = batchValueBytes[r];
            if (staged + keyBytes + valueBytes + 10 > stage.length) {
                out.write(stage, 0, staged);
                staged = 0;
            }
            int headerStart = staged;
            staged = putVInt(stage, staged, keyBytes);
            staged = putVInt(stage, staged, valueBytes);
            if (writer != null) {
                writer.updateCountersForExternalAppend(staged - headerStart + keyBytes + valueBytes);
            }
            if (keyBytes + valueBytes + 10 > stage.length) {
                out.write(stage, 0, staged);
                out.write(data, start, keyBytes + valueBytes);
                staged = 0;
            } else {
                System.arraycopy(data, start, stage, staged, keyBytes + valueBytes);
                staged += keyBytes + valueBytes;
            }
        }
        return staged;
    }

    /** The bytes of the serialized key starting at {@code start} in {@code data}: its two vint lengths and its bytes. */
    private int keyBytes(int start) {
        int lengthBytes = WritableUtils.decodeVIntSize(data[start]);
        return lengthBytes + WritableUtils.decodeVIntSize(data[start + lengthBytes]) + vint(data, start, lengthBytes);
    }

    /** The bytes of the vint length at {@code start} in {@code data} and of the bytes it counts. */
    private int serializedBytes(int start) {
        int lengthBytes = WritableUtils.decodeVIntSize(data[start]);
        return lengthBytes + vint(data, start, lengthBytes);
    }

    /** The non-negative vint of {@code size} bytes at {@code at} in {@code bytes}, as {@link #putVInt} writes it. */
    private static int vint(byte[] bytes, int at, int size) {
        if (size == 1) {
            return bytes[at];
        }
        int value = 0;
        for (int i = 1; i < size; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** Writes a non-negative int as Hadoop's vint ({@code WritableUtils.writeVInt}); returns the position after it. */
    private static int putVInt(byte[] target, int at, int value) {
        if (value >= -112 && value <= 127) {
            target[at] = (byte) value;
            return at + 1;
        }
        int bytes = 0;
        for (int t = value; t != 0; t >>>= 8) {
            bytes++;
        }
        target[at++] = (byte) (-112 - bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            target[at++] = (byte) (value >> shift);
        }
        return at;
    }

    /**
     * Sorts the records {@code order[from, to)} of one partition, whose first eight key bytes are in {@code sortKey}
     * at the same places and move with them: a radix sort by those bytes, then a comparison sort of each run of
     * records whose first eight bytes are equal, by the rest of their keys. The radix sort moves every record once per
     * byte that differs between records, where a comparison sort took about log2(n) mispredicted branches per record.
     */
    private void sort(int from, int to) {
        if (to - from < RADIX_MIN) {
            mergeSort(from, to);
            return;
        }
        radixSort(from, to);
        int run = from;
        for (int i = from + 1; i <= to; i += CHUNK) {
            run = sortRuns(run, i, Math.min(to + 1, i + CHUNK), to);
        }
    }

    /**
     * Sorts, by their whole keys, the runs of records with equal sort keys that end in {@code [from, end)} (the one
     * in progress began at {@code run}; {@code to} ends the partition); returns where the run in progress began.
     */
    private int sortRuns(int run, int from, int end, int to) {
        for (int i = from; i < end; i++) {
            if (i == to || sortKey[i] != sortKey[run]) {
                if (i - run > 1) {
                    mergeSort(run, i);
                }
                run = i;
            }
        }
        return run;
    }

    /**
     * Stable least-significant-byte-first radix sort of {@code sortKey[from, to)} as unsigned longs, moving {@code
     * order} along; bytes that are the same in every key are skipped.
     */
    private void radixSort(int from, int to) {
        int[] counts = radixCounts;
        Arrays.fill(counts, 0);
        for (int i = from; i < to; i += CHUNK) {
            countDigits(counts, i, Math.min(to, i + CHUNK));
        }
        long first = sortKey[from];
        long[] keys = sortKey;
        long[] keysTo = sortScratch;
        int[] records = order;
        int[] recordsTo = scratch;
        for (int b = 0; b < 8; b++) {
            int shift = b << 3;
            int base = b << 8;
            if (counts[base | (int) (first >>> shift) & 0xFF] == to - from) {
                continue;
            }
            int offset = from;
            for (int digit = 0; digit < 256; digit++) {
                int count = counts[base | digit];
                counts[base | digit] = offset;
                offset += count;
            }
            for (int i = from; i < to; i += CHUNK) {
                scatter(keys, records, keysTo, recordsTo, counts, b, i, Math.min(to, i + CHUNK));
            }
            long[] swapKeys = keys;
            keys = keysTo;
            keysTo = swapKeys;
            int[] swapRecords = records;
            records = recordsTo;
            recordsTo = swapRecords;
        }
        if (keys != sortKey) {
            System.arraycopy(keys, from, sortKey, from, to - from);
            System.arraycopy(records, from, order, from, to - from);
        }
    }

    /** Counts each byte value of each of the eight bytes of the sort keys {@code [from, to)}. */
    private void countDigits(int[] counts, int from, int to) {
        for (int i = from; i < to; i++) {
            long key = sortKey[i];
            for (int b = 0; b < 8; b++) {
                counts[b << 8 | (int) (key >>> (b << 3)) & 0xFF]++;
            }
        }
    }

    /** Moves the keys {@code [from, to)} and their records to their places by byte {@code b} of the key. */
    private static void scatter(
            long[] keys, int[] records, long[] keysTo, int[] recordsTo, int[] counts, int b, int from, int to) {
        int shift = b << 3;
        int base = b << 8;
        for (int i = from; i < to; i++) {
            long key = keys[i];
            int at = counts[base | (int) (key >>> shift) & 0xFF]++;
            keysTo[at] = key;
            recordsTo[at] = records[i];
        }
    }

    /**
     * Merge sort of the records {@code order[from, to)} of one partition, whose first key bytes are in {@code
     * sortKey} at the same places and move with them: most comparisons read those two arrays in order.
     */
    private void mergeSort(int from, int to) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int record = order[i];
                long key = sortKey[i];
                int j = i - 1;
                while (j >= from && compare(sortKey[j], order[j], key, record) > 0) {
                    order[j + 1] = order[j];
                    sortKey[j + 1] = sortKey[j];
                    j--;
                }
                order[j + 1] = record;
                sortKey[j + 1] = key;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(from, middle);
        mergeSort(middle, to);
        if (compare(sortKey[middle - 1], order[middle - 1], sortKey[middle], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        System.arraycopy(sortKey, from, sortScratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            boolean takeLeft = right >= to
                    || (left < middle
                            && compare(sortScratch[left], scratch[left], sortScratch[right], scratch[right]) <= 0);
            int take = takeLeft ? left++ : right++;
            order[i] = scratch[take];
            sortKey[i] = sortScratch[take];
        }
    }

    /**
     * Compares two records of one partition, starting at {@code a} and {@code b} in {@code data}, by their sort keys,
     * then, when those are equal, by their whole keys.
     */
    private int compare(long keyA, int a, long keyB, int b) {
        if (keyA != keyB) {
            return Long.compareUnsigned(keyA, keyB);
        }
        return comparator.compare(data, a, keyBytes(a), data, b, keyBytes(b));
    }

    @Override
    public void flush() throws IOException {
        if (count > 0 || spills.isEmpty()) {
            spill();
        }
        releaseBuffers();
        Path first = spills.get(0);
        if (spills.size() == 1) {
            Path output = files.getOutputFileForWriteInVolume(first);
            if (!local.rename(first, output)) {
                throw new IOException("cannot move map output " + first + " to " + output);
            }
            spillIndexes.get(0).writeToFile(files.getOutputIndexFileForWriteInVolume(first), job);
            return;
        }
        merge();
    }

    /** Merges the spills partition by partition into the task's output file, as Hadoop's collector does. */
    private void merge() throws IOException {
        long size = 0;
        for (Path spill : spills) {
            size += local.getFileStatus(spill).getLen();
        }
        Path output = files.getOutputFileForWrite(size);
        Path indexFile = files.getOutputIndexFileForWrite((long) partitions * 24);
        SpillRecord index = new SpillRecord(partitions);
        int factor = job.getInt(MRJobConfig.IO_SORT_FACTOR, MRJobConfig.DEFAULT_IO_SORT_FACTOR);
        try (FSDataOutputStream out = local.create(output, true)) {
            for (int p = 0; p < partitions; p++) {
                List<Merger.Segment<KeyWritable, RowWritable>> segments = new ArrayList<>();
                for (int s = 0; s < spills.size(); s++) {
                    IndexRecord record = spillIndexes.get(s).getIndex(p);
                    segments.add(new Merger.Segment<>(
                            job, local, spills.get(s), record.startOffset, record.partLength, codec, true));
                }
                RawKeyValueIterator merged = Merger.merge(
                        job,
                        local,
                        KeyWritable.class,
                        RowWritable.class,
                        codec,
                        segments,
                        factor,
                        new Path(taskId),
                        comparator,
                        reporter,
                        false,
                        null,
                        spilledRecords,
                        new Progress(),
                        TaskType.MAP);
                long segmentStart = out.getPos();
                IFile.Writer<KeyWritable, RowWritable> writer =
                        new IFile.Writer<>(job, out, KeyWritable.class, RowWritable.class, codec, spilledRecords);
                Merger.writeFile(merged, writer, reporter, job);
                writer.close();
                index.putIndex(new IndexRecord(segmentStart, writer.getRawLength(), writer.getCompressedLength()), p);
            }
        }
        index.writeToFile(indexFile, job);
        for (Path spill : spills) {
            local.delete(spill, false);
        }
    }

    @Override
    public void close() {
        data = null; // not handed on: a collector closed without a flush may have failed midway
    }
}
