package io.sluice.classify.xml;

import static io.sluice.classify.ClassifierTestFiles.columnReason;
import static io.sluice.classify.ClassifierTestFiles.columnTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.classify.Classification;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlClassifierTest {
    private static final String CATALOG =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog>
              <book id="bk101" available="true">
                <author>Gambardella, Matthew</author>
                <title>XML Developer's Guide</title>
                <price currency="USD">44.95</price>
                <publish_date>2000-10-01</publish_date>
                <pages>450</pages>
                <publisher><name>Wrox</name><city>Chicago</city></publisher>
                <tag>xml</tag><tag>guide</tag>
              </book>
              <book id="bk102" available="false">
                <author>Ralls, Kim</author>
                <title>Midnight Rain</title>
                <price currency="EUR">5.95</price>
                <publish_date>2000-12-16</publish_date>
                <pages>1200</pages>
                <publisher><name>Tor</name><city>New York</city></publisher>
                <tag>fantasy</tag>
              </book>
            </catalog>
            """;

    @TempDir
    Path dir;

    private final XmlClassifier classifier = new XmlClassifier();

    private Optional<Classification> classify(String xml) throws IOException {
        return classifier.classify(FileSample.of("data.xml", xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A sample that holds only the first {@code bound} bytes of the content. */
    private Optional<Classification> classifyHead(String xml, int bound) throws IOException {
        byte[] content = xml.getBytes(StandardCharsets.UTF_8);
        return classifier.classify(FileSample.of(
                new org.apache.hadoop.fs.Path("data.xml"),
                new Configuration(false),
                content.length,
                Optional.empty(),
                Arrays.copyOf(content, bound),
                false));
    }

    @Test
    void rowsColumnsAndTypesOfARepeatingElement() throws IOException {
        Classification verdict = classify(CATALOG).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("xml");
        assertThat(verdict.classification()).isEqualTo("xml");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("_id", "string"),
                        Map.entry("_available", "boolean"),
                        Map.entry("author", "string"),
                        Map.entry("title", "string"),
                        Map.entry("price", "struct<_currency:string,_VALUE:decimal(4,2)>"),
                        Map.entry("publish_date", "date"),
                        Map.entry("pages", "int"),
                        Map.entry("publisher", "struct<name:string,city:string>"),
                        Map.entry("tag", "array<string>"));
        assertThat(verdict.recordCount()).hasValue(2);
        assertThat(columnReason(verdict, "pages")).startsWith("int: all 2 values are whole numbers from 450 to 1200");
        assertThat(columnReason(verdict, "_available")).startsWith("attribute available: boolean:");
        assertThat(columnReason(verdict, "tag")).startsWith("array<string>: <tag> repeats up to 2 times in one parent");
        assertThat(columnReason(verdict, "publisher"))
                .isEqualTo("struct<name:string,city:string>: element <publisher> with 2 kinds of child elements");
        assertThat(verdict.reasons())
                .contains(
                        "XML with root <catalog>; row element <book> is the most frequent element at depth 1 (2 in"
                                + " the sample)",
                        "2 rows: the sample holds the whole file");
    }

    @Test
    void recordsTheXmlSerDeWithRowTagAndColumnPaths() throws IOException {
        Classification verdict = classify(CATALOG).orElseThrow();

        assertThat(verdict.inputFormat()).isEqualTo("com.ibm.spss.hive.serde2.xml.XmlInputFormat");
        assertThat(verdict.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.IgnoreKeyTextOutputFormat");
        assertThat(verdict.serde().serializationLibrary()).isEqualTo("com.ibm.spss.hive.serde2.xml.XmlSerDe");
        assertThat(verdict.parameters())
                .containsEntry("rowTag", "book")
                .containsEntry("xmlinput.start", "<book ")
                .containsEntry("xmlinput.end", "</book>")
                .doesNotContainKey("compressionType");
        assertThat(verdict.serde().parameters())
                .containsEntry("column.xpath._id", "/book/@id")
                .containsEntry("column.xpath.title", "/book/title/text()")
                .containsEntry("column.xpath.price", "/book/price")
                .containsEntry("column.xpath.publisher", "/book/publisher")
                .containsEntry("column.xpath.tag", "/book/tag/text()")
                .hasSize(9);
    }

    @Test
    void rowsWithoutAttributesStartWithTheBareTag() throws IOException {
        Classification verdict =
                classify("<rows><row><a>1</a></row><row><a>2</a></row></rows>").orElseThrow();

        assertThat(verdict.parameters()).containsEntry("xmlinput.start", "<row>");
        assertThat(columnTypes(verdict)).containsExactly(Map.entry("a", "int"));
    }

    @Test
    void rowsOnlySomeWithAttributesStartWithTheOpenTag() throws IOException {
        Classification verdict = classify("<rows><row k=\"x\"><a>1</a></row><row><a>2</a></row></rows>")
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("xmlinput.start", "<row");
        assertThat(verdict.reasons()).anySatisfy(r -> assertThat(r).contains("only 1 of 2 rows have attributes"));
    }

    @Test
    void incompleteSampleStopsAtTheLastCompleteRow() throws IOException {
        String xml = CATALOG.replace(
                "</catalog>",
                """
                  <book id="bk103" available="true">
                    <author>Corets, Eva</author>
                    <isbn>978-0</isbn>
                    <pages>many</pages>
                  </book>
                </catalog>
                """);
        int cut = xml.indexOf("<pages>many") + 8;

        Classification verdict = classifyHead(xml, cut).orElseThrow();

        assertThat(verdict.columns()).extracting(c -> c.name()).doesNotContain("isbn");
        assertThat(columnTypes(verdict)).containsEntry("pages", "int").containsEntry("_id", "string");
        assertThat(verdict.recordCount()).isEmpty();
        assertThat(verdict.reasons()).contains("2 complete rows in the sample, which ends inside the document");
    }

    @Test
    void sampleCutBeforeTheFirstRowEndsSaysNothing() throws IOException {
        assertThat(classifyHead(CATALOG, CATALOG.indexOf("<pages>"))).isEmpty();
    }

    @Test
    void rowElementDeeperInTheDocument() throws IOException {
        Classification verdict = classify(
                        """
                        <rss version="2.0"><channel>
                          <title>News</title><link>http://example.com</link>
                          <item><title>One</title><pubDate>2024-01-05 10:00:00</pubDate></item>
                          <item><title>Two</title><pubDate>2024-01-06 11:30:00</pubDate></item>
                          <item><title>Three</title><pubDate>2024-01-07 09:15:00</pubDate></item>
                        </channel></rss>
                        """)
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "item");
        assertThat(columnTypes(verdict))
                .containsExactly(Map.entry("title", "string"), Map.entry("pubDate", "timestamp"));
        assertThat(verdict.recordCount()).hasValue(3);
        assertThat(verdict.reasons().get(0)).contains("most frequent element at depth 2 (3 in the sample)");
    }

    @Test
    void repeatingElementBelowHeaderElements() throws IOException {
        Classification verdict = classify(
                        """
                        <export><meta><created>2024-01-01</created></meta>
                          <rows><row><n>1</n></row><row><n>2</n></row></rows></export>
                        """)
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "row");
    }

    @Test
    void documentWithoutRepetitionIsOneRow() throws IOException {
        Classification verdict = classify("<book id=\"7\"><title>Solo</title><pages>12</pages></book>")
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "book");
        assertThat(columnTypes(verdict))
                .containsExactly(Map.entry("_id", "int"), Map.entry("title", "string"), Map.entry("pages", "int"));
        assertThat(verdict.recordCount()).hasValue(1);
        assertThat(verdict.reasons().get(0)).contains("is the root itself");
    }

    @Test
    void oneNestedRecordUnderTheRoot() throws IOException {
        Classification verdict =
                classify("<catalog><book><title>Solo</title></book></catalog>").orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "book");
        assertThat(verdict.reasons().get(0)).contains("is the first element with children below the root");
    }

    @Test
    void sequenceOfTopLevelElementsWithoutRoot() throws IOException {
        Classification verdict = classify(
                        """
                        <?xml version="1.0"?>
                        <employee><id>1</id><name>kalyan</name><salary>10000</salary></employee>
                        <employee><id>2</id><name>anvith</name><salary>15000.50</salary></employee>
                        <employee><id>3</id><name>raj</name></employee>
                        """)
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "employee");
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("id", "int"), Map.entry("name", "string"), Map.entry("salary", "decimal(7,2)"));
        assertThat(verdict.recordCount()).hasValue(3);
        assertThat(verdict.reasons().get(0)).startsWith("XML without a single root");
    }

    @Test
    void elementWithTextInSomeRowsAndAttributesInOthersIsAStructWithValue() throws IOException {
        Classification verdict = classify(
                        """
                        <orders>
                          <order><total>10</total></order>
                          <order><total currency="USD">12</total></order>
                        </orders>
                        """)
                .orElseThrow();

        assertThat(columnTypes(verdict)).containsExactly(Map.entry("total", "struct<_currency:string,_VALUE:int>"));
    }

    @Test
    void repeatedNestedElementsAreArraysOfStructs() throws IOException {
        Classification verdict = classify(
                        """
                        <orders>
                          <order id="1"><line sku="a"><qty>1</qty></line><line sku="b"><qty>2</qty></line></order>
                          <order id="2"><line sku="c"><qty>5</qty></line></order>
                        </orders>
                        """)
                .orElseThrow();

        assertThat(columnTypes(verdict))
                .containsExactly(Map.entry("_id", "int"), Map.entry("line", "array<struct<_sku:string,qty:int>>"));
        assertThat(verdict.serde().parameters()).containsEntry("column.xpath.line", "/order/line");
    }

    @Test
    void cdataEntitiesAndNamespaces() throws IOException {
        Classification verdict = classify(
                        """
                        <f:feed xmlns:f="urn:feed">
                          <f:entry><f:body><![CDATA[a < b]]></f:body><f:who>Tom &amp; Jerry</f:who></f:entry>
                          <f:entry><f:body>plain</f:body><f:who>Ann</f:who></f:entry>
                        </f:feed>
                        """)
                .orElseThrow();

        assertThat(verdict.parameters()).containsEntry("rowTag", "entry");
        assertThat(columnTypes(verdict)).containsExactly(Map.entry("body", "string"), Map.entry("who", "string"));
        assertThat(columnReason(verdict, "who")).contains("'Tom & Jerry'");
        assertThat(columnReason(verdict, "body")).contains("'a < b'");
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        byte[] content = "<rows><row><a>1</a></row><row><a>2</a></row></rows>".getBytes(StandardCharsets.UTF_16);

        Classification verdict =
                classifier.classify(FileSample.of("u.xml", content)).orElseThrow();

        assertThat(columnTypes(verdict)).containsExactly(Map.entry("a", "int"));
    }

    @Test
    void compressedFilesRecordTheirCompression() throws IOException {
        byte[] content = CATALOG.getBytes(StandardCharsets.UTF_8);
        FileSample sample = FileSample.of(
                new org.apache.hadoop.fs.Path("catalog.xml.gz"),
                new Configuration(false),
                300,
                Optional.of("gzip"),
                content,
                true);

        assertThat(classifier.classify(sample).orElseThrow().parameters()).containsEntry("compressionType", "gzip");
    }

    @Test
    void wholeFileThatIsNotWellFormedIsCorrupt() {
        String xml = "<catalog>\n<book><title>x</title></book>\n<book><title>y</book>\n</catalog>";

        assertThatThrownBy(() -> classify(xml))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageStartingWith("data.xml: not well-formed XML at line 3, column ")
                .hasMessageContaining("title");
    }

    @Test
    void damagedDocumentWithDeclarationIsCorrupt() {
        assertThatThrownBy(() -> classify("<?xml version=\"1.0\"?>\n<a><b>1</c></a>"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("at line 2, column ");
    }

    @Test
    void htmlIsNotClaimed() throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head>"
                + "<body><p>one<br>two</p></body></html>";

        assertThat(classify(html)).isEmpty();
    }

    @Test
    void otherContentIsNotXml() throws IOException {
        assertThat(classify("{\"a\": 1}")).isEmpty();
        assertThat(classify("id,name\n1,<b>\n")).isEmpty();
        assertThat(classify("")).isEmpty();
        assertThat(classify("< not a tag")).isEmpty();
        assertThat(classify("<a>just text</a>")).as("no columns").isEmpty();
        assertThat(classify("<a>1</a>\n<b>2</b>"))
                .as("top-level elements that share nothing")
                .isEmpty();
    }

    @Test
    void rowsNestedBeyondTheLimitEndTheReading() throws IOException {
        String deep = "<x>".repeat(XmlRowReader.MAX_NESTING + 2) + "1" + "</x>".repeat(XmlRowReader.MAX_NESTING + 2);
        String xml = "<rows><row><a>1</a></row><row><a>2</a></row><row><a>3</a>" + deep + "</row>"
                + "<row><a>4</a></row></rows>";

        Classification verdict = classify(xml).orElseThrow();

        assertThat(columnTypes(verdict)).containsExactly(Map.entry("a", "int"));
        assertThat(columnReason(verdict, "a")).contains("from 1 to 2");
        assertThat(verdict.recordCount()).as("not all rows were read").isEmpty();
        assertThat(verdict.reasons())
                .contains("2 rows read; the reading stopped early: elements nested more than 64 levels deep in a row");
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<c><r><v>&x;</v><w>1</w></r><r><v>&x;</v><w>2</w></r></c>";

        assertThatThrownBy(() -> classify(xml))
                .as("DTDs are not processed, so the entity stays undeclared")
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("The entity \"x\" was referenced, but not declared")
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void doctypeWithoutEntitiesIsRead() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE c SYSTEM \"http://example.invalid/c.dtd\">"
                + "<c><r><w>1</w></r><r><w>2</w></r></c>";

        assertThat(columnTypes(classify(xml).orElseThrow())).containsExactly(Map.entry("w", "int"));
    }
}
