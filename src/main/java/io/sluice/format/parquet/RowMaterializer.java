package io.sluice.format.parquet;

import io.sluice.row.Row;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/** Materializes each Parquet record into the row the reader was given, not into a new one. */
final class RowMaterializer extends RecordMaterializer<Row> {
    private final RootConverter root;
    private Row target;

    RowMaterializer(ReadNode.Struct plan, RecordProblems problems) {
        this.root = new RootConverter(plan, problems);
    }

    /** The row the next record fills. */
    void target(Row row) {
        this.target = row;
        root.target(row);
    }

    @Override
    public Row getCurrentRecord() {
        return target;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
