package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.Classification;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the crawl learnt about one file: its classification, or the problem that kept it from being classified.
 * Files beyond a folder's sample limit are not read; they take the verdict of their folder's sampled files. In an
 * incremental crawl, files of folders the catalog already knows are not read either; they take the catalog's schema.
 *
 * @param source where the classification came from
 * @param records the exact number of records, where the classifier could tell (sampled files only)
 * @param compression the Glue {@code compressionType} of the file, from its name, empty when not compressed
 */
public record FileVerdict(
        DataFile file,
        Optional<Classification> classification,
        Optional<String> problem,
        Source source,
        OptionalLong records,
        Optional<String> compression) {
    public FileVerdict {
        requireNonNull(file, "file is null");
        requireNonNull(classification, "classification is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(source, "source is null");
        requireNonNull(records, "records is null");
        requireNonNull(compression, "compression is null");
    }

    /** Where a verdict came from. */
    public enum Source {
        /** The classifiers read the file's sample. */
        SAMPLED,
        /** Not read: the verdict of a sampled file in the same folder. */
        INHERITED,
        /** Not read: the folder is already in the catalog (incremental crawl). */
        CATALOGED
    }

    /** Whether the classifiers read this file. */
    public boolean sampled() {
        return source == Source.SAMPLED;
    }

    /** A file of a folder the catalog already knows, described by the catalog instead of being read. */
    static FileVerdict cataloged(DataFile file, Classification classification, Optional<String> compression) {
        return new FileVerdict(
                file,
                Optional.of(classification),
                Optional.empty(),
                Source.CATALOGED,
                OptionalLong.empty(),
                compression);
    }

    static FileVerdict classified(DataFile file, Classification classification, Optional<String> compression) {
        return classified(file, classification, classification.recordCount(), compression);
    }

    static FileVerdict classified(
            DataFile file, Classification classification, OptionalLong records, Optional<String> compression) {
        return new FileVerdict(
                file, Optional.of(classification), Optional.empty(), Source.SAMPLED, records, compression);
    }

    static FileVerdict failed(DataFile file, String problem, Optional<String> compression) {
        return new FileVerdict(
                file, Optional.empty(), Optional.of(problem), Source.SAMPLED, OptionalLong.empty(), compression);
    }

    static FileVerdict unknown(DataFile file, Optional<String> compression) {
        return new FileVerdict(
                file,
                Optional.empty(),
                Optional.of("no classifier recognised the format"),
                Source.SAMPLED,
                OptionalLong.empty(),
                compression);
    }

    /** A file that was not read, taking the classification of a sampled file in the same folder. */
    static FileVerdict inherited(DataFile file, Classification classification, Optional<String> compression) {
        return new FileVerdict(
                file,
                Optional.of(classification),
                Optional.empty(),
                Source.INHERITED,
                OptionalLong.empty(),
                compression);
    }
}
