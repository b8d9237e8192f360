package io.sluice.format.csv;

import io.sluice.format.RowWriter;
import io.sluice.format.json.JsonValueWriter;
import io.sluice.format.json.JsonValueWriters;
import io.sluice.format.text.TextOutput;
import io.sluice.format.text.ValueText;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes rows as delimited lines into a {@link TextOutput}. Text is scanned once for the characters that need quoting
 * and written as UTF-8 straight into the output buffer; numbers, dates and timestamps are printed digit by digit and
 * never need quotes (unless a separator is one of their characters: then they are formatted aside and checked like
 * nested values, which are JSON and nearly always quoted).
 */
final class DelimitedRowWriter implements RowWriter {
    /** Characters that numbers, booleans, dates, timestamps and Base64 are written with. */
    private static final String VALUE_CHARACTERS =
            "0123456789+-.:/= ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final TextOutput out;
    private final DelimitedWriteOptions options;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final boolean escaping;
    private final byte[] nullValue;
    private final boolean emptyIsNull;
    private final FieldWriter[] fields;
    private final String[] names;
    private final ValueText text = new ValueText();
    private final TextOutput scratch = TextOutput.inMemory();

    @FunctionalInterface
    private interface FieldWriter {
        void write(Object value) throws IOException;
    }

    DelimitedRowWriter(TextOutput out, StructType schema, DelimitedWriteOptions options) throws IOException {
        this.out = out;
        this.options = options;
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quote();
        this.escape = (byte) options.escape();
        this.escaping = !options.doublesQuotes();
        this.nullValue = options.nullValue().getBytes(StandardCharsets.UTF_8);
        this.emptyIsNull = nullValue.length == 0;
        this.fields = new FieldWriter[schema.fields().size()];
        this.names = new String[fields.length];
        JsonValueWriters json = new JsonValueWriters();
        boolean separatorInValues = VALUE_CHARACTERS.indexOf(options.delimiter()) >= 0
                || VALUE_CHARACTERS.indexOf(options.quote()) >= 0
                || VALUE_CHARACTERS.indexOf(options.escape()) >= 0;
        for (int i = 0; i < fields.length; i++) {
            DataType type = schema.fields().get(i).type();
            names[i] = schema.fields().get(i).name();
            fields[i] = writer(type, json, separatorInValues);
        }
        if (options.header()) {
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.write(delimiter);
                }
                text(names[i]);
            }
            out.write('\n');
        }
    }

    private FieldWriter writer(DataType type, JsonValueWriters json, boolean separatorInValues) {
        if (type.isText()) {
            return value -> text((String) value);
        }
        if (!type.isPrimitive()) {
            return formattedAside(json.of(type));
        }
        JsonValueWriter direct = primitive(type);
        return separatorInValues || options.quoteAll() ? formattedAside(direct) : value -> direct.write(out, value);
    }

    private JsonValueWriter primitive(DataType type) {
        if (type instanceof DecimalType) {
            return (o, value) -> text.decimal(o, (BigDecimal) value);
        }
        return switch ((PrimitiveType) type) {
            case BOOLEAN -> (o, value) -> text.bool(o, (Boolean) value);
            case TINYINT, SMALLINT, INT, BIGINT -> (o, value) -> o.decimal(((Number) value).longValue());
            case FLOAT -> (o, value) -> text.floatValue(o, (Float) value);
            case DOUBLE -> (o, value) -> text.doubleValue(o, (Double) value);
            case DATE -> (o, value) -> text.date(o, (LocalDate) value);
            case TIMESTAMP -> (o, value) -> text.timestamp(o, (LocalDateTime) value);
            case BINARY -> (o, value) -> text.binary(o, (byte[]) value);
            case STRING -> throw new IllegalStateException("text is written by text()");
        };
    }

    /** Formats the value into the scratch buffer, then copies it, quoted when it needs to be. */
    private FieldWriter formattedAside(JsonValueWriter writer) {
        return value -> {
            scratch.reset();
            writer.write(scratch, value);
            quoted(scratch.bytes(), scratch.length());
        };
    }

    @Override
    public void write(Row row) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object value = row.get(i);
            if (value == null) {
                out.write(nullValue);
                continue;
            }
            try {
                fields[i].write(value);
            } catch (ClassCastException e) {
                throw new IllegalArgumentException(
                        "column '" + names[i] + "': " + value.getClass().getSimpleName() + " value '" + value
                                + "' is not of the column's type",
                        e);
            }
        }
        out.write('\n');
    }

    /** A text value: as it is, or quoted when it holds a separator or a line break (or is empty, unlike a null). */
    private void text(String value) throws IOException {
        int length = value.length();
        boolean quoted = options.quoteAll() || (length == 0 && emptyIsNull);
        for (int i = 0; i < length && !quoted; i++) {
            quoted = isSpecial(value.charAt(i));
        }
        if (!quoted) {
            out.utf8(value);
            return;
        }
        out.write(quote);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = out.nonAscii(value, i);
                continue;
            }
            if (c == quote || (escaping && c == escape)) {
                out.write(escape);
            }
            out.write(c);
        }
        out.write(quote);
    }

    private void quoted(byte[] bytes, int length) throws IOException {
        boolean quoted = options.quoteAll();
        for (int i = 0; i < length && !quoted; i++) {
            quoted = isSpecial(bytes[i]);
        }
        if (!quoted) {
            out.write(bytes, 0, length);
            return;
        }
        out.write(quote);
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == quote || (escaping && b == escape)) {
                out.write(escape);
            }
            out.write(b);
        }
        out.write(quote);
    }

    private boolean isSpecial(int c) {
        return c == delimiter || c == quote || c == '\n' || c == '\r' || (escaping && c == escape);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
