package io.sluice.format.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a row, read whole: local name, attributes by local name, child elements in document order, and its
 * own text, trimmed. Comments and processing instructions carry no data.
 */
record XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, String text) {
    /** Deeper rows are rejected: no table nests so deep, and the recursion must stay far from the stack's end. */
    static final int MAX_NESTING = 64;

    /** Reads the element whose start the reader is at, up to and including its end. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        return read(reader, 0);
    }

    private static XmlNode read(XMLStreamReader reader, int nesting) throws XMLStreamException {
        if (nesting > MAX_NESTING) {
            throw new XMLStreamException(
                    "elements nested more than " + MAX_NESTING + " levels deep in a row", reader.getLocation());
        }
        String name = reader.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader, nesting + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(
                        reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlNode(
                            name, attributes, children, text.toString().strip());
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** The attribute of this name in any case, or null. */
    String attribute(String wanted) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getKey().equalsIgnoreCase(wanted)) {
                return attribute.getValue();
            }
        }
        return null;
    }

    /** The children of this name in any case. */
    List<XmlNode> children(String wanted) {
        List<XmlNode> found = new ArrayList<>(1);
        for (XmlNode child : children) {
            if (child.name.equalsIgnoreCase(wanted)) {
                found.add(child);
            }
        }
        return found;
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
