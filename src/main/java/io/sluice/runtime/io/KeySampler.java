package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Picks split points for {@link KeyRangePartitioner} from a sample of the input: encodes the grouping part of each
 * row's key, keeps a uniform sample of at most {@code capacity} of them (reservoir sampling, so the input may be any
 * size and is read once), and cuts the sorted sample into equal parts. Memory is the sample: {@code capacity} keys.
 */
public final class KeySampler {
    private final KeyCodec codec;
    private final int capacity;
    private final Random random;
    private final List<byte[]> sample = new ArrayList<>();
    private final BinaryOutput scratch = new BinaryOutput();
    private long seen;

    public KeySampler(KeyCodec codec, int capacity, long seed) {
        this.codec = requireNonNull(codec, "codec is null");
        if (capacity < 1) {
            throw new IllegalArgumentException("sample capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.random = new Random(seed);
    }

    /** Offers the key of one input row to the sample (not inlined by C2: bin/compiler-directives.json). */
    public void add(Row row) {
        seen++;
        long slot = seen <= capacity ? sample.size() : (long) (random.nextDouble() * seen);
        if (slot >= capacity) {
            return;
        }
        scratch.reset();
        int grouping = codec.encode(row, scratch);
        byte[] key = Arrays.copyOf(scratch.buffer(), grouping);
        if (slot == sample.size()) {
            sample.add(key);
        } else {
            sample.set((int) slot, key);
        }
    }

    /** Rows offered so far. */
    public long seen() {
        return seen;
    }

    /**
     * Up to {@code partitions - 1} increasing split points that cut the sample into {@code partitions} parts of about
     * equal size. Keys so frequent that two cuts fall on them give one split point, so there may be fewer.
     */
    public List<byte[]> splitPoints(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, got " + partitions);
        }
        List<byte[]> sorted = new ArrayList<>(sample);
        sorted.sort(Arrays::compareUnsigned);
        List<byte[]> points = new ArrayList<>();
        for (int i = 1; i < partitions && !sorted.isEmpty(); i++) {
            byte[] point = sorted.get((int) ((long) i * sorted.size() / partitions));
            boolean repeated = !points.isEmpty() && Arrays.equals(points.get(points.size() - 1), point);
            boolean belowAll = Arrays.compareUnsigned(point, sorted.get(0)) <= 0;
            if (!repeated && !belowAll) {
                points.add(point);
            }
        }
        return points;
    }
}
