package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A spill's sort key from the key bytes that differ between its records. */
class SortKeyBytesTest {
    /** Prefixes whose bytes at the positions {@code varying} (0-15) are random and the others fixed. */
    private static long[][] prefixes(Random random, int count, int... varying) {
        long[][] prefixes = new long[2][count];
        long fixed1 = random.nextLong();
        long fixed2 = random.nextLong();
        for (int i = 0; i < count; i++) {
            long first = fixed1;
            long second = fixed2;
            for (int position : varying) {
                int shift = 56 - 8 * (position % 8);
                long value = (long) random.nextInt(3) << shift; // few values: many ties
                if (position < 8) {
                    first = first & ~(0xFFL << shift) | value;
                } else {
                    second = second & ~(0xFFL << shift) | value;
                }
            }
            prefixes[0][i] = first;
            prefixes[1][i] = second;
        }
        return prefixes;
    }

    /** The key bytes of the records' prefixes, as the collector finds them while it collects them. */
    private static SortKeyBytes keyBytes(long[] first, long[] second, int count) {
        long differ1 = 0;
        long differ2 = 0;
        for (int i = 0; i < count; i++) {
            differ1 |= first[i] ^ first[0];
            differ2 |= second[i] ^ second[0];
        }
        return SortKeyBytes.of(differ1, differ2);
    }

    private static int compareWhole(long[][] prefixes, int a, int b) {
        int c = Long.compareUnsigned(prefixes[0][a], prefixes[0][b]);
        return c != 0 ? c : Long.compareUnsigned(prefixes[1][a], prefixes[1][b]);
    }

    @Test
    void keysOrderRecordsAsTheirSixteenBytesDoWhereTheyDiffer() {
        Random random = new Random(3);
        int[][] layouts = {
            {5, 6, 7, 10, 11, 12, 13, 14}, // a bigint's low bytes, then a timestamp's after a null flag
            {0, 9},
            {7, 8},
            {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
            {15},
            {3, 12, 13, 14, 15}
        };
        for (int[] varying : layouts) {
            long[][] prefixes = prefixes(random, 400, varying);
            SortKeyBytes keys = keyBytes(prefixes[0], prefixes[1], 400);
            assertThat(keys)
                    .as("varying %s", java.util.Arrays.toString(varying))
                    .isNotNull();
            for (int a = 0; a < 400; a++) {
                for (int b = 0; b < 400; b++) {
                    int byKey = Long.compareUnsigned(
                            keys.key(prefixes[0][a], prefixes[1][a]), keys.key(prefixes[0][b], prefixes[1][b]));
                    int whole = compareWhole(prefixes, a, b);
                    if (byKey != 0) {
                        assertThat(Integer.signum(byKey)).isEqualTo(Integer.signum(whole));
                    }
                    if (whole == 0) {
                        assertThat(byKey).isZero();
                    }
                }
            }
        }
    }

    @Test
    void takesTheBytesThatDifferHighFirst() {
        long[] first = {0x0011_2233_4455_6677L, 0x0011_2233_4455_6678L};
        long[] second = {0xAA00_0000_0000_0000L, 0xBB00_0000_0000_0000L};

        SortKeyBytes keys = keyBytes(first, second, 2);

        assertThat(keys.key(first[0], second[0])).isEqualTo(0x77AA_0000_0000_0000L);
        assertThat(keys.key(first[1], second[1])).isEqualTo(0x78BB_0000_0000_0000L);
    }

    @Test
    void noneWhenTheFirstPrefixLeadsAnyway() {
        Random random = new Random(4);
        long[][] leading = prefixes(random, 100, 0, 1, 2);
        long[][] all = prefixes(random, 100, 0, 1, 2, 3, 4, 5, 6, 7, 8);
        long[][] same = prefixes(random, 100);

        assertThat(keyBytes(leading[0], leading[1], 100)).isNull();
        assertThat(keyBytes(all[0], all[1], 100)).isNull();
        assertThat(keyBytes(same[0], same[1], 100)).isNull();
    }
}
