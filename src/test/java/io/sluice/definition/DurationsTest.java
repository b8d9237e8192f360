package io.sluice.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEachUnitAndCombinations() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("1h 30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsNumbersWithoutUnitsAndUnitsOutOfOrder() {
        for (String text : new String[] {"30", "m", "30x", "30m2h", "", "1.5h"}) {
            assertThatThrownBy(() -> Durations.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not a duration: write a number with a unit s, m, h or d, such as"
                            + " 90s, 30m, 2h or 1h30m");
        }
    }

    @Test
    void formatsWhatItReadsBack() {
        assertThat(Durations.format(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.parse(Durations.format(Duration.ofHours(26)))).isEqualTo(Duration.ofHours(26));
    }
}
