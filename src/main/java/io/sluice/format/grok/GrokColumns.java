package io.sluice.format.grok;

import io.sluice.classify.grok.GrokField;
import io.sluice.classify.grok.GrokPattern;
import io.sluice.format.ReadSpec;
import io.sluice.format.TextValueParser;
import io.sluice.format.text.ValueFormats;
import io.sluice.types.StructField;
import java.util.List;

/**
 * Which capture of a grok pattern fills which column (by name, regardless of case; a column no capture names is
 * null), and the parser of each column's text.
 */
final class GrokColumns {
    private final String[] names;
    private final int[] captures;
    private final TextValueParser[] parsers;

    GrokColumns(ReadSpec spec, GrokPattern pattern) {
        List<StructField> columns = spec.schema().fields();
        List<GrokField> fields = pattern.fields();
        names = new String[columns.size()];
        captures = new int[columns.size()];
        parsers = new TextValueParser[columns.size()];
        for (int i = 0; i < names.length; i++) {
            StructField column = columns.get(i);
            names[i] = column.name();
            captures[i] = -1;
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).name().equalsIgnoreCase(column.name())) {
                    captures[i] = f;
                    break;
                }
            }
            parsers[i] = ValueFormats.parser(spec, column.name(), column.type());
        }
    }

    int size() {
        return names.length;
    }

    String name(int column) {
        return names[column];
    }

    /** The index of the capture that fills the column among the pattern's fields, or -1. */
    int capture(int column) {
        return captures[column];
    }

    TextValueParser parser(int column) {
        return parsers[column];
    }
}
