package io.sluice.format.parquet;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;

/** The converter of each physical type; what the values mean comes from {@link ParquetDecoders}. */
final class LeafConverters {
    private LeafConverters() {}

    static LeafConverter create(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems) {
        return switch (leaf.type().getPrimitiveTypeName()) {
            case BOOLEAN -> new BooleanConverter(leaf, receiver, problems);
            case INT32 -> new IntConverter(leaf, receiver, problems, ParquetDecoders.int32(leaf));
            case INT64 -> new LongConverter(leaf, receiver, problems, ParquetDecoders.int64(leaf));
            case FLOAT -> new FloatConverter(leaf, receiver, problems);
            case DOUBLE -> new DoubleConverter(leaf, receiver, problems);
            case INT96, BINARY, FIXED_LEN_BYTE_ARRAY -> new BinaryConverter(
                    leaf, receiver, problems, ParquetDecoders.binary(leaf));
        };
    }

    private static final class BooleanConverter extends LeafConverter {
        BooleanConverter(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems) {
            super(leaf, receiver, problems);
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return dictionary.decodeToBoolean(id);
        }

        @Override
        public void addBoolean(boolean value) {
            receive(conversion.apply(value));
        }
    }

    private static final class IntConverter extends LeafConverter {
        private final IntFunction<Object> decoder;

        IntConverter(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems, IntFunction<Object> decoder) {
            super(leaf, receiver, problems);
            this.decoder = decoder;
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return decoder.apply(dictionary.decodeToInt(id));
        }

        @Override
        public void addInt(int value) {
            Object converted;
            try {
                converted = conversion.apply(decoder.apply(value));
            } catch (RuntimeException e) {
                converted = failed(e);
            }
            receive(converted);
        }
    }

    private static final class LongConverter extends LeafConverter {
        private final LongFunction<Object> decoder;

        LongConverter(
                ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems, LongFunction<Object> decoder) {
            super(leaf, receiver, problems);
            this.decoder = decoder;
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return decoder.apply(dictionary.decodeToLong(id));
        }

        @Override
        public void addLong(long value) {
            Object converted;
            try {
                converted = conversion.apply(decoder.apply(value));
            } catch (RuntimeException e) {
                converted = failed(e);
            }
            receive(converted);
        }
    }

    private static final class FloatConverter extends LeafConverter {
        FloatConverter(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems) {
            super(leaf, receiver, problems);
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return dictionary.decodeToFloat(id);
        }

        @Override
        public void addFloat(float value) {
            receive(conversion.apply(value));
        }
    }

    private static final class DoubleConverter extends LeafConverter {
        DoubleConverter(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems) {
            super(leaf, receiver, problems);
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return dictionary.decodeToDouble(id);
        }

        @Override
        public void addDouble(double value) {
            receive(conversion.apply(value));
        }
    }

    private static final class BinaryConverter extends LeafConverter {
        private final Function<Binary, Object> decoder;

        BinaryConverter(
                ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems, Function<Binary, Object> decoder) {
            super(leaf, receiver, problems);
            this.decoder = decoder;
        }

        @Override
        Object decode(Dictionary dictionary, int id) {
            return decoder.apply(dictionary.decodeToBinary(id));
        }

        @Override
        public void addBinary(Binary value) {
            Object converted;
            try {
                converted = conversion.apply(decoder.apply(value));
            } catch (RuntimeException e) {
                converted = failed(e);
            }
            receive(converted);
        }
    }
}
