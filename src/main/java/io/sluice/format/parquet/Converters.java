package io.sluice.format.parquet;

import org.apache.parquet.io.api.Converter;

/** Builds the converter of a {@link ReadNode}. */
final class Converters {
    private Converters() {}

    static Converter of(ReadNode node, ValueReceiver receiver, RecordProblems problems) {
        if (node instanceof ReadNode.Leaf leaf) {
            return LeafConverters.create(leaf, receiver, problems);
        }
        if (node instanceof ReadNode.Struct struct) {
            return new StructConverter(struct, receiver, problems);
        }
        if (node instanceof ReadNode.Ignored ignored) {
            return Discard.of(ignored.type());
        }
        if (node instanceof ReadNode.List list) {
            return new ListConverter(list, receiver, problems);
        }
        return new MapConverter((ReadNode.Map) node, receiver, problems);
    }
}
