package io.sluice.format.avro;

import java.util.LinkedHashMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;

/** Avro's generic reader, but maps keep the order of their entries in the file, as Sluice's maps do. */
final class OrderedDatumReader extends GenericDatumReader<Object> {
    OrderedDatumReader() {
        super(null, null, GenericData.get());
    }

    @Override
    protected Object newMap(Object old, int size) {
        if (old instanceof LinkedHashMap<?, ?> map) {
            map.clear();
            return map;
        }
        return new LinkedHashMap<>(Math.max(16, size * 2));
    }
}
