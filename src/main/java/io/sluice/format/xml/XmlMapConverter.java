package io.sluice.format.xml;

import io.sluice.format.TextValueParser;
import java.util.LinkedHashMap;
import java.util.Map;

/** An element as a map: each child's name (read as the key type) to its value; a name may occur once. */
final class XmlMapConverter implements XmlConverter {
    private final String path;
    private final TextValueParser key;
    private final XmlConverter value;

    XmlMapConverter(String path, TextValueParser key, XmlConverter value) {
        this.path = path;
        this.key = key;
        this.value = value;
    }

    @Override
    public Object read(XmlNode element) {
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (XmlNode child : element.children()) {
            Object k = key(child.name());
            if (entries.containsKey(k)) {
                throw new XmlValueException(path, child.name(), "occurs twice as a map key");
            }
            entries.put(k, value.read(child));
        }
        return entries;
    }

    private Object key(String name) {
        try {
            Object parsed = key.parse(name);
            if (parsed == null) {
                throw new XmlValueException(path, name, "is null, and map keys cannot be");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new XmlValueException(path, name, e.getMessage());
        }
    }
}
