package io.sluice.classify.xml;

import java.util.List;
import java.util.Map;

/** One complete element of a sampled row: local name, attributes in document order, child elements, trimmed text. */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {
    XmlElement {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    boolean isLeaf() {
        return attributes.isEmpty() && children.isEmpty();
    }
}
