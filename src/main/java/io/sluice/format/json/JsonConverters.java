package io.sluice.format.json;

import io.sluice.format.ReadSpec;
import io.sluice.format.text.ValueFormats;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Locale;

/**
 * Builds the converters of a schema. Paths name the places as the JSON classifier records their formats: {@code
 * created}, {@code order.placed_at}, {@code events[].at}; map values are {@code attributes{}}.
 */
final class JsonConverters {
    private JsonConverters() {}

    /** The converter of the top-level record: one field per column. */
    static JsonStructConverter record(ReadSpec spec) {
        return struct(spec, "", spec.schema());
    }

    static JsonConverter of(ReadSpec spec, String path, DataType type) {
        if (type instanceof StructType struct) {
            return struct(spec, path, struct);
        }
        if (type instanceof ArrayType array) {
            return new JsonArrayConverter(path, type, of(spec, path + "[]", array.elementType()));
        }
        if (type instanceof MapType map) {
            return new JsonMapConverter(
                    path, type, new JsonKeyParser(path, map.keyType()), of(spec, path + "{}", map.valueType()));
        }
        return new JsonPrimitiveConverter(path, ValueFormats.parser(spec, path, type));
    }

    private static JsonStructConverter struct(ReadSpec spec, String path, StructType struct) {
        String[] names = new String[struct.fields().size()];
        JsonConverter[] fields = new JsonConverter[names.length];
        for (int i = 0; i < names.length; i++) {
            StructField field = struct.fields().get(i);
            names[i] = field.name().toLowerCase(Locale.ROOT);
            fields[i] = of(spec, path.isEmpty() ? names[i] : path + "." + names[i], field.type());
        }
        return new JsonStructConverter(path, struct, names, fields);
    }
}
