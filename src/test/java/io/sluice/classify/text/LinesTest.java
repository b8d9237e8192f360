package io.sluice.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void dropsThePartialLastLine() {
        assertThat(Lines.dropPartialLast("a,b\n1,2\n3,")).isEqualTo("a,b\n1,2\n");
        assertThat(Lines.dropPartialLast("a,b\r\n1,2\r\n")).isEqualTo("a,b\r\n1,2\r\n");
        assertThat(Lines.dropPartialLast("no break")).isEmpty();
    }

    @Test
    void headKeepsLineBreaks() {
        assertThat(Lines.head("a\r\nb\r\nc\r\n", 2)).isEqualTo("a\r\nb\r\n");
        assertThat(Lines.head("a\rb\rc", 1)).isEqualTo("a\r");
        assertThat(Lines.head("a\nb", 5)).isEqualTo("a\nb");
    }

    @Test
    void splitsOnEveryLineEnding() {
        assertThat(Lines.split("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
        assertThat(Lines.split("a\n\nb\n")).containsExactly("a", "", "b");
    }

    @Test
    void countsLines() {
        assertThat(Lines.count("a\nb\n")).isEqualTo(2);
        assertThat(Lines.count("a\r\nb")).isEqualTo(2);
        assertThat(Lines.count("a\r\rb")).isEqualTo(3);
        assertThat(Lines.count("")).isZero();
    }

    @Test
    void detectsTheLineEnding() {
        assertThat(LineEnding.detect("a\nb\n")).isEqualTo(LineEnding.LF);
        assertThat(LineEnding.detect("a\r\nb\r\n")).isEqualTo(LineEnding.CRLF);
        assertThat(LineEnding.detect("a\rb\r")).isEqualTo(LineEnding.CR);
        assertThat(LineEnding.detect("one line")).isEqualTo(LineEnding.LF);
        assertThat(LineEnding.detect("a\r\nb\r\nc\n")).as("most frequent wins").isEqualTo(LineEnding.CRLF);
    }
}
