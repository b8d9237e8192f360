package io.sluice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8BufferTest {
    private final Utf8Buffer buffer = new Utf8Buffer();

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "é and ß", "€ ✓ 中文", "𝄞 clef and 😀 emoji", "a\u0000b"})
    void encodesAsStringGetBytesDoes(String text) {
        int length = buffer.encode(text);

        assertThat(Arrays.copyOf(buffer.bytes(), length)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800 high", "lone \uDC00 low", "end \uD83D"})
    void unpairedSurrogatesBecomeQuestionMarksAsInStringGetBytes(String text) {
        int length = buffer.encode(text);

        assertThat(new String(buffer.bytes(), 0, length, StandardCharsets.UTF_8))
                .isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("?");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 10_000})
    void growsForLongTextAndIsReused(int repeat) {
        String text = "ü".repeat(repeat);
        int length = buffer.encode(text);
        assertThat(length).isEqualTo(2 * repeat);

        int again = buffer.encode("ok");
        assertThat(new String(buffer.bytes(), 0, again, StandardCharsets.UTF_8)).isEqualTo("ok");
    }
}
