package io.sluice.format.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.SluiceException;
import io.sluice.classify.xml.XmlClassifier;
import io.sluice.format.FileFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextLayout;
import io.sluice.format.text.TextSplit;
import io.sluice.row.Row;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * XML, as the {@code xml} classifier records it: rows are the elements named by the table parameter {@code rowTag}
 * (else the tag of {@code xmlinput.start}); in each, a column is an attribute ({@code _id} for {@code id="..."}), its
 * own text ({@code _VALUE}), or child elements by name — nested ones as structs, repeated ones as arrays — or what
 * its SerDe parameter {@code column.xpath.<column>} names. Names match regardless of case and namespace prefix. Text
 * is parsed as every text format parses it ({@link io.sluice.format.TextValueParser}).
 *
 * <p>The JDK's StAX parser reads the file, with DTDs and external entities off ({@link
 * io.sluice.classify.xml.SafeXml}). A file of top-level elements without one root reads as if it had one. The
 * encoding comes from the file (byte order mark, XML declaration). An XML file is one document: the split at offset 0
 * reads it whole, compressed or not, and the other splits read nothing.
 */
public final class XmlFormat implements FileFormat {
    public static final String NAME = "xml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reads(ReadSpec spec) {
        return spec.classification().equalsIgnoreCase(NAME)
                || spec.serde().serializationLibrary().equals(XmlClassifier.SERDE);
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        requireNonNull(spec, "spec is null");
        String rowTag = rowTag(spec);
        XmlStructConverter row = XmlConverters.row(spec, rowTag);
        if (start != 0) {
            return new NoRows();
        }
        // The charset only decides the byte order mark skipped here; the parser reads the document's own encoding.
        TextSplit split = TextSplit.open(conf, file, start, length, new TextLayout(UTF_8, 0, true));
        try {
            return new XmlRecordReader(file.toString(), split, rowTag, row);
        } catch (XMLStreamException e) {
            split.close();
            throw new IOException("cannot read " + file + " as XML: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            split.close();
            throw e;
        }
    }

    /** The row element's name: {@code rowTag}, else the tag {@code xmlinput.start} opens. */
    static String rowTag(ReadSpec spec) {
        return spec.parameter("rowTag")
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .or(() -> spec.parameter("xmlinput.start").map(XmlFormat::tagOf))
                .filter(tag -> !tag.isEmpty())
                .orElseThrow(() -> SluiceException.invalidArgument(
                        "an XML table needs table parameter rowTag (or xmlinput.start), the element that holds a row"));
    }

    private static String tagOf(String start) {
        String tag = start.strip();
        tag = tag.startsWith("<") ? tag.substring(1) : tag;
        int end = 0;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '>') {
            end++;
        }
        return tag.substring(0, end);
    }

    /** What a split after the first reads. */
    private static final class NoRows implements RowReader {
        @Override
        public boolean next(Row row) {
            return false;
        }

        @Override
        public void close() {}
    }
}
