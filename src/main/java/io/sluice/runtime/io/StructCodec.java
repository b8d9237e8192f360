package io.sluice.runtime.io;

import io.sluice.row.Row;
import io.sluice.types.StructType;

/** A struct (and a whole row): a null bitmap of its fields, then the non-null fields in order. */
final class StructCodec implements ValueCodec {
    private final ValueCodec[] fields;

    private StructCodec(ValueCodec[] fields) {
        this.fields = fields;
    }

    static StructCodec of(StructType type) {
        ValueCodec[] fields = new ValueCodec[type.fields().size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = ValueCodecs.forType(type.fields().get(i).type());
        }
        return new StructCodec(fields);
    }

    int width() {
        return fields.length;
    }

    @Override
    public void write(Object value, BinaryOutput out) {
        Row row = (Row) value;
        if (row.width() != fields.length) {
            throw new IllegalArgumentException(
                    "a struct of " + fields.length + " fields cannot hold a row of " + row.width() + " values");
        }
        NullBitmap.write(row, fields.length, out);
        for (int i = 0; i < fields.length; i++) {
            if (!row.isNull(i)) {
                fields[i].write(row, i, out);
            }
        }
    }

    @Override
    public Object read(BinaryInput in) {
        return readInto(in, new Row(fields.length));
    }

    Row readInto(BinaryInput in, Row target) {
        int bitmap = in.position();
        in.skip(NullBitmap.bytes(fields.length));
        byte[] bytes = in.buffer();
        for (int i = 0; i < fields.length; i++) {
            if (NullBitmap.isNull(bytes, bitmap, i)) {
                target.set(i, null);
            } else {
                fields[i].readInto(in, target, i);
            }
        }
        return target;
    }
}
