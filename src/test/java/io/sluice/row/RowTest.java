package io.sluice.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {
    private static final LocalDateTime MOMENT = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);

    /** A row of int, bigint, double, date, timestamp and string values, unboxed where it can be. */
    private static Row unboxed() {
        Row row = new Row(6);
        row.setInt(0, -7);
        row.setLong(1, 5_000_000_000L);
        row.setDouble(2, -0.0);
        row.setEpochDay(3, LocalDate.of(1969, 12, 31).toEpochDay());
        row.setTimestampMicros(4, Temporals.epochMicros(MOMENT));
        row.set(5, "x");
        return row;
    }

    private static Row boxed() {
        return Row.of(-7, 5_000_000_000L, -0.0, LocalDate.of(1969, 12, 31), MOMENT, "x");
    }

    @Test
    void unboxedValuesAreBoxedAsTheirColumnsJavaTypes() {
        Row row = unboxed();

        assertThat(row.get(0)).isInstanceOf(Integer.class).isEqualTo(-7);
        assertThat(row.get(1)).isInstanceOf(Long.class).isEqualTo(5_000_000_000L);
        assertThat(row.get(2)).isEqualTo(-0.0);
        assertThat(Double.doubleToRawLongBits((Double) row.get(2))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(row.get(3)).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(row.get(4)).isEqualTo(MOMENT);
        assertThat(row.get(5)).isEqualTo("x");
        assertThat(row).isEqualTo(boxed()).hasSameHashCodeAs(boxed()).hasToString(boxed().toString());
    }

    @Test
    void typedGettersReadBoxedAndUnboxedValuesAlike() {
        for (Row row : List.of(unboxed(), boxed())) {
            assertThat(row.getInt(0)).isEqualTo(-7);
            assertThat(row.getLong(0)).isEqualTo(-7L);
            assertThat(row.getLong(1)).isEqualTo(5_000_000_000L);
            assertThat(row.getDouble(2)).isEqualTo(-0.0);
            assertThat(row.getEpochDay(3)).isEqualTo(-1L);
            assertThat(row.getTimestampMicros(4)).isEqualTo(1_709_251_198_123_456L);
        }
        assertThat(Row.of((short) 3, (byte) -2).getLong(0)).isEqualTo(3L);
        assertThat(Row.of((short) 3, (byte) -2).getLong(1)).isEqualTo(-2L);
    }

    @Test
    void timestampsBefore1970KeepTheirMicroseconds() {
        LocalDateTime early = LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000);
        Row row = new Row(1);

        row.setTimestampMicros(0, Temporals.epochMicros(early));

        assertThat(row.get(0)).isEqualTo(early);
        assertThat(row.getTimestampMicros(0))
                .isEqualTo(Temporals.epochMicros(early))
                .isNegative();
    }

    @Test
    void aValueSetBoxedReplacesAnUnboxedOneAndNullsAreNull() {
        Row row = unboxed();

        row.set(1, 12L);
        row.set(2, null);
        row.clear();
        row.setLong(1, 3L);

        assertThat(row.isNull(0)).isTrue();
        assertThat(row.isNull(1)).isFalse();
        assertThat(row.get(0)).isNull();
        assertThat(row.get(1)).isEqualTo(3L);
    }

    @Test
    void aCopyKeepsItsValuesWhenTheRowIsFilledAgain() {
        Row row = unboxed();
        Row copy = row.copy();

        row.setInt(0, 99);
        row.setTimestampMicros(4, 0);

        assertThat(copy).isEqualTo(boxed());
        assertThat(copy.getInt(0)).isEqualTo(-7);
    }

    @Test
    void valuesCompareAndHashAlikeBoxedOrNot() {
        Row boxed = boxed();
        Row unboxed = unboxed();
        for (int i = 0; i < boxed.width(); i++) {
            assertThat(unboxed.valueEquals(i, boxed.get(i))).as("column %s", i).isTrue();
            assertThat(boxed.valueEquals(i, unboxed.get(i))).isTrue();
            assertThat(unboxed.hashAt(i)).isEqualTo(boxed.hashAt(i));
        }
        assertThat(unboxed.valueEquals(0, -7L)).isFalse(); // an int column's value is an Integer
        assertThat(unboxed.valueEquals(2, 0.0)).isFalse(); // -0.0 is not 0.0, as Double.equals says
        assertThat(unboxed.valueEquals(4, MOMENT.plusNanos(1))).isFalse();
        assertThat(unboxed.valueEquals(3, null)).isFalse();
        assertThat(new Row(1).valueEquals(0, null)).isTrue();
        Row nan = new Row(1);
        nan.setDouble(0, Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
        assertThat(nan.valueEquals(0, Double.NaN)).isTrue();
    }

    @Test
    void aGetterOfAnotherTypeFailsAsACastWould() {
        Row row = unboxed();

        assertThatThrownBy(() -> row.getInt(1))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("class java.lang.Long cannot be cast to class java.lang.Integer");
        assertThatThrownBy(() -> row.getLong(2))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("class java.lang.Double cannot be cast to class java.lang.Long");
        assertThatThrownBy(() -> row.getDouble(5))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("class java.lang.String cannot be cast to class java.lang.Double");
        assertThatThrownBy(() -> row.getTimestampMicros(3)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> new Row(1).getLong(0)).isInstanceOf(NullPointerException.class);
    }
}
