package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedStringsTest {
    @Test
    void packingIsTheSameInTheMiddleAndAtTheEndOfAnArray() {
        byte[] b = "xxÜ\u0000DE".getBytes(UTF_8);
        for (int from = 0; from < b.length; from++) {
            for (int length = 1; from + length <= b.length && length <= PackedStrings.MAX_LENGTH; length++) {
                byte[] padded = java.util.Arrays.copyOf(b, b.length + 16);
                assertThat(PackedStrings.pack(b, from, length))
                        .as("%d bytes at %d", length, from)
                        .isEqualTo(PackedStrings.pack(padded, from, length));
            }
        }
    }

    @Test
    void valuesThatDifferOnlyInLengthOrZeroBytesAreDifferent() {
        RepeatedStrings strings = new RepeatedStrings(UTF_8);
        List<String> values = List.of("A", "A\u0000", "\u0000A", "\u0000", "AB", "ÄB", "Ä", "日本", "12345678");
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                byte[] b = ("," + value + ",").getBytes(UTF_8);
                assertThat(strings.text(b, 1, b.length - 1)).isEqualTo(value);
            }
        }
    }

    @Test
    void randomBytesAlwaysGiveTheirOwnString() {
        RepeatedStrings strings = new RepeatedStrings(UTF_8);
        Random random = new Random(3);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] value = new byte[1 + random.nextInt(PackedStrings.MAX_LENGTH)];
            for (int j = 0; j < value.length; j++) {
                value[j] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
            }
            values.add(value);
        }
        for (int i = 0; i < 50_000; i++) {
            byte[] value = values.get(random.nextInt(random.nextBoolean() ? 20 : values.size()));
            byte[] line = new byte[value.length + 2];
            System.arraycopy(value, 0, line, 1, value.length);
            String text = strings.text(line, 1, line.length - 1);
            assertThat(text).isEqualTo(new String(value, UTF_8));
        }
        byte[] often = values.get(0);
        assertThat(strings.text(often, 0, often.length)).isSameAs(strings.text(often, 0, often.length));
    }
}
