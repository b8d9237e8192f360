package io.sluice.format.xml;

import io.sluice.format.TextValueParser;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * One column or struct field of an element: its value read from its {@link XmlPlace}. Attributes and text are parsed
 * by a {@link TextValueParser}; child elements by the converter of their type — all of them into a list for an array,
 * else the one child (a child that repeats where no array is expected is a bad record); absent, the value is null.
 */
final class XmlField {
    private final String path;
    private final XmlPlace place;
    private final DataType type;
    private final TextValueParser text;
    private final XmlConverter element;

    private XmlField(String path, XmlPlace place, DataType type, TextValueParser text, XmlConverter element) {
        this.path = path;
        this.place = place;
        this.type = type;
        this.text = text;
        this.element = element;
    }

    /** A field held in an attribute or the element's own text. */
    static XmlField text(String path, XmlPlace place, TextValueParser parser) {
        return new XmlField(path, place, parser.type(), parser, null);
    }

    /** A field held in child elements, each read by {@code element} (for arrays: each array element). */
    static XmlField children(String path, XmlPlace place, DataType type, XmlConverter element) {
        return new XmlField(path, place, type, null, element);
    }

    Object read(XmlNode parent) {
        return switch (place.kind()) {
            case ATTRIBUTE -> parse(parent.attribute(place.name()));
            case TEXT -> parse(parent.text());
            case CHILDREN -> children(parent.children(place.name()));
        };
    }

    private Object parse(String value) {
        try {
            return text.parse(value);
        } catch (IllegalArgumentException e) {
            throw new XmlValueException(path, value, e.getMessage());
        }
    }

    private Object children(List<XmlNode> children) {
        if (children.isEmpty()) {
            return null;
        }
        if (type instanceof ArrayType) {
            List<Object> values = new ArrayList<>(children.size());
            for (XmlNode child : children) {
                values.add(element.read(child));
            }
            return values;
        }
        if (children.size() > 1) {
            throw new XmlValueException(
                    path,
                    null,
                    "<" + place.name() + "> occurs " + children.size() + " times, but " + type + " is not an array");
        }
        return element.read(children.get(0));
    }
}
