package io.sluice.classify;

import java.nio.charset.StandardCharsets;

/**
 * Checks of the magic bytes that open (and for footer formats, close) a binary file, shared by the classifiers of
 * self-describing formats.
 */
public final class Magic {
    private Magic() {}

    /** The bytes of an ASCII magic string such as {@code PAR1}. */
    public static byte[] ascii(String magic) {
        return magic.getBytes(StandardCharsets.US_ASCII);
    }

    /** True when {@code bytes} begins with {@code magic}. */
    public static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text for messages: printable ASCII as is, anything else as {@code \xNN}. */
    public static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.toString();
    }

    /**
     * Rejects a file of a footer or block format that was compressed as a whole ({@code data.parquet.gz}): its sample
     * was decompressed, so the magic matched, but neither Sluice nor Hive can read such a file in place, since these
     * formats compress their own pages and are read by seeking.
     */
    public static void requireNotCompressedWhole(FileSample sample, String format) throws CorruptFileException {
        if (sample.compression().isPresent()) {
            throw new CorruptFileException(sample + ": a " + format + " file compressed as a whole with "
                    + sample.compression().get() + " cannot be read in place (" + format
                    + " compresses its own data); decompress it");
        }
    }
}
