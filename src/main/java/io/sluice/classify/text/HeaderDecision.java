package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

/**
 * Whether the first record of a delimited text names its columns.
 *
 * @param present true when the first record is a header
 * @param evidence why, for the classification's reasons
 */
record HeaderDecision(boolean present, String evidence) {
    HeaderDecision {
        requireNonNull(evidence, "evidence is null");
    }

    static HeaderDecision header(String evidence) {
        return new HeaderDecision(true, "header: " + evidence);
    }

    static HeaderDecision none(String evidence) {
        return new HeaderDecision(false, "no header: " + evidence);
    }
}
