package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.Classification;
import java.util.Optional;

/**
 * What the crawl learnt about one file: its classification, or the problem that kept it from being classified.
 * Files beyond a folder's sample limit are not read; they take the verdict of their folder's sampled files.
 *
 * @param sampled whether the classifiers read this file
 * @param compression the Glue {@code compressionType} of the file, from its name, empty when not compressed
 */
public record FileVerdict(
        DataFile file,
        Optional<Classification> classification,
        Optional<String> problem,
        boolean sampled,
        Optional<String> compression) {
    public FileVerdict {
        requireNonNull(file, "file is null");
        requireNonNull(classification, "classification is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(compression, "compression is null");
    }

    static FileVerdict classified(DataFile file, Classification classification, Optional<String> compression) {
        return new FileVerdict(file, Optional.of(classification), Optional.empty(), true, compression);
    }

    static FileVerdict failed(DataFile file, String problem, Optional<String> compression) {
        return new FileVerdict(file, Optional.empty(), Optional.of(problem), true, compression);
    }

    static FileVerdict unknown(DataFile file, Optional<String> compression) {
        return new FileVerdict(
                file, Optional.empty(), Optional.of("no classifier recognised the format"), true, compression);
    }

    /** A file that was not read, taking the classification of a sampled file in the same folder. */
    static FileVerdict inherited(DataFile file, Classification classification, Optional<String> compression) {
        return new FileVerdict(file, Optional.of(classification), Optional.empty(), false, compression);
    }
}
