package io.sluice.format.avro;

import io.sluice.format.Decimals;
import io.sluice.format.ValueConversion;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * The {@link AvroConverter} of each Avro schema. Leaves decode the generic datum (Utf8, ByteBuffer, GenericFixed, an
 * enum symbol, a number) to the file type's Java value and apply the conversion to the table's type; timestamps of
 * every unit, local or not, become the UTC wall-clock time of the value.
 */
final class AvroConverters {
    private AvroConverters() {}

    static AvroConverter leaf(Schema schema, DataType fileType, ValueConversion conversion) {
        AvroConverter decoder = decoder(schema, fileType);
        return conversion == ValueConversion.IDENTITY
                ? nullSafe(decoder)
                : nullSafe(datum -> conversion.apply(decoder.convert(datum)));
    }

    private static AvroConverter decoder(Schema schema, DataType fileType) {
        if (fileType instanceof DecimalType decimal) {
            return schema.getType() == Schema.Type.FIXED
                    ? datum -> Decimals.ofUnscaled(new BigInteger(((GenericFixed) datum).bytes()), decimal)
                    : datum -> Decimals.ofUnscaled(new BigInteger(bytes((ByteBuffer) datum)), decimal);
        }
        return switch (schema.getType()) {
            case STRING, ENUM -> Object::toString;
            case BYTES -> datum -> bytes((ByteBuffer) datum);
            case FIXED -> datum -> ((GenericFixed) datum).bytes().clone();
            case INT -> fileType == io.sluice.types.PrimitiveType.DATE
                    ? datum -> Temporals.ofEpochDay((Integer) datum)
                    : datum -> datum;
            case LONG -> timestamp(AvroLeafTypes.timestampUnit(schema));
            default -> datum -> datum;
        };
    }

    private static AvroConverter timestamp(long unitsPerSecond) {
        if (unitsPerSecond == 0) {
            return datum -> datum;
        }
        long nanosPerUnit = 1_000_000_000L / unitsPerSecond;
        return datum -> {
            long value = (Long) datum;
            long seconds = Math.floorDiv(value, unitsPerSecond);
            int nanos = (int) (Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
            return Temporals.ofEpochSecond(seconds, nanos);
        };
    }

    /** A copy of the buffer's remaining bytes: Avro reuses the buffer for the next record. */
    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static AvroConverter array(AvroConverter element) {
        return nullSafe(datum -> {
            Collection<?> items = (Collection<?>) datum;
            List<Object> values = new ArrayList<>(items.size());
            for (Object item : items) {
                values.add(element.convert(item));
            }
            return values;
        });
    }

    static AvroConverter map(AvroConverter key, AvroConverter value) {
        return nullSafe(datum -> {
            Map<Object, Object> values = new LinkedHashMap<>();
            ((Map<?, ?>) datum).forEach((k, v) -> values.put(key.convert(k), value.convert(v)));
            return values;
        });
    }

    /** A record as a struct: field {@code i} of the projected record fills position {@code positions[i]}. */
    static AvroConverter struct(int width, int[] positions, AvroConverter[] fields) {
        return nullSafe(datum -> {
            Row row = new Row(width);
            fill((IndexedRecord) datum, row, positions, fields);
            return row;
        });
    }

    /** Fills a row from a record of the projected schema. */
    static void fill(IndexedRecord record, Row row, int[] positions, AvroConverter[] fields) {
        for (int i = 0; i < fields.length; i++) {
            row.set(positions[i], fields[i].convert(record.get(i)));
        }
    }

    /** A union: the branch the datum is of converts it. */
    static AvroConverter union(Schema union, AvroConverter[] branches) {
        return datum -> datum == null ? null : branches[GenericData.get().resolveUnion(union, datum)].convert(datum);
    }

    private static AvroConverter nullSafe(AvroConverter converter) {
        return datum -> datum == null ? null : converter.convert(datum);
    }
}
