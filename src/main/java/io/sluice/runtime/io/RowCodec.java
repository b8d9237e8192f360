package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.types.StructType;

/**
 * Compact binary rows of one schema, for the values of the shuffle and for partial aggregates. The bytes carry no
 * schema: the reader must use a codec of the same {@link StructType}.
 *
 * <p>A row (and every nested struct) is a null bitmap, one bit per field set when the field is null ({@code
 * ceil(fields / 8)} bytes, field {@code i} at bit {@code i % 8} of byte {@code i / 8}), followed by the non-null fields
 * in order:
 *
 * <ul>
 *   <li>boolean: one byte, 0 or 1; tinyint: one byte;
 *   <li>smallint, int, bigint, date (epoch day): zigzag varint;
 *   <li>float, double: 4 or 8 bytes, big-endian IEEE 754 bits as they are (NaN payloads kept);
 *   <li>decimal of up to 18 digits: the unscaled value as a zigzag varint; wider: a varint byte count and the
 *       unscaled value in big-endian two's complement. The scale is the type's;
 *   <li>timestamp: zigzag varint of {@code epochMicros * 2 + b}; when {@code b} is 1 a varint of the nanoseconds below
 *       the microsecond follows;
 *   <li>string, varchar, char: varint byte count and UTF-8; binary: varint count and the bytes;
 *   <li>array: varint count, a null bitmap of the elements, the non-null elements;
 *   <li>map: varint count, a bitmap of two bits per entry (key null, value null), then each entry's non-null key and
 *       value in entry order.
 * </ul>
 *
 * <p>Varints are unsigned LEB128. The codec is built once per schema into one writer/reader per column, so encoding
 * decides nothing per value; encoding allocates nothing but the growth of the output buffer (decimals aside, whose
 * unscaled value {@link java.math.BigDecimal} only hands out as a new object). Decoding fills the caller's row;
 * values themselves (boxed numbers, nested lists, maps and rows) are new objects, except strings: a short text value
 * that repeats (a country, a category) is decoded once and its {@link String} handed out again.
 *
 * <p>Round trips are exact for every value of the row's types, with one exception: text with unpaired UTF-16
 * surrogates, which UTF-8 cannot hold, comes back with {@code ?} in their place. Timestamps must lie within about
 * 146,000 years of 1970. Not thread-safe (the strings decoded last are kept per column): one codec per task or
 * thread.
 */
public final class RowCodec {
    private final StructType schema;
    private final StructCodec struct;

    private RowCodec(StructType schema) {
        this.schema = schema;
        this.struct = StructCodec.of(schema);
    }

    public static RowCodec of(StructType schema) {
        return new RowCodec(requireNonNull(schema, "schema is null"));
    }

    public StructType schema() {
        return schema;
    }

    /**
     * Appends the bytes of {@code row} to {@code out}.
     *
     * @throws SluiceException when a value is not of its column's Java type (see {@link io.sluice.row.Values})
     */
    public void encode(Row row, BinaryOutput out) {
        try {
            struct.write(row, out);
        } catch (ClassCastException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "cannot encode a row of " + schema + ": a value is not of its column's type (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    /** Decodes the row in {@code bytes[offset, offset + length)} into {@code target}, which it returns. */
    public Row decode(byte[] bytes, int offset, int length, Row target) {
        return decode(new BinaryInput().reset(bytes, offset, length), target);
    }

    /** Decodes the next row of {@code in} into {@code target}, which it returns. */
    public Row decode(BinaryInput in, Row target) {
        if (target.width() != struct.width()) {
            throw new IllegalArgumentException("a row of " + target.width() + " values cannot hold a row of " + schema);
        }
        return struct.readInto(in, target);
    }
}
