package io.sluice.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints rows as CSV (RFC 4180, with a header) or as JSON lines, with Hive's text forms of values. */
final class RowPrinter {
    enum Format {
        CSV,
        JSON
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]");
    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;
    private final Format format;
    private StructType headerPrinted;

    RowPrinter(PrintWriter out, Format format) {
        this.out = out;
        this.format = format;
    }

    void print(StructType schema, Row row) {
        if (format == Format.JSON) {
            out.println(json(schema, row));
            return;
        }
        if (!schema.equals(headerPrinted)) {
            out.println(csv(schema.fields().stream().map(StructField::name).toList()));
            headerPrinted = schema;
        }
        List<String> cells = new java.util.ArrayList<>(row.width());
        for (int i = 0; i < row.width(); i++) {
            cells.add(text(schema.fields().get(i).type(), row.get(i)));
        }
        out.println(csv(cells));
    }

    private static String csv(List<String> cells) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(
                line, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(cells.stream().map(c -> c == null ? "" : c).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    /** The text form of a value, as Hive prints it; null stays null (an empty CSV cell); nested values as JSON. */
    static String text(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (!type.isPrimitive()) {
            return jsonValue(type, value);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp).replaceFirst("\\.?0+$", "");
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    private static String json(StructType schema, Row row) {
        return jsonValue(schema, row);
    }

    private static String jsonValue(DataType type, Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            write(generator, type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, DataType type, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (type instanceof StructType struct) {
            Row row = (Row) value;
            json.writeStartObject();
            for (int i = 0; i < struct.fields().size(); i++) {
                json.writeFieldName(struct.fields().get(i).name());
                write(json, struct.fields().get(i).type(), row.get(i));
            }
            json.writeEndObject();
        } else if (type instanceof ArrayType array) {
            json.writeStartArray();
            for (Object item : (List<?>) value) {
                write(json, array.elementType(), item);
            }
            json.writeEndArray();
        } else if (type instanceof MapType map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                json.writeFieldName(text(map.keyType(), entry.getKey()));
                write(json, map.valueType(), entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Number number && !(value instanceof Float || value instanceof Double)) {
            json.writeNumber(number.longValue());
        } else if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            json.writeNumber(d);
        } else if (value instanceof Float f && !f.isNaN() && !f.isInfinite()) {
            json.writeNumber(f);
        } else {
            json.writeString(text(type, value));
        }
    }
}
