package io.sluice.runtime.mr;

/**
 * The sort key of a spill's records when their first eight key bytes hold bytes that are the same in every record:
 * the first eight of their first sixteen key bytes that are not, in order. A key of a bigint and a timestamp, say, has
 * a null flag between them and high bytes that a few months of timestamps share: its first eight bytes stop at the
 * hour, so many records tie and go through a comparison sort, where the bytes that differ reach the second.
 *
 * <p>Bytes equal in every record cannot decide the order of two of them: where two keys first differ, the records do
 * not all agree. So comparing the bytes that differ somewhere, in their order, orders the records as comparing the
 * sixteen bytes does; records whose taken bytes are equal are then compared by their prefixes and, those equal too,
 * whole.
 */
final class SortKeyBytes {
    /** The runs of taken bytes: which prefix (0 or 1), the shift that brings the run down, its mask and width. */
    private final int[] prefix;

    private final int[] shift;
    private final long[] mask;
    private final int[] bits;
    private final int tail;

    private SortKeyBytes(int[] prefix, int[] shift, long[] mask, int[] bits, int tail) {
        this.prefix = prefix;
        this.shift = shift;
        this.mask = mask;
        this.bits = bits;
        this.tail = tail;
    }

    /**
     * The key bytes of records whose first and second prefixes (big-endian: byte 0 is the high byte of the first)
     * differ from one record's in the bits {@code differ1} and {@code differ2}, or null when the first eight bytes
     * that differ are those of the first prefix anyway (or no byte differs).
     */
    static SortKeyBytes of(long differ1, long differ2) {
        int[] positions = new int[Long.BYTES];
        int taken = 0;
        for (int position = 0; position < 2 * Long.BYTES && taken < Long.BYTES; position++) {
            long differ = position < Long.BYTES ? differ1 : differ2;
            int shift = Long.SIZE - Byte.SIZE * (position % Long.BYTES + 1);
            if ((differ >>> shift & 0xFF) != 0) {
                positions[taken++] = position;
            }
        }
        if (taken == 0 || positions[taken - 1] == taken - 1) {
            return null; // the first prefix's own bytes lead: nothing to gain
        }
        // Runs of consecutive positions within one prefix.
        int runs = 0;
        int[] runStart = new int[taken];
        int[] runLength = new int[taken];
        for (int i = 0; i < taken; i++) {
            int position = positions[i];
            if (runs > 0
                    && position == runStart[runs - 1] + runLength[runs - 1]
                    && position / Long.BYTES == runStart[runs - 1] / Long.BYTES) {
                runLength[runs - 1]++;
            } else {
                runStart[runs] = position;
                runLength[runs] = 1;
                runs++;
            }
        }
        int[] prefix = new int[runs];
        int[] shift = new int[runs];
        long[] mask = new long[runs];
        int[] bits = new int[runs];
        for (int r = 0; r < runs; r++) {
            prefix[r] = runStart[r] / Long.BYTES;
            int lastByte = runStart[r] % Long.BYTES + runLength[r] - 1;
            shift[r] = Long.SIZE - Byte.SIZE * (lastByte + 1);
            bits[r] = Byte.SIZE * runLength[r];
            mask[r] = bits[r] == Long.SIZE ? -1L : (1L << bits[r]) - 1;
        }
        return new SortKeyBytes(prefix, shift, mask, bits, Long.SIZE - Byte.SIZE * taken);
    }

    /** The sort key of a record with these prefixes: its taken bytes, high first, zeros after them. */
    long key(long first, long second) {
        long key = 0;
        for (int r = 0; r < prefix.length; r++) {
            long run = (prefix[r] == 0 ? first : second) >>> shift[r] & mask[r];
            key = bits[r] == Long.SIZE ? run : key << bits[r] | run;
        }
        return key << tail;
    }
}
