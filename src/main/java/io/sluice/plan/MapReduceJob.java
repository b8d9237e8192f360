package io.sluice.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One Hadoop MapReduce job of a plan: what its mappers read and run, the shuffle (none for a map-only job), the stage
 * that consumes the shuffle in the reducer and the stages fused after it, and where its output goes.
 *
 * @param inputs what the mappers read: the job's source, named sources (joins), or the previous job's output
 * @param mapSide stages run in the mapper, fused, in order
 * @param shuffleStage the stage whose grouping or order the shuffle provides, run in the reducer
 * @param reduceSide stages run in the reducer after the shuffle stage, fused, in order
 * @param finalOutput whether the job writes the job's output (else intermediate data for the next job)
 */
public record MapReduceJob(
        int number,
        List<String> inputs,
        List<PlannedStage> mapSide,
        Optional<Shuffle> shuffle,
        Optional<PlannedStage> shuffleStage,
        List<PlannedStage> reduceSide,
        boolean finalOutput) {

    public MapReduceJob {
        inputs = List.copyOf(inputs);
        mapSide = List.copyOf(mapSide);
        requireNonNull(shuffle, "shuffle is null");
        requireNonNull(shuffleStage, "shuffleStage is null");
        reduceSide = List.copyOf(reduceSide);
        if (shuffle.isPresent() != shuffleStage.isPresent()) {
            throw new IllegalArgumentException("a shuffle and its stage go together");
        }
    }

    public boolean mapOnly() {
        return shuffle.isEmpty();
    }
}
