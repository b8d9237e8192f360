package io.sluice.format.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/** A LIST group as a {@link List}: elements in file order, a null element where the file has one. */
final class ListConverter extends GroupConverter {
    private final ValueReceiver receiver;
    private final Converter elements;
    private List<Object> list;

    ListConverter(ReadNode.List node, ValueReceiver receiver, RecordProblems problems) {
        this.receiver = receiver;
        ValueReceiver add = value -> list.add(value);
        this.elements = node.threeLevel()
                ? new ElementConverter(node.element(), add, problems)
                : Converters.of(node.element(), add, problems);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return elements;
    }

    @Override
    public void start() {
        list = new ArrayList<>();
    }

    @Override
    public void end() {
        receiver.receive(list);
    }

    /** The repeated group of a three-level list: one per element, holding it unless it is null. */
    private static final class ElementConverter extends GroupConverter {
        private final ValueReceiver add;
        private final Converter element;
        private Object value;

        ElementConverter(ReadNode node, ValueReceiver add, RecordProblems problems) {
            this.add = add;
            this.element = Converters.of(node, v -> value = v, problems);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            add.receive(value);
        }
    }
}
