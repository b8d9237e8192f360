package io.sluice.format.xml;

import static io.sluice.format.FormatTestFiles.classify;
import static io.sluice.format.FormatTestFiles.spec;
import static io.sluice.format.FormatTestFiles.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.classify.xml.XmlClassifier;
import io.sluice.format.FormatTestFiles;
import io.sluice.format.FormatTestFiles.Read;
import io.sluice.format.ReadSpec;
import io.sluice.format.Schemas;
import io.sluice.row.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlFormatTest {
    private static final String BOOKS =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a catalog -->
            <catalog>
              <book id="bk101" lang="en">
                <title>Dune</title>
                <author>Frank Herbert</author>
                <price currency="USD">9.99</price>
                <published>1965-08-01</published>
                <tag>scifi</tag>
                <tag>classic</tag>
                <publisher><name>Chilton</name><city>Philadelphia</city></publisher>
              </book>
              <book id="bk102">
                <title>Emma</title>
                <author>Jane Austen</author>
                <price currency="GBP">4.50</price>
                <published>1815-12-23</published>
                <tag>classic</tag>
              </book>
            </catalog>
            """;

    private final XmlFormat format = new XmlFormat();

    @TempDir
    java.nio.file.Path dir;

    private ReadSpec classified(String content) {
        return spec(classify(new XmlClassifier(), "sample.xml", content.getBytes(UTF_8)));
    }

    private Read read(ReadSpec spec, String content) {
        return FormatTestFiles.read(format, write(dir, "data.xml", content.getBytes(UTF_8)), spec);
    }

    @Test
    void readsTablesClassifiedXmlOrStoredWithTheXmlSerDe() {
        ReadSpec serde = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))),
                "",
                SerDeInfo.of(XmlClassifier.SERDE),
                Map.of("rowTag", "r"));
        ReadSpec csv = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))), "", SerDeInfo.of("x"), Map.of("classification", "csv"));
        assertThat(format.name()).isEqualTo("xml");
        assertThat(format.reads(serde)).isTrue();
        assertThat(format.reads(classified(BOOKS))).isTrue();
        assertThat(format.reads(csv)).isFalse();
    }

    @Test
    void attributesNestedAndRepeatedElements() {
        ReadSpec spec = classified(BOOKS);
        assertThat(spec.schema().toString())
                .isEqualTo("struct<_id:string,_lang:string,title:string,author:string,"
                        + "price:struct<_currency:string,_VALUE:decimal(3,2)>,published:date,tag:array<string>,"
                        + "publisher:struct<name:string,city:string>>");

        Read read = read(spec, BOOKS);

        assertThat(read.bad()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        Row.of(
                                "bk101",
                                "en",
                                "Dune",
                                "Frank Herbert",
                                Row.of("USD", new BigDecimal("9.99")),
                                LocalDate.of(1965, 8, 1),
                                List.of("scifi", "classic"),
                                Row.of("Chilton", "Philadelphia")),
                        Row.of(
                                "bk102",
                                null,
                                "Emma",
                                "Jane Austen",
                                Row.of("GBP", new BigDecimal("4.50")),
                                LocalDate.of(1815, 12, 23),
                                List.of("classic"),
                                null));
    }

    @Test
    void topLevelElementsWithoutARootAndMixedText() {
        String log =
                """
                <event level="info" at="2024-03-01T10:00:00">started<pid>12</pid></event>
                <event level="warn" at="2024-03-01T10:00:05">disk <b>almost</b> full<pid>12</pid></event>
                <event level="info" at="2024-03-01T10:01:00">stopped<pid>13</pid></event>
                """;
        ReadSpec spec = classified(log);
        assertThat(spec.parameters()).containsEntry("rowTag", "event");

        Read read = read(spec, log);

        List<String> columns =
                spec.schema().fields().stream().map(f -> f.name()).toList();
        assertThat(columns).containsExactly("_level", "_at", "pid", "b", "_value");
        assertThat(read.rows())
                .containsExactly(
                        Row.of("info", java.time.LocalDateTime.of(2024, 3, 1, 10, 0), 12, null, "started"),
                        Row.of("warn", java.time.LocalDateTime.of(2024, 3, 1, 10, 0, 5), 12, "almost", "disk  full"),
                        Row.of("info", java.time.LocalDateTime.of(2024, 3, 1, 10, 1), 13, null, "stopped"));
    }

    @Test
    void badValuesAreReportedWithTheRowsLineAndTheReaderGoesOn() {
        ReadSpec spec = classified(BOOKS);
        String data =
                """
                <catalog>
                  <book id="a"><title>One</title><published>1999-02-30</published></book>
                  <book id="b"><title>Two</title><title>Again</title></book>
                  <book id="c"><price currency="EUR">123.456</price></book>
                  <book id="d"><title>Four</title><published>2001-01-01</published></book>
                </catalog>
                """;

        Read read = read(spec, data);

        String file = read.bad().get(0).file();
        assertThat(read.events())
                .containsExactly(
                        "bad: " + file + ":2: column published: '1999-02-30' is not a valid date",
                        "bad: " + file + ":3: column title: <title> occurs 2 times, but string is not an array",
                        "bad: " + file + ":4: column price._VALUE: '123.456' is not a valid decimal(3,2)",
                        "[d, null, Four, null, null, 2001-01-01, null, null]");
    }

    @Test
    void damagedXmlEndsTheFileWithOneBadRecord() {
        ReadSpec spec = classified(BOOKS);

        Read read = read(
                spec,
                "<catalog>\n<book id=\"a\"><title>One</title></book>\n<book id=\"b\"><title>Two</book>\n"
                        + "<book id=\"c\"/></catalog>\n");

        assertThat(read.rows()).hasSize(1);
        assertThat(read.rows().get(0).get(0)).isEqualTo("a");
        assertThat(read.messages()).hasSize(1);
        assertThat(read.messages().get(0))
                .contains(":3: is not well-formed XML: ")
                .endsWith("; the rest of the file cannot be read");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        ReadSpec spec = new ReadSpec(
                Schemas.struct(List.of(Column.of("v", "string"))),
                "",
                SerDeInfo.of(XmlClassifier.SERDE),
                Map.of("classification", "xml", "rowTag", "r"));

        Read read = read(
                spec,
                """
                <?xml version="1.0"?>
                <!DOCTYPE rows [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rows><r><v>plain</v></r><r><v>&secret;</v></r></rows>
                """);

        assertThat(read.rows()).containsExactly(Row.of("plain"));
        assertThat(read.messages()).hasSize(1);
        assertThat(read.messages().get(0)).contains("is not well-formed XML");
    }

    @Test
    void xpathParametersNameTheirPlaces() {
        ReadSpec spec = new ReadSpec(
                Schemas.struct(List.of(
                        Column.of("code", "string"), Column.of("label", "string"), Column.of("body", "string"))),
                "",
                SerDeInfo.of(
                        XmlClassifier.SERDE,
                        Map.of(
                                "column.xpath.code", "/item/@sku",
                                "column.xpath.label", "/item/name/text()",
                                "column.xpath.body", "/item/text()")),
                Map.of("xmlinput.start", "<item ", "xmlinput.end", "</item>"));

        Read read = read(spec, "<items><item sku=\"X1\">loose text<name>Widget</name></item></items>");

        assertThat(read.rows()).containsExactly(Row.of("X1", "Widget", "loose text"));
        ReadSpec unsupported = new ReadSpec(
                spec.schema(),
                "",
                SerDeInfo.of(XmlClassifier.SERDE, Map.of("column.xpath.code", "//item[1]/@sku")),
                Map.of("rowTag", "item"));
        assertThatThrownBy(() ->
                        FormatTestFiles.read(format, write(dir, "x.xml", new byte[] {'<', 'a', '/', '>'}), unsupported))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("column.xpath.code '//item[1]/@sku' is not an XPath Sluice reads");
    }

    @Test
    void theFirstSplitReadsTheWholeCompressedFile() {
        ReadSpec spec = classified(BOOKS);
        Path file = write(dir, "books.xml.gz", FormatTestFiles.gzip(BOOKS.getBytes(UTF_8)));
        long length = FormatTestFiles.length(file);

        Read first = FormatTestFiles.read(format, file, spec, 0, length / 2);
        Read second = FormatTestFiles.read(format, file, spec, length / 2, length - length / 2);

        assertThat(first.rows()).extracting(row -> row.get(2)).containsExactly("Dune", "Emma");
        assertThat(second.rows()).isEmpty();
    }
}
