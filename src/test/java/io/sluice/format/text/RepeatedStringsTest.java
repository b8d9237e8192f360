package io.sluice.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {
    private static String text(RepeatedStrings strings, String value) {
        byte[] line = ("xx," + value + ",yy").getBytes(StandardCharsets.UTF_8);
        return strings.text(line, 3, line.length - 3);
    }

    @Test
    void aRepeatedValueIsTheSameString() {
        RepeatedStrings strings = new RepeatedStrings(StandardCharsets.UTF_8);

        String first = text(strings, "DE");
        String again = text(strings, "DE");

        assertThat(first).isEqualTo("DE");
        assertThat(again).isSameAs(first);
        assertThat(text(strings, "Ünïcode")).isEqualTo("Ünïcode").isSameAs(text(strings, "Ünïcode"));
    }

    @Test
    void valuesThatShareASlotOrAreLongAreStillRight() {
        RepeatedStrings strings = new RepeatedStrings(StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < RepeatedStrings.SLOTS * 2; i++) {
                assertThat(text(strings, "P" + i)).isEqualTo("P" + i);
            }
        }
        String longValue = "a value longer than the cached ones, " + "x".repeat(RepeatedStrings.MAX_LENGTH);
        assertThat(text(strings, longValue)).isEqualTo(longValue).isNotSameAs(text(strings, longValue));
    }

    @Test
    void aColumnOfDistinctValuesStopsLookingAfterAWindow() {
        RepeatedStrings strings = new RepeatedStrings(StandardCharsets.UTF_8);
        for (int i = 0; i < RepeatedStrings.WINDOW; i++) {
            assertThat(text(strings, "id-" + i)).isEqualTo("id-" + i);
        }
        assertThat(strings.off()).isTrue();
        assertThat(text(strings, "id-1")).isEqualTo("id-1").isNotSameAs(text(strings, "id-1"));
    }

    @Test
    void aColumnOfRepeatingValuesKeepsLooking() {
        RepeatedStrings strings = new RepeatedStrings(StandardCharsets.UTF_8);
        for (int i = 0; i < RepeatedStrings.WINDOW * 3; i++) {
            text(strings, "C" + i % 50);
        }
        assertThat(strings.off()).isFalse();
    }
}
