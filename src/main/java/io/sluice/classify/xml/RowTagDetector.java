package io.sluice.classify.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the element that holds one row: the most frequent element name at the shallowest depth below the root where
 * some name repeats ({@code <catalog><book/><book/></catalog>} → {@code book} at depth 1, {@code
 * <rss><channel><title/><item/><item/></channel></rss>} → {@code item} at depth 2). Without any repetition, the
 * first child of the root that has children of its own is the one row, or else the root itself.
 */
final class RowTagDetector {

    /** A row element: its local name and depth (the root is at depth 0). */
    record RowTag(String name, int depth) {}

    /** What one pass over the content saw. */
    record Scan(
            Optional<String> root,
            boolean rootClosed,
            List<Map<String, Integer>> namesByDepth,
            Optional<String> firstNestedChild,
            Optional<XMLStreamException> error) {

        Optional<RowTag> rowTag() {
            for (int depth = 1; depth < namesByDepth.size(); depth++) {
                Map.Entry<String, Integer> best = null;
                for (Map.Entry<String, Integer> entry : namesByDepth.get(depth).entrySet()) {
                    if (best == null || entry.getValue() > best.getValue()) {
                        best = entry;
                    }
                }
                if (best != null && best.getValue() >= 2) {
                    return Optional.of(new RowTag(best.getKey(), depth));
                }
            }
            if (firstNestedChild.isPresent()) {
                return Optional.of(new RowTag(firstNestedChild.get(), 1));
            }
            return root.map(name -> new RowTag(name, 0));
        }

        /** How often the row element occurs at its depth in the content scanned. */
        int occurrences(RowTag tag) {
            return tag.depth() == 0 ? 1 : namesByDepth.get(tag.depth()).getOrDefault(tag.name(), 0);
        }
    }

    private RowTagDetector() {}

    static Scan scan(byte[] content) {
        List<Map<String, Integer>> namesByDepth = new ArrayList<>();
        String root = null;
        boolean rootClosed = false;
        String firstNestedChild = null;
        String currentTopChild = null;
        int depth = -1;
        try {
            XMLStreamReader reader = SafeXml.reader(content);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    if (depth == 0) {
                        root = name;
                    } else if (depth == 1) {
                        currentTopChild = name;
                    } else if (depth == 2 && firstNestedChild == null) {
                        firstNestedChild = currentTopChild;
                    }
                    while (namesByDepth.size() <= depth) {
                        namesByDepth.add(new LinkedHashMap<>());
                    }
                    namesByDepth.get(depth).merge(name, 1, Integer::sum);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    rootClosed = depth == 0;
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            return new Scan(
                    Optional.ofNullable(root),
                    rootClosed,
                    namesByDepth,
                    Optional.ofNullable(firstNestedChild),
                    Optional.of(e));
        }
        return new Scan(
                Optional.ofNullable(root),
                rootClosed,
                namesByDepth,
                Optional.ofNullable(firstNestedChild),
                Optional.empty());
    }
}
