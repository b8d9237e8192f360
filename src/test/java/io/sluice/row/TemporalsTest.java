package io.sluice.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemporalsTest {
    private final Random random = new Random(42);

    @Test
    void epochDaysAgreeWithJavaTimeAcrossTheCalendar() {
        for (long day = -800_000; day <= 800_000; day += 1 + random.nextInt(37)) {
            LocalDate expected = LocalDate.ofEpochDay(day);
            assertThat(Temporals.ofEpochDay(day)).isEqualTo(expected);
            assertThat(Temporals.epochDay(expected)).isEqualTo(day);
        }
        for (LocalDate date : new LocalDate[] {
            LocalDate.MIN, LocalDate.MAX, LocalDate.of(2000, 2, 29), LocalDate.of(1900, 3, 1), LocalDate.of(-1, 12, 31)
        }) {
            assertThat(Temporals.epochDay(date)).isEqualTo(date.toEpochDay());
            assertThat(Temporals.ofEpochDay(date.toEpochDay())).isEqualTo(date);
        }
    }

    @Test
    void epochSecondsAgreeWithJavaTime() {
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 100_000_000_000L;
            int nano = i % 3 == 0 ? 0 : random.nextInt(1_000_000_000);
            LocalDateTime expected = LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC);
            assertThat(Temporals.ofEpochSecond(seconds, nano)).isEqualTo(expected);
            assertThat(Temporals.epochSecond(expected)).isEqualTo(seconds);
        }
    }

    @Test
    void epochMicrosAgreeWithJavaTimeAndDropOnlyTheNanoseconds() {
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 10_000_000_000L;
            int nanos = random.nextInt(1_000_000_000);
            LocalDateTime timestamp = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);

            long micros = Temporals.epochMicros(timestamp);

            assertThat(micros).isEqualTo(seconds * 1_000_000 + nanos / 1_000);
            assertThat(Temporals.ofEpochMicros(micros)).isEqualTo(timestamp.withNano(nanos / 1_000 * 1_000));
        }
        assertThatThrownBy(() -> Temporals.epochMicros(LocalDateTime.of(300_000, 1, 1, 0, 0)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void datesAreCheckedAndReusedTimesChecked() {
        assertThat(Temporals.date(2024, 2, 29))
                .isEqualTo(LocalDate.of(2024, 2, 29))
                .isSameAs(Temporals.date(2024, 2, 29));
        assertThatThrownBy(() -> Temporals.date(2023, 2, 29)).isInstanceOf(DateTimeException.class);
        assertThat(Temporals.time(23, 59, 59, 0)).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(Temporals.time(1, 2, 3, 400)).hasToString("01:02:03.000000400");
        assertThatThrownBy(() -> Temporals.time(24, 0, 0, 0)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.ofEpochDay(Long.MAX_VALUE / 2)).isInstanceOf(DateTimeException.class);
    }
}
