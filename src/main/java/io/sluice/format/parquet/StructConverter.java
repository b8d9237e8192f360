package io.sluice.format.parquet;

import io.sluice.row.Row;

/** A struct value: a new row per occurrence, since callers may keep the values of a row they read. */
final class StructConverter extends FieldsConverter {
    private final int width;
    private final ValueReceiver receiver;
    private Row current;

    StructConverter(ReadNode.Struct node, ValueReceiver receiver, RecordProblems problems) {
        super(node, problems);
        this.width = node.width();
        this.receiver = receiver;
    }

    @Override
    Row row() {
        return current;
    }

    @Override
    public void start() {
        current = new Row(width);
    }

    @Override
    public void end() {
        finishRow();
        receiver.receive(current);
    }
}
