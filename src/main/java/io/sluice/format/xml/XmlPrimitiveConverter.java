package io.sluice.format.xml;

import io.sluice.format.TextValueParser;

/**
 * An element's own text as a primitive value, parsed as all text formats parse it; attributes and children that the
 * column has no place for are ignored, as unknown fields are.
 */
final class XmlPrimitiveConverter implements XmlConverter {
    private final String path;
    private final TextValueParser parser;

    XmlPrimitiveConverter(String path, TextValueParser parser) {
        this.path = path;
        this.parser = parser;
    }

    @Override
    public Object read(XmlNode element) {
        try {
            return parser.parse(element.text());
        } catch (IllegalArgumentException e) {
            throw new XmlValueException(path, element.text(), e.getMessage());
        }
    }
}
