package io.sluice.classify;

import java.util.Optional;

/**
 * Says what one file is: its format, schema, how certain, and why, from a sample of the file (see {@link FileSample}).
 *
 * <p>Contract: a classifier never reads a file whole (only the sample, or the footer/header through {@link
 * FileSample#open()}); it returns empty when the file is not of its format (certainty 0), and throws {@link
 * java.io.IOException} only when the file cannot be read at all. A file of its format that is damaged is reported
 * by throwing {@link CorruptFileException} with the reason.
 */
public interface Classifier {

    /** The name a crawler definition uses to refer to this classifier, such as {@code csv} or {@code apache_log}. */
    String name();

    Optional<Classification> classify(FileSample sample) throws java.io.IOException;
}
