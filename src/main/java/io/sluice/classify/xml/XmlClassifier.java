package io.sluice.classify.xml;

import io.sluice.catalog.SerDeInfo;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.InferredColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Recognises XML and finds its rows: the repeating row element ({@link RowTagDetector}), whose attributes and child
 * elements become the columns ({@link XmlFieldInference}: attributes as {@code _name}, nested elements as structs,
 * repeated ones as arrays, text typed by {@link io.sluice.classify.ValueInference}). Element and attribute names are
 * local names, without namespace prefixes. A file that is a sequence of top-level elements without a common root, as
 * logs often are, is read as if they had one.
 *
 * <p>Only complete row elements count: a sample cut inside a row is read up to the last complete one. A sample that
 * holds the whole file and is not well-formed is reported as {@link CorruptFileException}, with the line and column,
 * when it is clearly meant as XML (an XML declaration, or repeated row elements before the error); other markup, such
 * as an HTML page, is not claimed.
 * Certainty is 1.0 once one complete row has been read; the record count is exact when the sample holds the whole
 * file.
 *
 * <p>Storage, as Hive users declare XML tables: the IBM XML SerDe ({@value #SERDE} with {@value #INPUT_FORMAT}),
 * which cuts rows between the {@code xmlinput.start} and {@code xmlinput.end} table parameters and maps each column
 * through a {@code column.xpath.<column>} SerDe parameter ({@code /book/@id}, {@code /book/title/text()}, {@code
 * /book/address}). {@code xmlinput.start} is {@code <book>} when no sampled row has attributes, {@code <book } when
 * all have, and {@code <book} otherwise. Table parameters also carry Glue's {@code rowTag}, and {@code
 * compressionType} for compressed files.
 */
public final class XmlClassifier implements Classifier {
    public static final String NAME = "xml";
    public static final String SERDE = "com.ibm.spss.hive.serde2.xml.XmlSerDe";
    public static final String INPUT_FORMAT = "com.ibm.spss.hive.serde2.xml.XmlInputFormat";
    public static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.IgnoreKeyTextOutputFormat";

    /** The root given to a sequence of top-level elements while they are read; never a row tag. */
    private static final String FRAGMENTS_ROOT = "sluice-fragments";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) throws CorruptFileException {
        byte[] content = sample.head();
        if (!XmlSniffer.looksLikeXml(content)) {
            return Optional.empty();
        }
        RowTagDetector.Scan scan = RowTagDetector.scan(content);
        boolean fragments = false;
        if (scan.error().isPresent() && scan.rootClosed() && XmlSniffer.isAsciiCompatible(content)) {
            content = XmlSniffer.wrap(content, FRAGMENTS_ROOT);
            scan = RowTagDetector.scan(content);
            fragments = true;
        }
        if (scan.root().isEmpty()) {
            return Optional.empty();
        }
        Optional<RowTagDetector.RowTag> found = scan.rowTag();
        if (scan.error().isPresent() && sample.complete()) {
            // Damaged XML, or other markup (an HTML page) that is no XML at all.
            boolean clearlyXml = XmlSniffer.hasDeclaration(content)
                    || found.map(scan::occurrences).orElse(0) >= 2;
            if (clearlyXml) {
                throw notWellFormed(sample, scan.error().get());
            }
            return Optional.empty();
        }
        if (found.isEmpty() || (fragments && found.get().depth() == 0)) {
            return Optional.empty();
        }
        XmlFieldInference rows = new XmlFieldInference();
        Optional<XMLStreamException> stop = XmlRowReader.read(content, found.get(), rows::add);
        if (rows.elements() == 0 || rows.fields().isEmpty()) {
            return Optional.empty();
        }
        Classification.Builder builder = classification(sample, scan, found.get(), fragments, rows);
        if (sample.complete() && stop.isEmpty()) {
            builder.recordCount(rows.elements()).reason(rows.elements() + " rows: the sample holds the whole file");
        } else if (sample.complete()) {
            builder.reason(rows.elements() + " rows read; the reading stopped early: "
                    + stop.get().getMessage());
        } else {
            builder.reason(rows.elements() + " complete rows in the sample, which ends inside the document");
        }
        return Optional.of(builder.build());
    }

    private static Classification.Builder classification(
            FileSample sample,
            RowTagDetector.Scan scan,
            RowTagDetector.RowTag tag,
            boolean fragments,
            XmlFieldInference rows) {
        String rowTag = tag.name();
        int count = rows.elements();
        int withAttributes = rows.elementsWithAttributes();
        Classification.Builder builder = Classification.builder(NAME, NAME)
                .storage(INPUT_FORMAT, OUTPUT_FORMAT, SerDeInfo.of(SERDE))
                .parameter("rowTag", rowTag)
                .parameter("xmlinput.start", startTag(rowTag, count, withAttributes))
                .parameter("xmlinput.end", "</" + rowTag + ">");
        List<InferredColumn> columns = new ArrayList<>();
        for (XmlFieldInference.Field field : rows.fields()) {
            columns.add(new InferredColumn(field.name(), field.type(), field.reason()));
            builder.serdeParameter(
                    "column.xpath." + field.name().toLowerCase(Locale.ROOT), "/" + rowTag + "/" + field.xpath());
        }
        builder.columns(columns);
        sample.compression().ifPresent(compression -> builder.parameter("compressionType", compression));
        builder.reason(rootReason(scan, fragments) + "; row element <" + rowTag + "> " + rowTagReason(scan, tag));
        if (withAttributes > 0 && withAttributes < count) {
            builder.reason("xmlinput.start <" + rowTag + " also matches longer tag names starting with " + rowTag
                    + ": only " + withAttributes + " of " + count + " rows have attributes");
        }
        return builder;
    }

    private static String startTag(String rowTag, int rows, int rowsWithAttributes) {
        if (rowsWithAttributes == 0) {
            return "<" + rowTag + ">";
        }
        return rowsWithAttributes == rows ? "<" + rowTag + " " : "<" + rowTag;
    }

    private static String rootReason(RowTagDetector.Scan scan, boolean fragments) {
        return fragments
                ? "XML without a single root, a sequence of top-level elements"
                : "XML with root <" + scan.root().orElseThrow() + ">";
    }

    private static String rowTagReason(RowTagDetector.Scan scan, RowTagDetector.RowTag tag) {
        int occurrences = scan.occurrences(tag);
        if (occurrences >= 2) {
            return "is the most frequent element at depth " + tag.depth() + " (" + occurrences + " in the sample)";
        }
        return tag.depth() == 0
                ? "is the root itself: no element repeats, so the document is one row"
                : "is the first element with children below the root: no element repeats, so the file holds one row";
    }

    private static CorruptFileException notWellFormed(FileSample sample, XMLStreamException error) {
        Location location = error.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        String message = error.getMessage();
        // StAX messages repeat the location in a "ParseError at [row,col]:[...]" prefix.
        int detail = message == null ? -1 : message.indexOf("Message: ");
        String what = detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
        return new CorruptFileException(sample + ": not well-formed XML" + where + ": " + what, error);
    }
}
