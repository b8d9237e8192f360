package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTableTest {
    private static final int[] FIRST_TWO = {0, 1};

    private static int groupOf(GroupTable table, Object... values) {
        return table.groupOf(Row.of(values), values.length == 2 ? FIRST_TWO : new int[] {0});
    }

    @Test
    void numbersGroupsInTheOrderTheyAppearAndFindsThemAgain() {
        GroupTable table = new GroupTable(2);

        assertThat(groupOf(table, "DE", 1)).isEqualTo(~0);
        assertThat(groupOf(table, "FR", 1)).isEqualTo(~1);
        assertThat(groupOf(table, null, null)).isEqualTo(~2);
        assertThat(groupOf(table, "DE", 1)).isEqualTo(0);
        assertThat(groupOf(table, null, null)).isEqualTo(2);
        assertThat(table.size()).isEqualTo(3);
        assertThat(List.of(table.value(1, 0), table.value(1, 1))).containsExactly("FR", 1);
    }

    @Test
    void keepsManyGroupsWhoseHashCodesCombineAlikeApart() {
        // Two-letter codes and the days of a year: Arrays.hashCode makes thousands of these pairs collide.
        GroupTable table = new GroupTable(2);
        Map<List<Object>, Integer> expected = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (char first = 'A'; first <= 'Z'; first++) {
                for (char second = 'A'; second <= 'Z'; second += 5) {
                    for (int day = 0; day < 365; day += 3) {
                        String code = "" + first + second;
                        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day);
                        int group = groupOf(table, code, date);
                        if (pass == 0) {
                            assertThat(group).as("new group %s %s", code, date).isNegative();
                            expected.put(List.of(code, date), ~group);
                        } else {
                            assertThat(group).isEqualTo(expected.get(List.of(code, date)));
                        }
                    }
                }
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((values, group) -> assertThat(List.of(table.value(group, 0), table.value(group, 1)))
                .isEqualTo(values));
    }

    @Test
    void findsAGroupWhetherItsValuesAreHeldBoxedOrNot() {
        GroupTable table = new GroupTable(2);
        List<Row> rows = List.of(
                Row.of(7L, LocalDate.of(2024, 2, 29)),
                Row.of(7L, LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000)),
                Row.of(-0.0, 3),
                Row.of(0.0, 3),
                Row.of(Double.NaN, 3));
        List<Integer> groups = new ArrayList<>();
        for (Row row : rows) {
            groups.add(~table.groupOf(row, FIRST_TWO));
        }

        for (int i = 0; i < rows.size(); i++) {
            Row unboxed = RowTesting.unboxed(rows.get(i));
            assertThat(table.groupOf(unboxed, FIRST_TWO))
                    .as("%s unboxed", rows.get(i))
                    .isEqualTo(groups.get(i));
            Row widerUnboxed = new Row(3);
            widerUnboxed.setFrom(2, unboxed, 0);
            widerUnboxed.setFrom(0, unboxed, 1);
            assertThat(table.groupOf(widerUnboxed, new int[] {2, 0})).isEqualTo(groups.get(i));
        }
        assertThat(table.size()).isEqualTo(rows.size());
        assertThat(table.value(1, 1)).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000));

        GroupTable unboxedFirst = new GroupTable(2);
        int group = ~unboxedFirst.groupOf(RowTesting.unboxed(rows.get(1)), FIRST_TWO);
        assertThat(unboxedFirst.groupOf(rows.get(1), FIRST_TWO)).isEqualTo(group);
    }

    @Test
    void groupsAddedUnboxedAreFoundByTheirValuesAsEqualsComparesThem() {
        GroupTable table = new GroupTable(2);
        Row row = new Row(2);
        row.setLong(0, 7);
        row.setEpochDay(1, 19_782);
        int day = ~table.groupOf(row, FIRST_TWO);
        row.setEpochDay(1, 19_783);
        int nextDay = ~table.groupOf(row, FIRST_TWO);
        row.setDouble(1, 0.0);
        int zero = ~table.groupOf(row, FIRST_TWO);
        row.setDouble(1, -0.0);
        int negativeZero = ~table.groupOf(row, FIRST_TWO);
        row.setDouble(1, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)); // a NaN
        int nan = ~table.groupOf(row, FIRST_TWO);

        assertThat(List.of(day, nextDay, zero, negativeZero, nan)).doesNotHaveDuplicates();
        row.setEpochDay(1, 19_782);
        assertThat(table.groupOf(row, FIRST_TWO)).isEqualTo(day);
        row.setDouble(1, Double.NaN); // another NaN, equal by Double.equals
        assertThat(table.groupOf(row, FIRST_TWO)).isEqualTo(nan);
        row.setDouble(1, -0.0);
        assertThat(table.groupOf(row, FIRST_TWO)).isEqualTo(negativeZero);
        assertThat(table.groupOf(Row.of(7L, LocalDate.ofEpochDay(19_783)), FIRST_TWO))
                .as("the same day, boxed")
                .isEqualTo(nextDay);
        row.setLong(1, 19_782); // the bits of the first group's day, as another type
        assertThat(table.groupOf(row, FIRST_TWO)).isNegative();
        assertThat(table.value(day, 1)).isEqualTo(LocalDate.ofEpochDay(19_782));
    }

    @Test
    void startsEmptyAfterClear() {
        GroupTable table = new GroupTable(1);
        for (int i = 0; i < 1000; i++) {
            groupOf(table, (long) i);
        }
        table.clear();

        assertThat(table.size()).isZero();
        assertThat(groupOf(table, 500L)).isEqualTo(~0);
        assertThat(groupOf(table, 500L)).isEqualTo(0);
    }
}
