package io.sluice.classify.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the complete row elements of the content, one at a time, and stops at the first one the content cuts off
 * (or at the first error, or a row nested more than {@value #MAX_NESTING} levels deep): a sample ends wherever its
 * bound falls, and a half row would mislead the inference.
 */
final class XmlRowReader {
    /** Deeper rows end the reading: no table nests so deep, and the recursion must stay far from the stack's end. */
    static final int MAX_NESTING = 64;

    private XmlRowReader() {}

    /** Hands each complete row element to {@code rows}; returns what stopped the reading early, if anything. */
    static Optional<XMLStreamException> read(byte[] content, RowTagDetector.RowTag tag, Consumer<XmlElement> rows) {
        int depth = -1;
        try {
            XMLStreamReader reader = SafeXml.reader(content);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == tag.depth() && reader.getLocalName().equals(tag.name())) {
                        rows.accept(element(reader, 0));
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException cutOrDamaged) {
            // Stop at the last complete row; whether the damage matters was decided on the first pass.
            return Optional.of(cutOrDamaged);
        }
        return Optional.empty();
    }

    /** The element the reader is at the start of, read to its end. */
    private static XmlElement element(XMLStreamReader reader, int nesting) throws XMLStreamException {
        if (nesting > MAX_NESTING) {
            throw new XMLStreamException("elements nested more than " + MAX_NESTING + " levels deep in a row");
        }
        String name = reader.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader, nesting + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(
                        reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(
                            name, attributes, children, text.toString().trim());
                }
                default -> {
                    // Comments and processing instructions carry no data.
                }
            }
        }
    }
}
