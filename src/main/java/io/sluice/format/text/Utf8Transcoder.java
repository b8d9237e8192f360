package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The text of a stream in another charset, as UTF-8 bytes: what lets the byte-scanning readers read UTF-16 files.
 * Bytes that are not valid in the source charset become U+FFFD, as a {@link Reader} makes them.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer encoded = ByteBuffer.allocate(8192 * 3);
    private boolean endOfInput;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset);
        chars.flip();
        encoded.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!encoded.hasRemaining()) {
            if (endOfInput && !chars.hasRemaining()) {
                return -1;
            }
            encodeMore();
        }
        int n = Math.min(len, encoded.remaining());
        encoded.get(target, off, n);
        return n;
    }

    private void encodeMore() throws IOException {
        chars.compact();
        int n = endOfInput ? -1 : reader.read(chars);
        chars.flip();
        if (n < 0) {
            endOfInput = true;
        }
        encoded.clear();
        CoderResult result = encoder.encode(chars, encoded, endOfInput);
        if (endOfInput && !chars.hasRemaining()) {
            encoder.flush(encoded);
        }
        if (result.isError()) {
            result.throwException();
        }
        encoded.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
