package io.sluice.format.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/** Converters that take the values of a part of the file and drop them. */
final class Discard {
    private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {}

        @Override
        public void addBoolean(boolean value) {}

        @Override
        public void addDouble(double value) {}

        @Override
        public void addFloat(float value) {}

        @Override
        public void addInt(int value) {}

        @Override
        public void addLong(long value) {}
    };

    private Discard() {}

    static Converter of(Type type) {
        if (type.isPrimitive()) {
            return PRIMITIVE;
        }
        GroupType group = type.asGroupType();
        Converter[] children = group.getFields().stream().map(Discard::of).toArray(Converter[]::new);
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {}

            @Override
            public void end() {}
        };
    }
}
