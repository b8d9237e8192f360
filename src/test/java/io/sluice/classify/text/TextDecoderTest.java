package io.sluice.classify.text;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void plainUtf8() {
        DecodedText decoded =
                TextDecoder.decode("id,prénom\n1,Zoë\n".getBytes(UTF_8), true).orElseThrow();
        assertThat(decoded.text()).isEqualTo("id,prénom\n1,Zoë\n");
        assertThat(decoded.charset()).isEqualTo(UTF_8);
        assertThat(decoded.byteOrderMark()).isFalse();
        assertThat(decoded.isUtf8()).isTrue();
    }

    @Test
    void utf8ByteOrderMarkIsDropped() {
        byte[] content = concat(bytes(0xEF, 0xBB, 0xBF), "a,b\n".getBytes(UTF_8));
        DecodedText decoded = TextDecoder.decode(content, true).orElseThrow();
        assertThat(decoded.text()).isEqualTo("a,b\n");
        assertThat(decoded.byteOrderMark()).isTrue();
        assertThat(decoded.describe()).isEqualTo("encoding UTF-8: byte order mark EF BB BF");
    }

    @Test
    void utf16WithByteOrderMark() {
        DecodedText little = TextDecoder.decode(concat(bytes(0xFF, 0xFE), "x;y\n".getBytes(UTF_16LE)), true)
                .orElseThrow();
        assertThat(little.text()).isEqualTo("x;y\n");
        assertThat(little.charset()).isEqualTo(UTF_16LE);
        DecodedText big = TextDecoder.decode(concat(bytes(0xFE, 0xFF), "x;y\n".getBytes(UTF_16BE)), true)
                .orElseThrow();
        assertThat(big.text()).isEqualTo("x;y\n");
        assertThat(big.charset()).isEqualTo(UTF_16BE);
    }

    @Test
    void truncatedUtf16DropsTheHalfUnit() {
        byte[] content = concat(bytes(0xFF, 0xFE), "ab".getBytes(UTF_16LE));
        byte[] cut = Arrays.copyOf(content, content.length - 1);
        assertThat(TextDecoder.decode(cut, false).orElseThrow().text()).isEqualTo("a");
    }

    @Test
    void utf16WithoutByteOrderMarkIsBinary() {
        assertThat(TextDecoder.decode("a,b\n1,2\n".getBytes(UTF_16LE), true)).isEmpty();
    }

    @Test
    void truncatedMultiByteCharacterIsDropped() {
        byte[] content = "a,é".getBytes(UTF_8);
        byte[] cut = Arrays.copyOf(content, content.length - 1);
        DecodedText decoded = TextDecoder.decode(cut, false).orElseThrow();
        assertThat(decoded.charset()).isEqualTo(UTF_8);
        assertThat(decoded.text()).isEqualTo("a,");
        assertThat(TextDecoder.completeUtf8Length("€".getBytes(UTF_8))).isEqualTo(3);
        assertThat(TextDecoder.completeUtf8Length(Arrays.copyOf("€".getBytes(UTF_8), 2)))
                .isZero();
    }

    @Test
    void invalidUtf8FallsBackToLatin1() {
        DecodedText decoded = TextDecoder.decode("id;nom\n1;Café\n".getBytes(ISO_8859_1), true)
                .orElseThrow();
        assertThat(decoded.text()).isEqualTo("id;nom\n1;Café\n");
        assertThat(decoded.charset()).isEqualTo(ISO_8859_1);
        assertThat(decoded.evidence()).isEqualTo("byte 0xE9 at offset 12 is not valid UTF-8; read as Latin-1");
    }

    @Test
    void windows1252WhenItsPrintableRangeIsUsed() {
        Charset windows1252 = Charset.forName("windows-1252");
        DecodedText decoded = TextDecoder.decode("item;price\nCafé;3 €\n".getBytes(windows1252), true)
                .orElseThrow();
        assertThat(decoded.charset()).isEqualTo(windows1252);
        assertThat(decoded.text()).isEqualTo("item;price\nCafé;3 €\n");
    }

    @Test
    void nulBytesMeanBinary() {
        assertThat(TextDecoder.decode(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D), true))
                .isEmpty();
    }

    @Test
    void manyControlCharactersMeanBinary() {
        byte[] content = "some text with\u0007bells\u0007and\u0008backspaces\u0007".getBytes(UTF_8);
        assertThat(TextDecoder.decode(content, true)).isEmpty();
    }

    @Test
    void hiveAndAsciiSeparatorsAreText() {
        String text = "1\u00012\u0002x\u00033\n4\u001f5\u001e\n";
        assertThat(TextDecoder.decode(text.getBytes(UTF_8), true)).isPresent();
    }

    @Test
    void emptyContentIsEmptyText() {
        assertThat(TextDecoder.decode(new byte[0], true).orElseThrow().text()).isEmpty();
    }
}
