package io.sluice.format.parquet;

import io.sluice.row.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/** Assembles the fields of a group into a row: the record's row at the root, a struct value below it. */
abstract class FieldsConverter extends GroupConverter {
    private final Converter[] converters;
    private final int[] bareRepeated;

    FieldsConverter(ReadNode.Struct node, RecordProblems problems) {
        List<ReadNode.Field> fields = node.fields();
        converters = new Converter[fields.size()];
        for (int i = 0; i < converters.length; i++) {
            ReadNode.Field field = fields.get(i);
            int position = field.tablePosition();
            ValueReceiver receiver =
                    field.bareRepeated() ? value -> append(position, value) : value -> row().set(position, value);
            converters[i] = Converters.of(field.node(), receiver, problems);
        }
        bareRepeated = fields.stream()
                .filter(ReadNode.Field::bareRepeated)
                .mapToInt(ReadNode.Field::tablePosition)
                .toArray();
    }

    /** The row being assembled. */
    abstract Row row();

    @Override
    public final Converter getConverter(int fieldIndex) {
        return converters[fieldIndex];
    }

    /** Completes the row: a bare repeated field that did not occur is an empty list, not null. */
    final void finishRow() {
        Row row = row();
        for (int position : bareRepeated) {
            if (row.get(position) == null) {
                row.set(position, new ArrayList<>(0));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void append(int position, Object value) {
        Row row = row();
        List<Object> list = (List<Object>) row.get(position);
        if (list == null) {
            list = new ArrayList<>();
            row.set(position, list);
        }
        list.add(value);
    }
}
