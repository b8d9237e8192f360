package io.sluice.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a jar of Hadoop's default configuration files ({@code core-default.xml} and the like) holding only their
 * properties' names, values and finality: none of the descriptions that make up two thirds of them. Hadoop reads
 * these files again for every configuration it makes itself (its file system cache, security, the local runner's
 * {@code job.xml}: about eight times in one small job), and reading the trimmed ones takes about a third of the
 * time. {@code bin/sluice} writes the jar after a build and puts it in front of Hadoop's jars on the class path of
 * the commands it runs, never on that of the tasks a cluster runs.
 */
public final class TrimmedDefaults {
    /** The default files trimmed; those not on the class path are left out. */
    static final List<String> FILES =
            List.of("core-default.xml", "hdfs-default.xml", "mapred-default.xml", "yarn-default.xml");

    private TrimmedDefaults() {}

    /** {@code TrimmedDefaults JAR}: writes the jar. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TrimmedDefaults JAR");
        }
        write(Path.of(args[0]));
    }

    /** Writes the jar to {@code jar}, through a file beside it renamed at the end. */
    static void write(Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
            for (String name : FILES) {
                URL file = TrimmedDefaults.class.getClassLoader().getResource(name);
                if (file != null) {
                    out.putNextEntry(new JarEntry(name));
                    writeTrimmed(file, out);
                    out.closeEntry();
                }
            }
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The properties of one default file as Hadoop reads them, in a configuration file of their own. */
    static void writeTrimmed(URL file, OutputStream out) throws IOException {
        Configuration defaults = new Configuration(false);
        defaults.addResource(file);
        Map<String, String> properties = new TreeMap<>();
        defaults.iterator().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        Set<String> finals = defaults.getFinalParameters();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeComment(" " + file.getPath() + " without descriptions, written by Sluice ");
            xml.writeCharacters("\n");
            xml.writeStartElement("configuration");
            for (Map.Entry<String, String> property : properties.entrySet()) {
                xml.writeCharacters("\n");
                xml.writeStartElement("property");
                element(xml, "name", property.getKey());
                element(xml, "value", property.getValue());
                if (finals.contains(property.getKey())) {
                    element(xml, "final", "true");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the trimmed " + file, e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
