package io.sluice.classify.text;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Turns the head of a file into text, or says it is binary.
 *
 * <p>A byte order mark decides UTF-8, UTF-16LE or UTF-16BE. Without one, bytes that are valid UTF-8 are UTF-8; any
 * other bytes are a single-byte Western encoding, in which every byte decodes: windows-1252 when the bytes 0x80–0x9F
 * occur (printable there, control characters in ISO-8859-1), else ISO-8859-1. UTF-16 without a byte order mark is
 * not recognised: its NUL bytes make it binary, as NUL bytes do in any text without a byte order mark.
 *
 * <p>Decoded text is binary when more than 1% of its characters are control characters other than tab, line breaks,
 * form feed and the separators data files use on purpose (U+0001–U+0003, Hive's default delimiters, and
 * U+001C–U+001F, the ASCII file/group/record/unit separators).
 */
final class TextDecoder {
    private static final double MAX_CONTROL_SHARE = 0.01;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {}

    /**
     * The text of the bytes, empty when they are binary. When {@code complete} is false the bytes may end inside a
     * character; that partial character is dropped.
     */
    static Optional<DecodedText> decode(byte[] bytes, boolean complete) {
        Optional<DecodedText> decoded = withByteOrderMark(bytes, complete);
        if (decoded.isEmpty()) {
            if (indexOf(bytes, (byte) 0) >= 0) {
                return Optional.empty();
            }
            decoded = Optional.of(withoutByteOrderMark(bytes, complete));
        }
        return decoded.filter(d -> !isBinary(d.text()));
    }

    private static Optional<DecodedText> withByteOrderMark(byte[] bytes, boolean complete) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            int end = complete ? bytes.length : completeUtf8Length(bytes);
            return Optional.of(bom(new String(bytes, 3, end - 3, UTF_8), UTF_8, "EF BB BF"));
        }
        boolean littleEndian = startsWith(bytes, 0xFF, 0xFE);
        if (littleEndian || startsWith(bytes, 0xFE, 0xFF)) {
            // A truncated sample may end in the middle of a two-byte unit.
            int end = complete ? bytes.length : bytes.length - (bytes.length % 2);
            Charset charset = littleEndian ? UTF_16LE : UTF_16BE;
            return Optional.of(bom(new String(bytes, 2, end - 2, charset), charset, littleEndian ? "FF FE" : "FE FF"));
        }
        return Optional.empty();
    }

    private static DecodedText bom(String text, Charset charset, String mark) {
        return new DecodedText(text, charset, true, "byte order mark " + mark);
    }

    private static DecodedText withoutByteOrderMark(byte[] bytes, boolean complete) {
        int end = complete ? bytes.length : completeUtf8Length(bytes);
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, end);
        CharBuffer out = CharBuffer.allocate(end);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return new DecodedText(out.flip().toString(), UTF_8, false, "valid UTF-8, no byte order mark");
        }
        String why = String.format(
                "byte 0x%02X at offset %d is not valid UTF-8", bytes[in.position()] & 0xFF, in.position());
        return singleByte(bytes, why);
    }

    private static DecodedText singleByte(byte[] bytes, String why) {
        if (usesWindows1252Range(bytes)) {
            Optional<String> text = decodeStrictly(bytes, WINDOWS_1252);
            if (text.isPresent()) {
                return new DecodedText(
                        text.get(), WINDOWS_1252, false, why + "; bytes 0x80-0x9F are printable in windows-1252");
            }
        }
        return new DecodedText(new String(bytes, ISO_8859_1), ISO_8859_1, false, why + "; read as Latin-1");
    }

    private static Optional<String> decodeStrictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException undefinedByte) {
            return Optional.empty();
        }
    }

    private static boolean usesWindows1252Range(byte[] bytes) {
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (unsigned >= 0x80 && unsigned <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    /** The length without a multi-byte UTF-8 sequence cut off at the end. */
    static int completeUtf8Length(byte[] bytes) {
        int length = bytes.length;
        for (int i = length - 1; i >= Math.max(0, length - 4); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            return length - i < utf8SequenceLength(b) ? i : length;
        }
        return length;
    }

    private static int utf8SequenceLength(int lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        return (lead & 0xF8) == 0xF0 ? 4 : 1;
    }

    static boolean isBinary(String text) {
        if (text.indexOf('\0') >= 0) {
            return true;
        }
        long suspicious = text.chars().filter(TextDecoder::isSuspicious).count();
        return suspicious > text.length() * MAX_CONTROL_SHARE;
    }

    private static boolean isSuspicious(int c) {
        if (c < 0x20) {
            return !(c == '\t' || c == '\n' || c == '\r' || c == '\f' || (c >= 0x01 && c <= 0x03) || c >= 0x1C);
        }
        return c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFFFD;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
