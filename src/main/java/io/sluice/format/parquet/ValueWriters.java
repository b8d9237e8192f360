package io.sluice.format.parquet;

import io.sluice.format.ColumnValues;
import io.sluice.format.RowWriter;
import io.sluice.format.Utf8Buffer;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * The {@link ValueWriter} of each Hive type, matching the schema {@link HiveToParquet} gives it. Values are cast to
 * their Java type as {@link io.sluice.row.Values} says; another type fails with {@link ClassCastException}.
 */
final class ValueWriters {
    private ValueWriters() {}

    static ValueWriter of(DataType type, RecordConsumer consumer) {
        if (type instanceof StructType struct) {
            return new StructWriter(struct, consumer);
        }
        if (type instanceof ArrayType array) {
            return new ListWriter(of(array.elementType(), consumer), consumer);
        }
        if (type instanceof MapType map) {
            return new MapWriter(of(map.keyType(), consumer), of(map.valueType(), consumer), consumer);
        }
        if (type instanceof DecimalType decimal) {
            return DecimalWriters.of(decimal, consumer);
        }
        if (type instanceof VarcharType || type instanceof CharType) {
            return new StringWriter(consumer);
        }
        return switch ((PrimitiveType) type) {
            case BOOLEAN -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addBoolean((Boolean) value);
                }
            };
            case TINYINT -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addInteger((Byte) value);
                }
            };
            case SMALLINT -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addInteger((Short) value);
                }
            };
            case INT -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addInteger((Integer) value);
                }

                @Override
                void write(Row row, int position) {
                    consumer.addInteger(row.getInt(position));
                }
            };
            case BIGINT -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addLong((Long) value);
                }

                @Override
                void write(Row row, int position) {
                    consumer.addLong(row.getLong(position));
                }
            };
            case FLOAT -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addFloat((Float) value);
                }
            };
            case DOUBLE -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addDouble((Double) value);
                }

                @Override
                void write(Row row, int position) {
                    consumer.addDouble(row.getDouble(position));
                }
            };
            case STRING -> new StringWriter(consumer);
            case BINARY -> new ValueWriter() {
                @Override
                void write(Object value) {
                    // "Reused" makes Parquet copy the bytes wherever it keeps them (dictionary, statistics), so a
                    // caller may change the array after writing it.
                    consumer.addBinary(Binary.fromReusedByteArray((byte[]) value));
                }
            };
            case DATE -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addInteger(Math.toIntExact(Temporals.epochDay((LocalDate) value)));
                }

                @Override
                void write(Row row, int position) {
                    consumer.addInteger(Math.toIntExact(row.getEpochDay(position)));
                }
            };
            case TIMESTAMP -> new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addLong(Temporals.epochMicros((LocalDateTime) value));
                }

                @Override
                void write(Row row, int position) {
                    consumer.addLong(row.getTimestampMicros(position));
                }
            };
        };
    }

    /** A map with a null key: Parquet's map keys are required, and Hive has no null keys either. */
    private static final class NullKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NullKeyException() {
            super("a map key is null", null, false, false);
        }
    }

    /** Encodes into one reused buffer, which Parquet copies wherever it keeps values (dictionary, statistics). */
    private static final class StringWriter extends ValueWriter {
        private final RecordConsumer consumer;
        private final Utf8Buffer buffer = new Utf8Buffer();

        StringWriter(RecordConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        void write(Object value) {
            int length = buffer.encode((String) value);
            consumer.addBinary(Binary.fromReusedByteArray(buffer.bytes(), 0, length));
        }
    }

    /** A struct's fields, absent where null; the row's columns at the root. */
    static final class StructWriter extends ValueWriter {
        private final RecordConsumer consumer;
        private final StructType struct;
        private final String[] names;
        private final ValueWriter[] fields;

        StructWriter(StructType struct, RecordConsumer consumer) {
            this.consumer = consumer;
            this.struct = struct;
            this.names = struct.fields().stream().map(f -> f.name()).toArray(String[]::new);
            this.fields =
                    struct.fields().stream().map(f -> of(f.type(), consumer)).toArray(ValueWriter[]::new);
        }

        @Override
        void write(Object value) {
            consumer.startGroup();
            writeFields((Row) value);
            consumer.endGroup();
        }

        /** Writes the fields; a value that does not fit fails naming its column, as {@link RowWriter} promises. */
        void writeFields(Row row) {
            if (row.width() != fields.length) {
                throw new IllegalArgumentException(
                        "a row of " + row.width() + " values for " + fields.length + " columns: " + struct);
            }
            for (int i = 0; i < fields.length; i++) {
                if (!row.isNull(i)) {
                    consumer.startField(names[i], i);
                    try {
                        fields[i].write(row, i);
                    } catch (ClassCastException | ArithmeticException | NullKeyException e) {
                        throw ColumnValues.misfit(
                                names[i], struct.fields().get(i).type(), e);
                    }
                    consumer.endField(names[i], i);
                }
            }
        }
    }

    /** The three-level LIST: an element group per element, empty for a null element. */
    private static final class ListWriter extends ValueWriter {
        private final ValueWriter elements;
        private final RecordConsumer consumer;

        ListWriter(ValueWriter elements, RecordConsumer consumer) {
            this.elements = elements;
            this.consumer = consumer;
        }

        @Override
        void write(Object value) {
            List<?> list = (List<?>) value;
            consumer.startGroup();
            if (!list.isEmpty()) {
                consumer.startField("list", 0);
                if (list instanceof RandomAccess) {
                    for (int i = 0; i < list.size(); i++) {
                        element(list.get(i));
                    }
                } else {
                    list.forEach(this::element);
                }
                consumer.endField("list", 0);
            }
            consumer.endGroup();
        }

        private void element(Object element) {
            consumer.startGroup();
            if (element != null) {
                consumer.startField("element", 0);
                elements.write(element);
                consumer.endField("element", 0);
            }
            consumer.endGroup();
        }
    }

    /** The MAP's key_value group per entry; keys are required. */
    private static final class MapWriter extends ValueWriter {
        private final ValueWriter keys;
        private final ValueWriter values;
        private final RecordConsumer consumer;

        MapWriter(ValueWriter keys, ValueWriter values, RecordConsumer consumer) {
            this.keys = keys;
            this.values = values;
            this.consumer = consumer;
        }

        @Override
        void write(Object value) {
            Map<?, ?> map = (Map<?, ?>) value;
            consumer.startGroup();
            if (!map.isEmpty()) {
                consumer.startField("key_value", 0);
                map.forEach(this::entry);
                consumer.endField("key_value", 0);
            }
            consumer.endGroup();
        }

        private void entry(Object key, Object value) {
            if (key == null) {
                throw new NullKeyException();
            }
            consumer.startGroup();
            consumer.startField("key", 0);
            keys.write(key);
            consumer.endField("key", 0);
            if (value != null) {
                consumer.startField("value", 1);
                values.write(value);
                consumer.endField("value", 1);
            }
            consumer.endGroup();
        }
    }
}
