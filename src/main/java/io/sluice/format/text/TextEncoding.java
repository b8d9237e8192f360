package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.SluiceException;
import io.sluice.format.ReadSpec;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * The charset of a text table: the SerDe's {@code serialization.encoding} (which the classifiers record when a file
 * is not UTF-8), else UTF-8.
 */
public final class TextEncoding {
    public static final String PARAMETER = "serialization.encoding";

    private static final byte[] ASCII = ascii();

    private TextEncoding() {}

    /** The recorded charset, UTF-8 when none is. */
    public static Charset of(ReadSpec spec) {
        return spec.parameter(PARAMETER).map(TextEncoding::forName).orElse(UTF_8);
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw SluiceException.invalidArgument(
                    "%s '%s' is not a charset this JVM knows; use a name such as UTF-8 or ISO-8859-1", PARAMETER, name);
        }
    }

    /**
     * True when every ASCII character is the same single byte in this charset and no character's encoding contains
     * such a byte — UTF-8, ISO-8859-x, windows-125x — so delimiters and line breaks can be found in the raw bytes.
     * UTF-16 and UTF-32 are not.
     */
    public static boolean isAsciiCompatible(Charset charset) {
        if (charset.equals(UTF_8)) {
            return true;
        }
        if (!charset.canEncode()) {
            return false;
        }
        CharsetEncoder encoder = charset.newEncoder();
        if (encoder.maxBytesPerChar() != 1.0f) {
            return false; // multi-byte encodings (Shift_JIS...) may use ASCII bytes inside characters
        }
        try {
            var encoded = encoder.encode(java.nio.CharBuffer.wrap(new String(ASCII, UTF_8)));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Arrays.equals(bytes, ASCII);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] ascii() {
        byte[] bytes = new byte[128];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
