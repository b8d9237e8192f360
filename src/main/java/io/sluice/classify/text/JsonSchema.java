package io.sluice.classify.text;

import io.sluice.classify.InferredColumn;
import io.sluice.classify.TemporalFormat;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of JSON records: the union of their top-level fields in first-seen order, each the merge of its values
 * over all records (see {@link JsonShape}), with the evidence for its type.
 */
final class JsonSchema {
    private static final int EXAMPLES = 3;

    private final Map<String, ColumnEvidence> columns = new LinkedHashMap<>();
    private long records;

    /** Adds one record: an object's shape, or {@link JsonShape#ABSENT} for an empty object. */
    void add(JsonShape record) {
        records++;
        if (record instanceof JsonShape.Struct struct) {
            struct.fields().forEach((name, shape) -> columns.computeIfAbsent(name, n -> new ColumnEvidence())
                    .add(shape));
        }
    }

    long records() {
        return records;
    }

    List<InferredColumn> columns() {
        List<InferredColumn> inferred = new ArrayList<>(columns.size());
        columns.forEach((name, evidence) -> inferred.add(evidence.column(name, records)));
        return inferred;
    }

    /** The date/timestamp format of each string place, by path ({@code created}, {@code order.placed_at}, ...). */
    Map<String, TemporalFormat> formats() {
        Map<String, TemporalFormat> formats = new LinkedHashMap<>();
        columns.forEach((name, evidence) -> evidence.shape.formats(name, formats));
        return formats;
    }

    /** What one top-level field held across records. */
    private static final class ColumnEvidence {
        private JsonShape shape = JsonShape.ABSENT;
        private final Set<String> kinds = new LinkedHashSet<>();
        private final Set<String> examples = new LinkedHashSet<>();
        private long present;

        void add(JsonShape value) {
            shape = JsonShape.merge(shape, value);
            if (value instanceof JsonShape.Absent) {
                return;
            }
            present++;
            kinds.add(value.kind());
            if (examples.size() < EXAMPLES) {
                value.example().ifPresent(examples::add);
            }
        }

        InferredColumn column(String name, long records) {
            return new InferredColumn(name, shape.type(), reason(records));
        }

        private String reason(long records) {
            DataType type = shape.type();
            if (present == 0) {
                return type + ": only nulls, empty arrays or empty objects in the sample";
            }
            String where = " in " + present + " of " + records + " records";
            String reason;
            if (kinds.size() > 1) {
                reason = type + ": values of different JSON kinds (" + String.join(", ", kinds) + ")" + where;
            } else if (shape instanceof JsonShape.Text text && text.format().isPresent()) {
                reason = type + ": all strings" + where + " match "
                        + text.format().get().pattern();
            } else if (shape instanceof JsonShape.Text) {
                reason = type + ": strings" + where + ", not all in one date or timestamp format";
            } else {
                reason = type + ": " + kinds.iterator().next() + " values" + where + numberNote(type);
            }
            return examples.isEmpty() ? reason : reason + ", e.g. " + String.join(", ", examples);
        }

        private static String numberNote(DataType type) {
            return type == PrimitiveType.DOUBLE ? " (with a fraction or exponent; JSON keeps no scale)" : "";
        }
    }
}
