package io.sluice.classify.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never fetch or expand anything outside the document: no DTD processing and no external entities,
 * so a crawled or read file can neither reach the network or local files nor blow up through entity expansion. The
 * price: an entity declared in a DTD is unknown, and a reference to it is an error (the five predefined entities and
 * character references work as usual). Shared by the XML classifier and the XML reader, so both see the same document.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {}

    static XMLStreamReader reader(byte[] content) throws XMLStreamException {
        return reader(new ByteArrayInputStream(content));
    }

    /** A reader of the stream (the encoding comes from the byte order mark or the XML declaration); text coalesced. */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
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
