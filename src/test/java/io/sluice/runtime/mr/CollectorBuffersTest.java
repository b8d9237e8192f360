package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.mapreduce.JobID;
import org.junit.jupiter.api.Test;

/** Buffers pass from a finished map task to one still to start, and are never held once none is. */
class CollectorBuffersTest {
    private static CollectorBuffers buffers() {
        return new CollectorBuffers(
                new byte[8],
                new int[4],
                new int[4],
                new long[4],
                new long[4],
                new int[4],
                new int[4],
                new long[4],
                new long[4]);
    }

    @Test
    void aFinishedTaskHandsItsBuffersToTheNextTaskOfItsJob() {
        JobID job = new JobID("buffers", 1);
        CollectorBuffers first = buffers();

        assertThat(CollectorBuffers.start(job, 3)).isEmpty();
        assertThat(CollectorBuffers.start(job, 3)).isEmpty();
        CollectorBuffers.release(job, 3, first);

        assertThat(CollectorBuffers.start(job, 3)).containsSame(first);
        assertThat(CollectorBuffers.kept()).isZero();
    }

    @Test
    void buffersAreNotKeptOnceTheLastTaskHasStarted() {
        JobID job = new JobID("buffers", 2);
        CollectorBuffers.start(job, 3);
        CollectorBuffers.start(job, 3);
        CollectorBuffers.release(job, 3, buffers());
        CollectorBuffers.release(job, 3, buffers());
        assertThat(CollectorBuffers.kept()).isEqualTo(2);

        assertThat(CollectorBuffers.start(job, 3)).isPresent();
        assertThat(CollectorBuffers.kept())
                .as("the last task took one, the other is let go")
                .isZero();
        CollectorBuffers.release(job, 3, buffers());
        assertThat(CollectorBuffers.kept()).isZero();
    }

    @Test
    void aTaskOfAnotherJobDropsWhatAnEarlierJobLeft() {
        JobID earlier = new JobID("buffers", 3);
        JobID later = new JobID("buffers", 4);
        CollectorBuffers.start(earlier, 5);
        CollectorBuffers.release(earlier, 5, buffers());

        assertThat(CollectorBuffers.start(later, 2)).isEmpty();
        CollectorBuffers.release(earlier, 5, buffers());
        assertThat(CollectorBuffers.kept()).isZero();
    }
}
