/** XML rows, one per row element: {@link io.sluice.format.xml.XmlFormat}, on the JDK's StAX parser. */
package io.sluice.format.xml;
