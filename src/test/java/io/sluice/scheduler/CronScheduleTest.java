package io.sluice.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant utc(String time) {
        return LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
    }

    private static Instant berlin(String time) {
        return LocalDateTime.parse(time).atZone(BERLIN).toInstant();
    }

    @Test
    void everyMinuteIsAllowed() {
        CronSchedule cron = CronSchedule.parse("* * * * *", ZoneOffset.UTC);

        assertThat(cron.between(utc("2024-05-01T10:00:00"), utc("2024-05-01T10:03:00"), 10))
                .containsExactly(utc("2024-05-01T10:01:00"), utc("2024-05-01T10:02:00"), utc("2024-05-01T10:03:00"));
    }

    @Test
    void sixFieldsStartWithSeconds() {
        CronSchedule cron = CronSchedule.parse("*/20 * * * * *", ZoneOffset.UTC);

        assertThat(cron.between(utc("2024-05-01T10:00:00"), utc("2024-05-01T10:01:00"), 10))
                .containsExactly(utc("2024-05-01T10:00:20"), utc("2024-05-01T10:00:40"), utc("2024-05-01T10:01:00"));
    }

    @Test
    void theThirtyFirstSkipsShorterMonths() {
        CronSchedule cron = CronSchedule.parse("0 6 31 * *", ZoneOffset.UTC);

        assertThat(cron.between(utc("2024-01-01T00:00:00"), utc("2024-08-01T00:00:00"), 10))
                .containsExactly(
                        utc("2024-01-31T06:00:00"),
                        utc("2024-03-31T06:00:00"),
                        utc("2024-05-31T06:00:00"),
                        utc("2024-07-31T06:00:00"));
    }

    @Test
    void februaryTheTwentyNinthOnlyInLeapYears() {
        CronSchedule cron = CronSchedule.parse("0 0 29 2 *", ZoneOffset.UTC);

        assertThat(cron.nextAfter(utc("2023-01-01T00:00:00"))).contains(utc("2024-02-29T00:00:00"));
        assertThat(cron.nextAfter(utc("2024-03-01T00:00:00"))).contains(utc("2028-02-29T00:00:00"));
    }

    @Test
    void aTimeInTheZoneFollowsItsWallClockAcrossDaylightSaving() {
        CronSchedule cron = CronSchedule.parse("0 2 * * *", BERLIN);

        // Winter: 02:00 in Berlin is 01:00 UTC; summer: 00:00 UTC.
        assertThat(cron.nextAfter(berlin("2024-03-20T12:00"))).contains(utc("2024-03-21T01:00:00"));
        assertThat(cron.nextAfter(berlin("2024-04-20T12:00"))).contains(utc("2024-04-21T00:00:00"));
    }

    @Test
    void aTimeThatDoesNotExistWhenClocksGoForwardIsSkipped() {
        // On 2024-03-31 Berlin's clocks jump from 02:00 to 03:00: 02:30 does not exist that day.
        CronSchedule cron = CronSchedule.parse("30 2 * * *", BERLIN);

        List<Instant> times = cron.between(berlin("2024-03-30T12:00"), berlin("2024-04-01T12:00"), 10);

        assertThat(times).containsExactly(berlin("2024-04-01T02:30"));
    }

    @Test
    void aTimeThatExistsTwiceWhenClocksGoBackFiresOnce() {
        // On 2024-10-27 Berlin's clocks go back from 03:00 to 02:00: 02:30 happens twice.
        CronSchedule cron = CronSchedule.parse("30 2 * * *", BERLIN);

        List<Instant> times = cron.between(berlin("2024-10-26T12:00"), berlin("2024-10-28T12:00"), 10);

        assertThat(times).hasSize(2);
        assertThat(times.get(0).atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2024-10-27T02:30"));
        assertThat(times.get(1).atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2024-10-28T02:30"));
    }

    @Test
    void hourlyRunsKeepTheirPaceThroughTheNightClocksGoBack() {
        CronSchedule cron = CronSchedule.parse("0 * * * *", BERLIN);

        List<Instant> times = cron.between(utc("2024-10-26T22:30:00"), utc("2024-10-27T03:30:00"), 10);

        // One run each real hour, 23:00 to 03:00 UTC, although 02:00 local happens twice.
        assertThat(times)
                .containsExactly(
                        utc("2024-10-26T23:00:00"),
                        utc("2024-10-27T00:00:00"),
                        utc("2024-10-27T01:00:00"),
                        utc("2024-10-27T02:00:00"),
                        utc("2024-10-27T03:00:00"));
    }

    @Test
    void hourlyRunsSkipNoRealHourTheNightClocksGoForward() {
        CronSchedule cron = CronSchedule.parse("0 * * * *", BERLIN);

        List<Instant> times = cron.between(utc("2024-03-30T23:30:00"), utc("2024-03-31T03:30:00"), 10);

        assertThat(times)
                .containsExactly(
                        utc("2024-03-31T00:00:00"),
                        utc("2024-03-31T01:00:00"),
                        utc("2024-03-31T02:00:00"),
                        utc("2024-03-31T03:00:00"));
    }

    @Test
    void wrongExpressionsSayWhy() {
        assertThatThrownBy(() -> CronSchedule.parse("0 2 * *", ZoneOffset.UTC))
                .hasMessageContaining("has 4 fields: a cron expression has 5");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", ZoneOffset.UTC))
                .hasMessageContaining("'61 * * * *' is not a valid cron expression");
    }
}
