package io.sluice.format.xml;

import io.sluice.SluiceException;
import io.sluice.format.ReadSpec;
import io.sluice.format.TextValueParser;
import io.sluice.format.text.ValueFormats;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the readers of a row element from the table's schema: each column's place from its {@code
 * column.xpath.<column>} SerDe parameter or its name (see {@link XmlPlace}), struct fields from their names.
 */
final class XmlConverters {
    static final String XPATH_PREFIX = "column.xpath.";

    private XmlConverters() {}

    static XmlStructConverter row(ReadSpec spec, String rowTag) {
        List<XmlField> fields = new ArrayList<>();
        for (StructField column : spec.schema().fields()) {
            String name = column.name();
            XmlPlace place = Optional.ofNullable(spec.serde().parameters().get(XPATH_PREFIX + name))
                    .map(xpath -> XmlPlace.ofXPath(name, rowTag, xpath))
                    .orElseGet(() -> XmlPlace.ofField(name));
            fields.add(field(spec, name, place, column.type()));
        }
        return new XmlStructConverter(fields);
    }

    private static XmlField field(ReadSpec spec, String path, XmlPlace place, DataType type) {
        if (place.kind() != XmlPlace.Kind.CHILDREN) {
            if (!type.isPrimitive()) {
                throw SluiceException.invalidArgument(
                        "%s is %s, but its XML place (%s) holds text only", path, type, place);
            }
            return XmlField.text(path, place, ValueFormats.parser(spec, path, type));
        }
        if (type instanceof ArrayType array) {
            return XmlField.children(path, place, type, element(spec, path + "[]", array.elementType()));
        }
        return XmlField.children(path, place, type, element(spec, path, type));
    }

    private static XmlConverter element(ReadSpec spec, String path, DataType type) {
        if (type instanceof StructType struct) {
            List<XmlField> fields = new ArrayList<>();
            for (StructField field : struct.fields()) {
                fields.add(field(spec, path + "." + field.name(), XmlPlace.ofField(field.name()), field.type()));
            }
            return new XmlStructConverter(fields);
        }
        if (type instanceof MapType map) {
            if (!map.keyType().isPrimitive()) {
                throw SluiceException.invalidArgument("%s is %s: XML map keys are element names", path, type);
            }
            return new XmlMapConverter(
                    path,
                    TextValueParser.of(map.keyType(), Optional.empty()),
                    element(spec, path + "{}", map.valueType()));
        }
        if (type instanceof ArrayType) {
            throw SluiceException.invalidArgument(
                    "%s is %s: an array of arrays has no XML form Sluice reads; wrap the inner one in an element",
                    path, type);
        }
        return new XmlPrimitiveConverter(path, ValueFormats.parser(spec, path, type));
    }
}
