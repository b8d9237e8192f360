package io.sluice.format.xml;

import io.sluice.SluiceException;
import java.util.Locale;

/**
 * Where a field's value is in its element: an attribute, the element's own text, or child elements of a name. By the
 * classifier's naming, a field {@code _name} is the attribute {@code name}, {@code _VALUE} the text, and any other
 * field the children of its name; a column's SerDe parameter {@code column.xpath.<column>} says it explicitly.
 */
record XmlPlace(Kind kind, String name) {
    static final String VALUE_FIELD = "_value";
    static final String ATTRIBUTE_PREFIX = "_";

    enum Kind {
        ATTRIBUTE,
        TEXT,
        CHILDREN
    }

    /** The place of a field by its name. */
    static XmlPlace ofField(String field) {
        if (field.toLowerCase(Locale.ROOT).equals(VALUE_FIELD)) {
            return new XmlPlace(Kind.TEXT, "");
        }
        if (field.startsWith(ATTRIBUTE_PREFIX) && field.length() > 1) {
            return new XmlPlace(Kind.ATTRIBUTE, field.substring(1));
        }
        return new XmlPlace(Kind.CHILDREN, field);
    }

    /**
     * The place an XPath of the forms the classifier writes names: {@code /row/@name}, {@code /row/text()}, {@code
     * /row/child/text()} and {@code /row/child}.
     */
    static XmlPlace ofXPath(String column, String rowTag, String xpath) {
        String prefix = "/" + rowTag + "/";
        String path = xpath.strip();
        if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            if (rest.equals("text()")) {
                return new XmlPlace(Kind.TEXT, "");
            }
            if (rest.startsWith("@") && isName(rest.substring(1))) {
                return new XmlPlace(Kind.ATTRIBUTE, rest.substring(1));
            }
            String child = rest.endsWith("/text()") ? rest.substring(0, rest.length() - "/text()".length()) : rest;
            if (isName(child)) {
                return new XmlPlace(Kind.CHILDREN, child);
            }
        }
        throw SluiceException.invalidArgument(
                "SerDe parameter column.xpath.%s '%s' is not an XPath Sluice reads; use %s@attribute, %stext(),"
                        + " %schild or %schild/text()",
                column, xpath, prefix, prefix, prefix, prefix);
    }

    private static boolean isName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '@' || c == '[' || c == '(' || c == '*' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
