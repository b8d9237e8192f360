package io.sluice.classify.xml;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never fetch or expand anything outside the sample: no DTD processing and no external entities,
 * so a crawled file can neither reach the network or local files nor blow up through entity expansion. The price: an
 * entity declared in a DTD is unknown, and a reference to it is an error (the five predefined entities and character
 * references work as usual).
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {}

    static XMLStreamReader reader(byte[] content) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
    }

    private static XMLInputFactory factory() {
        // The JDK's own implementation, whatever other StAX providers (Hadoop brings Woodstox) are on the classpath.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
