package io.sluice.format.parquet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/** A MAP group as a {@link Map} in entry order. */
final class MapConverter extends GroupConverter {
    private final ValueReceiver receiver;
    private final EntryConverter entries;
    private Map<Object, Object> map;

    MapConverter(ReadNode.Map node, ValueReceiver receiver, RecordProblems problems) {
        this.receiver = receiver;
        this.entries = new EntryConverter(node, problems);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return entries;
    }

    @Override
    public void start() {
        map = new LinkedHashMap<>();
    }

    @Override
    public void end() {
        receiver.receive(map);
    }

    /** The repeated key-value group: one per entry. */
    private final class EntryConverter extends GroupConverter {
        private final Converter key;
        private final Converter value;
        private Object currentKey;
        private Object currentValue;

        EntryConverter(ReadNode.Map node, RecordProblems problems) {
            this.key = Converters.of(node.key(), k -> currentKey = k, problems);
            this.value = node.value() == null ? null : Converters.of(node.value(), v -> currentValue = v, problems);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fieldIndex == 0 ? key : value;
        }

        @Override
        public void start() {
            currentKey = null;
            currentValue = null;
        }

        @Override
        public void end() {
            // Keys are required in Parquet; a null one is a key that failed conversion, reported already.
            if (currentKey != null) {
                map.put(currentKey, currentValue);
            }
        }
    }
}
