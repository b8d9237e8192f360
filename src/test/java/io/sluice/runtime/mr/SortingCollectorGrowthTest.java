package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the collector's buffers grow: to what the whole input needs at the rate so far, once the rate means something. */
class SortingCollectorGrowthTest {
    private static final long NO_LIMIT = Long.MAX_VALUE / 4;

    @Test
    void earlyInTheInputABufferDoubles() {
        assertThat(SortingCollector.grownSize(1024, 1024, NO_LIMIT, 0f)).isEqualTo(2048);
        assertThat(SortingCollector.grownSize(1024, 1024, NO_LIMIT, 0.01f)).isEqualTo(2048);
    }

    @Test
    void laterItGrowsToWhatTheWholeInputNeedsAtTheRateSoFarAndATenthMore() {
        // A quarter of the input gave 100,000 records: the whole gives 400,000, and 440,000 leave room.
        assertThat(SortingCollector.grownSize(100_000, 100_000, NO_LIMIT, 0.25f))
                .isEqualTo(440_000);
    }

    @Test
    void aProjectionGrowsByAnEighthAtLeastAndEightTimesAtMost() {
        assertThat(SortingCollector.grownSize(100_000, 100_000, NO_LIMIT, 0.99f))
                .isEqualTo(112_500);
        assertThat(SortingCollector.grownSize(10_000, 10_000, NO_LIMIT, 0.02f)).isEqualTo(80_000);
    }

    @Test
    void aFinishedInputOrAnUnknownOneDoubles() {
        assertThat(SortingCollector.grownSize(5_000, 5_000, NO_LIMIT, 1f)).isEqualTo(10_000);
        assertThat(SortingCollector.grownSize(5_000, 5_000, NO_LIMIT, -1f)).isEqualTo(10_000);
    }

    @Test
    void itStopsAtTheLimitYetAlwaysGrows() {
        assertThat(SortingCollector.grownSize(1_000, 1_000, 1_500, 0f)).isEqualTo(1_500);
        assertThat(SortingCollector.grownSize(100_000, 100_000, 300_000, 0.25f)).isEqualTo(300_000);
        assertThat(SortingCollector.grownSize(1_000, 1_000, 1_000, 0f)).isEqualTo(1_001);
    }
}
