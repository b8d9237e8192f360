package io.sluice.format.parquet;

import io.sluice.row.Row;

/** Fills the caller's row with one record. */
final class RootConverter extends FieldsConverter {
    private final RecordProblems problems;
    private Row target;

    RootConverter(ReadNode.Struct node, RecordProblems problems) {
        super(node, problems);
        this.problems = problems;
    }

    void target(Row row) {
        this.target = row;
    }

    @Override
    Row row() {
        return target;
    }

    @Override
    public void start() {
        // Columns the file lacks are never visited: clearing first makes them null.
        target.clear();
        problems.clear();
    }

    @Override
    public void end() {
        finishRow();
    }
}
