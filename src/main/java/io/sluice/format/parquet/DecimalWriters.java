package io.sluice.format.parquet;

import io.sluice.format.Decimals;
import io.sluice.types.DecimalType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Decimals as their unscaled value at the column's scale: INT32, INT64 or a big-endian two's complement
 * FIXED_LEN_BYTE_ARRAY by precision ({@link HiveToParquet}), fitted to the column by {@link Decimals#fit}.
 */
final class DecimalWriters {
    private DecimalWriters() {}

    static ValueWriter of(DecimalType type, RecordConsumer consumer) {
        if (type.precision() <= 9) {
            return new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addInteger(Math.toIntExact(unscaled(value, type)));
                }
            };
        }
        if (type.precision() <= 18) {
            return new ValueWriter() {
                @Override
                void write(Object value) {
                    consumer.addLong(unscaled(value, type));
                }
            };
        }
        return new FixedWriter(type, consumer);
    }

    private static long unscaled(Object value, DecimalType type) {
        return Decimals.unscaledLong(Decimals.fit(value, type));
    }

    private static final class FixedWriter extends ValueWriter {
        private final DecimalType type;
        private final RecordConsumer consumer;
        private final byte[] bytes;

        FixedWriter(DecimalType type, RecordConsumer consumer) {
            this.type = type;
            this.consumer = consumer;
            this.bytes = new byte[HiveToParquet.decimalBytes(type.precision())];
        }

        @Override
        void write(Object value) {
            byte[] unscaled = Decimals.fit(value, type).unscaledValue().toByteArray();
            int padding = bytes.length - unscaled.length;
            byte sign = unscaled[0] < 0 ? (byte) -1 : 0;
            for (int i = 0; i < padding; i++) {
                bytes[i] = sign;
            }
            System.arraycopy(unscaled, 0, bytes, padding, unscaled.length);
            consumer.addBinary(Binary.fromReusedByteArray(bytes));
        }
    }
}
