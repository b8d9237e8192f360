package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTableTest {

    @Test
    void numbersGroupsInTheOrderTheyAppearAndFindsThemAgain() {
        GroupTable table = new GroupTable(2);

        assertThat(table.groupOf(new Object[] {"DE", 1})).isEqualTo(~0);
        assertThat(table.groupOf(new Object[] {"FR", 1})).isEqualTo(~1);
        assertThat(table.groupOf(new Object[] {null, null})).isEqualTo(~2);
        assertThat(table.groupOf(new Object[] {"DE", 1})).isEqualTo(0);
        assertThat(table.groupOf(new Object[] {null, null})).isEqualTo(2);
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
                        int group = table.groupOf(new Object[] {code, date});
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
    void startsEmptyAfterClear() {
        GroupTable table = new GroupTable(1);
        for (int i = 0; i < 1000; i++) {
            table.groupOf(new Object[] {(long) i});
        }
        table.clear();

        assertThat(table.size()).isZero();
        assertThat(table.groupOf(new Object[] {500L})).isEqualTo(~0);
        assertThat(table.groupOf(new Object[] {500L})).isEqualTo(0);
    }
}
