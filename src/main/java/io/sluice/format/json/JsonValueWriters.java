package io.sluice.format.json;

import io.sluice.format.text.TextOutput;
import io.sluice.format.text.ValueText;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * JSON for values of each type, as Sluice's JSON reader reads them back: structs as objects with their field names,
 * arrays as arrays, maps as objects whose keys are the keys' text; numbers as JSON numbers — decimals exactly as
 * their plain digits, {@code NaN} and infinities (which JSON lacks) as strings — booleans as such; strings, dates
 * ({@code "2024-01-15"}), timestamps ({@code "2024-01-15 10:00:00.25"}) and binary (Base64) as strings. Nulls are
 * {@code null}, also inside arrays, maps and structs.
 */
public final class JsonValueWriters {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final ValueText text = new ValueText();

    /** The writer of non-null values of {@code type}. */
    public JsonValueWriter of(DataType type) {
        if (type instanceof StructType struct) {
            return struct(struct);
        }
        if (type instanceof ArrayType array) {
            return array(of(array.elementType()));
        }
        if (type instanceof MapType map) {
            return map(key(map.keyType()), of(map.valueType()));
        }
        if (type instanceof DecimalType) {
            return (out, value) -> text.decimal(out, (BigDecimal) value);
        }
        if (type instanceof PrimitiveType primitive) {
            return primitive(primitive);
        }
        return (out, value) -> string(out, (String) value); // varchar, char
    }

    /** The fields of a row as the members of an object: {@code {"a":1,"b":null}}. */
    public JsonValueWriter struct(StructType struct) {
        List<StructField> fields = struct.fields();
        byte[][] names = new byte[fields.size()][];
        JsonValueWriter[] writers = new JsonValueWriter[fields.size()];
        for (int i = 0; i < names.length; i++) {
            TextOutput name = TextOutput.inMemory();
            try {
                name.write(i == 0 ? '{' : ',');
                string(name, fields.get(i).name());
                name.write(':');
            } catch (IOException e) {
                throw new IllegalStateException("an in-memory output failed", e);
            }
            names[i] = java.util.Arrays.copyOf(name.bytes(), name.length());
            writers[i] = of(fields.get(i).type());
        }
        return (out, value) -> {
            Row row = (Row) value;
            if (names.length == 0) {
                out.write('{');
            }
            for (int i = 0; i < names.length; i++) {
                out.write(names[i]);
                Object field = row.get(i);
                if (field == null) {
                    out.write(NULL);
                } else {
                    writers[i].write(out, field);
                }
            }
            out.write('}');
        };
    }

    private static JsonValueWriter array(JsonValueWriter elements) {
        return (out, value) -> {
            out.write('[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (element == null) {
                    out.write(NULL);
                } else {
                    elements.write(out, element);
                }
            }
            out.write(']');
        };
    }

    private static JsonValueWriter map(JsonValueWriter keys, JsonValueWriter values) {
        return (out, value) -> {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                keys.write(out, entry.getKey());
                out.write(':');
                if (entry.getValue() == null) {
                    out.write(NULL);
                } else {
                    values.write(out, entry.getValue());
                }
            }
            out.write('}');
        };
    }

    /** Map keys are member names: strings, so numbers and booleans are quoted. */
    private JsonValueWriter key(DataType type) {
        JsonValueWriter writer = of(type);
        if (type.isText()
                || type == PrimitiveType.DATE
                || type == PrimitiveType.TIMESTAMP
                || type == PrimitiveType.BINARY) {
            return writer;
        }
        return (out, value) -> {
            out.write('"');
            writer.write(out, value);
            out.write('"');
        };
    }

    private JsonValueWriter primitive(PrimitiveType type) {
        return switch (type) {
            case BOOLEAN -> (out, value) -> text.bool(out, (Boolean) value);
            case TINYINT, SMALLINT, INT, BIGINT -> (out, value) -> out.decimal(((Number) value).longValue());
            case FLOAT -> (out, value) -> floating(out, (Float) value);
            case DOUBLE -> (out, value) -> floating(out, (Double) value);
            case STRING -> (out, value) -> string(out, (String) value);
            case DATE -> (out, value) -> {
                out.write('"');
                text.date(out, (LocalDate) value);
                out.write('"');
            };
            case TIMESTAMP -> (out, value) -> {
                out.write('"');
                text.timestamp(out, (LocalDateTime) value);
                out.write('"');
            };
            case BINARY -> (out, value) -> {
                out.write('"');
                text.binary(out, (byte[]) value);
                out.write('"');
            };
        };
    }

    private void floating(TextOutput out, Float value) throws IOException {
        if (Float.isFinite(value)) {
            text.floatValue(out, value);
        } else {
            out.write('"');
            out.ascii(value.toString());
            out.write('"');
        }
    }

    private void floating(TextOutput out, Double value) throws IOException {
        if (Double.isFinite(value)) {
            text.doubleValue(out, value);
        } else {
            out.write('"');
            out.ascii(value.toString());
            out.write('"');
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8. */
    public static void string(TextOutput out, String value) throws IOException {
        out.write('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = out.nonAscii(value, i);
            } else if (c >= 0x20 && c != '"' && c != '\\') {
                out.write(c);
            } else {
                escape(out, c);
            }
        }
        out.write('"');
    }

    private static void escape(TextOutput out, char c) throws IOException {
        out.write('\\');
        switch (c) {
            case '"', '\\' -> out.write(c);
            case '\n' -> out.write('n');
            case '\r' -> out.write('r');
            case '\t' -> out.write('t');
            case '\b' -> out.write('b');
            case '\f' -> out.write('f');
            default -> {
                out.write('u');
                out.write('0');
                out.write('0');
                out.write(HEX[c >> 4]);
                out.write(HEX[c & 0xF]);
            }
        }
    }
}
