package io.sluice.format.xml;

import io.sluice.row.Row;
import java.util.List;

/** An element as a struct (or the row element as a row): each field read from its place in the element. */
final class XmlStructConverter implements XmlConverter {
    private final XmlField[] fields;

    XmlStructConverter(List<XmlField> fields) {
        this.fields = fields.toArray(XmlField[]::new);
    }

    @Override
    public Object read(XmlNode element) {
        Row row = new Row(fields.length);
        fill(element, row);
        return row;
    }

    /** Sets the first fields of {@code row} from the element. */
    void fill(XmlNode element, Row row) {
        for (int i = 0; i < fields.length; i++) {
            row.set(i, fields[i].read(element));
        }
    }
}
