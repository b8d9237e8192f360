package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShuffleRowsTest {
    private static final StructType SCHEMA = (StructType) DataType.parse(
            "struct<id:bigint,ts:timestamp,customer:bigint,price:double,code:char(3),amount:decimal(10,2),"
                    + "day:date,name:string>");

    private static KeyWritable key(KeyCodec codec, Row row) {
        return new KeyWritable().encode(codec, row);
    }

    private static Row roundTrip(ShuffleRows rows, KeyCodec codec, Row row) {
        RowWritable value = new RowWritable();
        rows.encodeValue(row, value);
        rows.startGroup(key(codec, row));
        return rows.decode(value, new Row(rows.width()));
    }

    private static Row sample() {
        return Row.of(
                7L,
                LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_789),
                -42L,
                -0.0,
                "ab ",
                new BigDecimal("-12.50"),
                LocalDate.of(1999, 12, 31),
                "Zoë");
    }

    @Test
    void valuesLeaveOutTheGroupingColumnsTheKeyGivesBackExactly() {
        KeyCodec key = KeyCodec.of(
                List.of(
                        KeyColumn.asc(2, PrimitiveType.BIGINT),
                        KeyColumn.desc(1, PrimitiveType.TIMESTAMP),
                        KeyColumn.asc(3, PrimitiveType.DOUBLE),
                        KeyColumn.asc(4, DataType.parse("char(3)")),
                        KeyColumn.asc(5, DataType.parse("decimal(10,2)")),
                        KeyColumn.asc(6, PrimitiveType.DATE),
                        KeyColumn.asc(7, PrimitiveType.STRING)),
                6);

        ShuffleRows rows = ShuffleRows.withoutGroupingColumns(SCHEMA, key);

        // double (-0.0) and char (trailing spaces) stay in the value; the string only sorts within a group.
        assertThat(rows.keyPositions()).containsExactly(2, 1, 5, 6);
        assertThat(rows.valueSchema().toString()).isEqualTo("struct<id:bigint,price:double,code:char(3),name:string>");
        Row row = sample();
        assertThat(roundTrip(rows, key, row)).isEqualTo(row);
        assertThat(roundTrip(rows, key, row).get(3)).isEqualTo(-0.0);
    }

    @Test
    void nullKeyColumnsComeBackAsNull() {
        KeyCodec key =
                KeyCodec.of(List.of(KeyColumn.asc(2, PrimitiveType.BIGINT), KeyColumn.asc(7, PrimitiveType.STRING)));
        ShuffleRows rows = ShuffleRows.withoutGroupingColumns(SCHEMA, key);
        Row row = Row.of(1L, null, null, 2.5, null, null, null, null);

        assertThat(roundTrip(rows, key, row)).isEqualTo(row);
    }

    @Test
    void theValueCarriesTheSameBytesAsTheWholeRowWhenNothingIsLeftOut() {
        KeyCodec key = KeyCodec.of(List.of(KeyColumn.asc(3, PrimitiveType.DOUBLE)));
        ShuffleRows rows = ShuffleRows.withoutGroupingColumns(SCHEMA, key);
        Row row = sample();
        RowWritable value = rows.encodeValue(row, new RowWritable());

        assertThat(rows.keyPositions()).isEmpty();
        assertThat(value).isEqualTo(new RowWritable().encode(RowCodec.of(SCHEMA), row));
        assertThat(roundTrip(rows, key, row)).isEqualTo(row);
    }

    @Test
    void oneColumnStaysInTheValueWhenTheKeyHoldsThemAll() {
        StructType schema = (StructType) DataType.parse("struct<a:bigint,b:string>");
        KeyCodec key =
                KeyCodec.of(List.of(KeyColumn.asc(1, PrimitiveType.STRING), KeyColumn.asc(0, PrimitiveType.BIGINT)));
        ShuffleRows rows = ShuffleRows.withoutGroupingColumns(schema, key);
        Row row = Row.of(5L, "x");

        assertThat(rows.keyPositions()).containsExactly(1);
        assertThat(rows.valueSchema().toString()).isEqualTo("struct<a:bigint>");
        assertThat(roundTrip(rows, key, row)).isEqualTo(row);
    }

    @Test
    void everyRowOfAGroupGetsTheGroupsColumns() {
        KeyCodec key =
                KeyCodec.of(List.of(KeyColumn.asc(2, PrimitiveType.BIGINT), KeyColumn.asc(0, PrimitiveType.BIGINT)), 1);
        ShuffleRows rows = ShuffleRows.withoutGroupingColumns(SCHEMA, key);
        Row first = sample();
        Row second = sample();
        second.set(0, 8L);
        RowWritable one = rows.encodeValue(first, new RowWritable());
        RowWritable two = rows.encodeValue(second, new RowWritable());

        rows.startGroup(key(key, first));

        assertThat(rows.keyPositions()).containsExactly(2);
        assertThat(rows.decode(one, new Row(8))).isEqualTo(first);
        assertThat(rows.decode(two, new Row(8))).isEqualTo(second);
    }
}
