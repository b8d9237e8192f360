package io.sluice.format.xml;

/** Reads an element as a value of one column type; built once per place in the schema ({@link XmlConverters}). */
interface XmlConverter {
    /**
     * The element's value.
     *
     * @throws XmlValueException when it does not fit the type
     */
    Object read(XmlNode element);
}
