package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What reading a JSON sample found.
 *
 * @param layout how the records are laid out
 * @param schema the columns of the records read
 * @param rejected records that are not JSON objects (not JSON, or another JSON value), with their line
 * @param emptyKeys values skipped because their key was empty
 */
record JsonScan(JsonLayout layout, JsonSchema schema, List<Rejected> rejected, long emptyKeys) {
    JsonScan {
        requireNonNull(layout, "layout is null");
        requireNonNull(schema, "schema is null");
        rejected = List.copyOf(rejected);
    }

    /** A line or array element that is not a JSON object, and why. */
    record Rejected(long line, String problem) {
        @Override
        public String toString() {
            return "line " + line + ": " + problem;
        }
    }
}
