package io.sluice.classify.text;

import java.util.List;

/**
 * One record of a delimited text.
 *
 * @param fields the field values, unquoted and unescaped
 * @param endLine the number of lines read up to the end of this record (blank lines before it included)
 */
record Row(List<String> fields, long endLine) {
    Row {
        fields = List.copyOf(fields);
    }

    int size() {
        return fields.size();
    }

    /** The value of field {@code i}, or empty text for a short record, as Hive reads it. */
    String field(int i) {
        return i < fields.size() ? fields.get(i) : "";
    }
}
