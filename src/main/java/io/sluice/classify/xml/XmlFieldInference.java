package io.sluice.classify.xml;

import io.sluice.classify.ValueInference;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of one element name at one place in the row, learnt from every occurrence in the sample.
 *
 * <p>An element that never has attributes or children is a value, typed from its text by {@link ValueInference}.
 * Otherwise it is a struct of its attributes (named {@code _name}), its children, and its own text as {@code _VALUE}
 * when it has any — the naming of spark-xml's defaults, which readers of such tables know. A child that occurs more
 * than once within one parent in any row is an array.
 */
final class XmlFieldInference {
    static final String ATTRIBUTE_PREFIX = "_";
    static final String VALUE_FIELD = "_VALUE";

    private final ValueInference text = new ValueInference();
    private final Map<String, ValueInference> attributes = new LinkedHashMap<>();
    private final Map<String, XmlFieldInference> children = new LinkedHashMap<>();
    private boolean nested;
    private int maxOccurrences = 1;
    private int elements;
    private int elementsWithAttributes;

    /** One field of a struct, with the reason for its type and its path below the parent element. */
    record Field(String name, DataType type, String reason, String xpath) {}

    void add(XmlElement element) {
        elements++;
        elementsWithAttributes += element.attributes().isEmpty() ? 0 : 1;
        element.attributes().forEach((name, value) -> attributes
                .computeIfAbsent(name, n -> new ValueInference())
                .add(value));
        nested |= !element.isLeaf();
        Map<String, Integer> occurrences = new HashMap<>();
        for (XmlElement child : element.children()) {
            int seen = occurrences.merge(child.name(), 1, Integer::sum);
            XmlFieldInference inference = children.computeIfAbsent(child.name(), n -> new XmlFieldInference());
            inference.maxOccurrences = Math.max(inference.maxOccurrences, seen);
            inference.add(child);
        }
        text.add(element.text());
    }

    /** How many elements were added. */
    int elements() {
        return elements;
    }

    /** How many of them had attributes. */
    int elementsWithAttributes() {
        return elementsWithAttributes;
    }

    /** The fields of this element read as a struct: attributes, children, then its own text. */
    List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        attributes.forEach((name, values) -> {
            ValueInference.Inferred inferred = values.result();
            fields.add(new Field(
                    ATTRIBUTE_PREFIX + name,
                    inferred.type(),
                    "attribute " + name + ": " + inferred.reason(),
                    "@" + name));
        });
        children.forEach((name, child) -> fields.add(child.asField(name)));
        if (nested && text.values() > 0) {
            ValueInference.Inferred inferred = text.result();
            fields.add(new Field(
                    VALUE_FIELD,
                    inferred.type(),
                    "text beside child elements or attributes: " + inferred.reason(),
                    "text()"));
        }
        return fields;
    }

    private Field asField(String name) {
        DataType type = valueType();
        String reason = nested
                ? type + ": element <" + name + "> with " + describeContent()
                : text.result().reason();
        String xpath = nested ? name : name + "/text()";
        if (maxOccurrences > 1) {
            type = ArrayType.of(type);
            reason = type + ": <" + name + "> repeats up to " + maxOccurrences + " times in one parent; elements: "
                    + reason;
        }
        return new Field(name, type, reason, xpath);
    }

    private DataType valueType() {
        if (!nested) {
            return text.result().type();
        }
        List<StructField> structFields = new ArrayList<>();
        for (Field field : fields()) {
            structFields.add(StructField.of(field.name(), field.type()));
        }
        return new StructType(structFields);
    }

    private String describeContent() {
        List<String> parts = new ArrayList<>();
        if (!attributes.isEmpty()) {
            parts.add(attributes.size() + (attributes.size() == 1 ? " attribute" : " attributes"));
        }
        if (!children.isEmpty()) {
            parts.add(children.size() + (children.size() == 1 ? " kind of child element" : " kinds of child elements"));
        }
        return String.join(" and ", parts);
    }
}
