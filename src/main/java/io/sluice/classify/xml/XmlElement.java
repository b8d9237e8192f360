package io.sluice.classify.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One complete element of a sampled row: local name, attributes in document order, child elements, trimmed text. */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {
    XmlElement {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    boolean isLeaf() {
        return attributes.isEmpty() && children.isEmpty();
    }
}
