package io.sluice.format.parquet;

/**
 * The first value of the current record that could not be converted. Converters report here instead of throwing, so
 * that Parquet's record assembly always finishes the record and the reader can go on with the next one.
 */
final class RecordProblems {
    private String column;
    private String reason;

    void report(String column, RuntimeException problem) {
        if (this.column == null) {
            this.column = column;
            this.reason = problem.getMessage() != null ? problem.getMessage() : problem.toString();
        }
    }

    boolean any() {
        return column != null;
    }

    String column() {
        return column;
    }

    String reason() {
        return reason;
    }

    void clear() {
        column = null;
        reason = null;
    }
}
