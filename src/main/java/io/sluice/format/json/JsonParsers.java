package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Jackson parsers over bytes in a table's charset; NaN and Infinity read as doubles, as the classifier reads them. */
final class JsonParsers {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Charset charset;
    private final boolean utf8;

    JsonParsers(Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** A parser over a range of bytes: Jackson's byte parser for UTF-8, else the decoded text. */
    JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        return utf8
                ? FACTORY.createParser(bytes, offset, length)
                : FACTORY.createParser(new String(bytes, offset, length, charset));
    }

    /** A parser over a whole stream. */
    JsonParser parser(InputStream in) throws IOException {
        return utf8 ? FACTORY.createParser(in) : FACTORY.createParser(new InputStreamReader(in, charset));
    }
}
