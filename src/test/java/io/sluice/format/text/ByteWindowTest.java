package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ByteWindowTest {
    private static ByteWindow window(String text, int capacity, int maxRecord) {
        return new ByteWindow(new ByteArrayInputStream(text.getBytes(UTF_8)), 100, capacity, maxRecord);
    }

    @Test
    void fillKeepsTheUnreadBytesAndTheirOffsets() throws IOException {
        ByteWindow window = window("abcdefghij", 4, 64);
        assertThat(window.fill()).isTrue();
        window.position(3);

        assertThat(window.request(5)).isTrue();

        String unread = new String(window.bytes(), window.position(), 5, UTF_8);
        assertThat(unread).isEqualTo("defgh");
        assertThat(window.offset(window.position())).isEqualTo(103);
    }

    @Test
    void theStreamViewReadsTheUnreadBytesThenTheRest() throws IOException {
        ByteWindow window = window("header\nrest of it", 4, 64);
        LineBreaks.skipLine(window);

        assertThat(new String(window.asStream().readAllBytes(), UTF_8)).isEqualTo("rest of it");
    }

    @Test
    void aRecordLongerThanTheLimitFailsWithItsOffset() throws IOException {
        ByteWindow window = window("x".repeat(100), 8, 32);

        assertThat(window.request(32)).isTrue();
        assertThatThrownBy(() -> window.request(33))
                .isInstanceOf(IOException.class)
                .hasMessage("a record at offset 100 is longer than 32 bytes: is this really text of the table's"
                        + " format, with line breaks?");
    }

    @Test
    void skipLineHandlesEveryLineEndingAcrossRefills() throws IOException {
        ByteWindow window = window("a\r\nb\rc\nd", 2, 64);
        StringBuilder starts = new StringBuilder();
        do {
            if (window.request(1)) {
                starts.append((char) window.bytes()[window.position()]);
            }
        } while (LineBreaks.skipLine(window));

        assertThat(starts.toString()).isEqualTo("abcd");
    }
}
