package io.sluice.runtime.mr;

import io.sluice.row.Row;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;

/**
 * How a shuffle join's rows travel: the key is the join keys, widened to one type per pair, then a tag of the row's
 * side; only the join keys group, so each reduce call sees one key's rows of the other source first (tag 0) and then
 * those of the input (tag 1) — a secondary sort. The value is the tag byte, then the row in its side's {@link RowCodec}
 * bytes.
 */
final class JoinShuffle {
    /** The schema of the rows of the join's other source, as a Hive struct type. */
    static final String OTHER_SCHEMA = "sluice.join.other.schema";

    private JoinShuffle() {}

    /** The key over a row of the widened join keys followed by the side's tag. */
    static KeyCodec keyCodec(List<DataType> keyTypes) {
        List<KeyColumn> columns = new ArrayList<>();
        for (int i = 0; i < keyTypes.size(); i++) {
            columns.add(KeyColumn.asc(i, keyTypes.get(i)));
        }
        columns.add(KeyColumn.asc(keyTypes.size(), PrimitiveType.TINYINT));
        return KeyCodec.of(columns, keyTypes.size());
    }

    /** The tag of a side: the other source sorts first, so reducers hold its rows and stream the input's. */
    static byte tag(int side) {
        return side == MapInput.OTHER ? (byte) 0 : (byte) 1;
    }

    static RowWritable encode(int side, RowCodec codec, Row row, BinaryOutput scratch, RowWritable value) {
        scratch.reset();
        scratch.writeByte(tag(side));
        codec.encode(row, scratch);
        return value.set(scratch.buffer(), 0, scratch.length());
    }

    /** The side of an encoded value. */
    static int side(RowWritable value) {
        return value.bytes()[0] == 0 ? MapInput.OTHER : MapInput.INPUT;
    }

    static Row decode(RowWritable value, RowCodec codec, Row target) {
        return codec.decode(value.bytes(), 1, value.length() - 1, target);
    }
}
