package io.sluice.format.xml;

import io.sluice.classify.xml.SafeXml;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextSplit;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the row elements of an XML file — every element named as the row tag that is not inside another one, at
 * any depth — each read whole ({@link XmlNode}) and then into a row. A row whose values do not fit is a bad record
 * with the line where the row starts; XML that is not well-formed cannot be read past, so it is reported once and
 * ends the file.
 */
final class XmlRecordReader implements RowReader {
    private final String file;
    private final TextSplit split;
    private final XMLStreamReader reader;
    private final String rowTag;
    private final XmlStructConverter row;
    private boolean done;

    XmlRecordReader(String file, TextSplit split, String rowTag, XmlStructConverter row)
            throws IOException, XMLStreamException {
        this.file = file;
        this.split = split;
        this.reader = SafeXml.reader(XmlFragments.wrap(split.window().asStream()));
        this.rowTag = rowTag;
        this.row = row;
    }

    @Override
    public boolean next(Row target) throws IOException, BadRecordException {
        if (done) {
            return false;
        }
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals(rowTag)) {
                    long line = reader.getLocation().getLineNumber();
                    XmlNode element = XmlNode.read(reader);
                    fill(element, target, line);
                    return true;
                }
            }
        } catch (XMLStreamException e) {
            done = true;
            throw new BadRecordException(
                    file,
                    line(e.getLocation()),
                    Optional.empty(),
                    Optional.empty(),
                    "is not well-formed XML: " + message(e) + "; the rest of the file cannot be read");
        }
        done = true;
        return false;
    }

    private void fill(XmlNode element, Row target, long line) throws BadRecordException {
        try {
            row.fill(element, target);
        } catch (XmlValueException e) {
            throw new BadRecordException(
                    file, OptionalLong.of(line), Optional.of(e.path()), Optional.ofNullable(e.value()), e.reason());
        }
    }

    private static OptionalLong line(Location location) {
        return location == null || location.getLineNumber() < 0
                ? OptionalLong.empty()
                : OptionalLong.of(location.getLineNumber());
    }

    /** StAX messages repeat the location in a "ParseError at [row,col]:[...]" prefix. */
    private static String message(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot close the XML reader of " + file, e);
        } finally {
            split.close();
        }
    }
}
