package io.sluice.classify.text;

import io.sluice.classify.InferredColumn;
import io.sluice.classify.ValueInference;
import java.util.ArrayList;
import java.util.List;

/** Column types of a delimited text: {@link ValueInference} over each column's values in the sampled records. */
final class DelimitedSchema {
    private DelimitedSchema() {}

    static List<TypedColumn> infer(List<String> names, List<Row> rows) {
        List<TypedColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(infer(names.get(i), rows, i));
        }
        return columns;
    }

    private static TypedColumn infer(String name, List<Row> rows, int index) {
        ValueInference inference = new ValueInference();
        for (Row row : rows) {
            inference.add(row.field(index));
        }
        ValueInference.Inferred inferred = inference.result();
        return new TypedColumn(new InferredColumn(name, inferred.type(), inferred.reason()), inferred.format());
    }
}
