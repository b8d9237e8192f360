package io.sluice.classify.text;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.FileSample;
import io.sluice.classify.InferredColumn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class DelimitedClassifierTest {
    private final DelimitedClassifier classifier = new DelimitedClassifier();

    private Optional<Classification> classify(String text) {
        return classify(text.getBytes(UTF_8), true);
    }

    private Optional<Classification> classify(byte[] head, boolean complete) {
        FileSample sample = FileSample.of(
                new Path("/data/sample.csv"), new Configuration(false), head.length, Optional.empty(), head, complete);
        return classifier.classify(sample);
    }

    private Classification csv(String text) {
        return classify(text).orElseThrow();
    }

    /** "name:type" of every column, in order. */
    private static List<String> schema(Classification classification) {
        return classification.columns().stream()
                .map(c -> c.name() + ":" + c.type())
                .toList();
    }

    private static String reasons(Classification classification) {
        return String.join("\n", classification.reasons());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Test
    void nameIsCsv() {
        assertThat(classifier.name()).isEqualTo("csv");
    }

    @Test
    void quotedCommaSeparatedWithHeader() {
        Classification c = csv(
                """
                order_id,customer,amount,ordered_on
                1001,"Martin, Alice",19.99,2024-01-15
                1002,Bob Stone,5.00,2024-01-16
                1003,"Diaz, Carla",149.50,2024-02-01
                """);
        assertThat(c.classifier()).isEqualTo("csv");
        assertThat(c.classification()).isEqualTo("csv");
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c))
                .containsExactly("order_id:int", "customer:string", "amount:decimal(5,2)", "ordered_on:date");
        assertThat(c.serde().serializationLibrary()).isEqualTo(StorageFormat.CSV.serde());
        assertThat(c.serde().parameters())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("separatorChar", ",", "quoteChar", "\"", "escapeChar", "\""));
        assertThat(c.inputFormat()).isEqualTo(StorageFormat.CSV.inputFormat());
        assertThat(c.outputFormat()).isEqualTo(StorageFormat.CSV.outputFormat());
        assertThat(c.parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "classification", "csv",
                        "delimiter", ",",
                        "quoteChar", "\"",
                        "areColumnsQuoted", "true",
                        "columnsOrdered", "true",
                        "skip.header.line.count", "1",
                        "sluice.format.ordered_on", "yyyy-MM-dd"));
        assertThat(c.recordCount()).hasValue(3);
        assertThat(c.reasons())
                .contains(
                        "all 4 records have 4 fields",
                        "encoding UTF-8: valid UTF-8, no byte order mark",
                        "line ending LF",
                        "quote '\"' opens 2 fields, quotes inside doubled: OpenCSVSerde");
        assertThat(reasons(c))
                .contains("delimiter ',' (4 columns on 4 of 4 records) over ';' (1 column on 4 of 4 records)")
                .contains("header: 'order_id' is not int like the values below");
        assertThat(c.columns().get(2).reason())
                .isEqualTo("decimal(5,2): all 3 values are numbers with 2 decimals and at most 3 integer digits,"
                        + " e.g. 19.99, 5.00, 149.50");
    }

    @Test
    void semicolonsWithDecimalCommas() {
        Classification c = csv(
                """
                artikel;preis;menge
                Schraube;1,50;300
                Mutter;0,25;1200
                Scheibe;0,05;5000
                """);
        assertThat(c.parameters()).containsEntry("delimiter", ";");
        assertThat(schema(c)).containsExactly("artikel:string", "preis:string", "menge:int");
        assertThat(c.serde().serializationLibrary()).isEqualTo(StorageFormat.DELIMITED.serde());
        assertThat(c.serde().parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("field.delim", ";", "serialization.format", ";"));
        assertThat(c.parameters()).containsEntry("areColumnsQuoted", "false").doesNotContainKey("quoteChar");
    }

    @Test
    void headerlessPipeFile() {
        Classification c = csv(
                """
                1001|alice|2024-01-03|19.99|true
                1002|bob|2024-01-04|5.00|false
                1003|carol|2024-01-05|7.25|true
                1004|dan|2024-01-06|120.00|false
                """);
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c))
                .containsExactly("col0:int", "col1:string", "col2:date", "col3:decimal(5,2)", "col4:boolean");
        assertThat(c.parameters())
                .containsEntry("delimiter", "|")
                .containsEntry("sluice.format.col2", "yyyy-MM-dd")
                .doesNotContainKey("skip.header.line.count");
        assertThat(c.recordCount()).hasValue(4);
        assertThat(reasons(c)).contains("no header: '1001' is int like the values below");
    }

    @Test
    void tabSeparated() {
        Classification c = csv("id\tname\tscore\n1\tAda\t9.5\n2\tGrace\t8.25\n3\tEdsger\t7\n");
        assertThat(c.parameters()).containsEntry("delimiter", "\t");
        assertThat(c.serde().parameters()).containsEntry("field.delim", "\t");
        assertThat(schema(c)).containsExactly("id:int", "name:string", "score:double");
    }

    @Test
    void hiveDefaultDelimiter() {
        Classification c = csv("1\u0001north\u00012024-03-01 10:15:00\n2\u0001south\u00012024-03-01 11:00:00\n");
        assertThat(c.parameters()).containsEntry("delimiter", "\u0001");
        assertThat(c.serde().parameters()).containsEntry("field.delim", "\u0001");
        assertThat(schema(c)).containsExactly("col0:int", "col1:string", "col2:timestamp");
        assertThat(c.serde().parameters()).containsEntry("timestamp.formats", "yyyy-MM-dd HH:mm:ss[.S][XXX]");
        assertThat(c.parameters()).containsEntry("sluice.format.col2", "yyyy-MM-dd HH:mm:ss[.S][XXX]");
        assertThat(reasons(c)).contains("delimiter \\u0001 (3 columns on 2 of 2 records)");
    }

    @Test
    void otherDelimiterSeenOnEveryLine() {
        Classification c = csv("part~qty~bin\nbolt~40~A1\nnut~15~B2\nwasher~300~C3\n");
        assertThat(c.parameters()).containsEntry("delimiter", "~");
        assertThat(schema(c)).containsExactly("part:string", "qty:int", "bin:string");
    }

    @Test
    void quotedLineBreaksAndDoubledQuotes() {
        Classification c = csv(
                """
                id,comment,rating
                1,"Great product.
                Would buy again.",5
                2,"She said ""wow"", twice",4
                3,plain,3
                """);
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "comment:string", "rating:int");
        assertThat(c.parameters())
                .containsEntry("sluice.multiline", "true")
                .containsEntry("skip.header.line.count", "1");
        assertThat(c.recordCount()).hasValue(3);
        assertThat(reasons(c)).contains("quoted values hold line breaks");
    }

    @Test
    void backslashEscapedQuotes() {
        Classification c = csv(
                """
                id,quote
                1,"he said \\"no\\", twice"
                2,"fine"
                3,"a \\"b\\""
                """);
        assertThat(c.serde().parameters())
                .containsEntry("quoteChar", "\"")
                .containsEntry("escapeChar", "\\")
                .containsEntry("separatorChar", ",");
        assertThat(schema(c)).containsExactly("id:int", "quote:string");
        assertThat(reasons(c)).contains("quotes inside escaped by backslash");
    }

    @Test
    void singleQuotes() {
        Classification c = csv("id|label\n1|'a|b'\n2|'c'\n3|'d|e'\n");
        assertThat(c.serde().parameters())
                .containsEntry("separatorChar", "|")
                .containsEntry("quoteChar", "'")
                .containsEntry("escapeChar", "'");
        assertThat(c.parameters()).containsEntry("quoteChar", "'");
    }

    @Test
    void crlfLineEndings() {
        Classification c = csv("id,name\r\n1,Ada\r\n2,Grace\r\n");
        assertThat(schema(c)).containsExactly("id:int", "name:string");
        assertThat(c.parameters()).containsEntry("sluice.line.ending", "CRLF").doesNotContainKey("line.delim");
        assertThat(c.serde().parameters()).doesNotContainKey("line.delim");
        assertThat(c.reasons()).contains("line ending CRLF");
    }

    @Test
    void crLineEndings() {
        Classification c = csv("id,name\r1,Ada\r2,Grace\r");
        assertThat(schema(c)).containsExactly("id:int", "name:string");
        assertThat(c.parameters()).containsEntry("sluice.line.ending", "CR");
        assertThat(c.recordCount()).hasValue(2);
    }

    @Test
    void lfRecordsNoLineEnding() {
        assertThat(csv("a,b\n1,2\n").parameters()).doesNotContainKey("sluice.line.ending");
    }

    @Test
    void utf8ByteOrderMark() {
        byte[] content =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id,name\n1,Zoë\n2,Ana\n".getBytes(UTF_8));
        Classification c = classify(content, true).orElseThrow();
        assertThat(schema(c)).as("the mark is not part of the first name").containsExactly("id:int", "name:string");
        assertThat(c.serde().parameters()).doesNotContainKey("serialization.encoding");
        assertThat(c.reasons()).contains("encoding UTF-8: byte order mark EF BB BF");
    }

    @Test
    void utf16WithByteOrderMark() {
        byte[] content =
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "id;ville\n1;Orléans\n2;Nîmes\n".getBytes(UTF_16LE));
        Classification c = classify(content, true).orElseThrow();
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "ville:string");
        assertThat(c.serde().parameters()).containsEntry("serialization.encoding", "UTF-16LE");
    }

    @Test
    void latin1Bytes() {
        Classification c = classify("id;nom;ville\n1;José;Orléans\n2;Renée;Nîmes\n".getBytes(ISO_8859_1), true)
                .orElseThrow();
        assertThat(schema(c)).containsExactly("id:int", "nom:string", "ville:string");
        assertThat(c.serde().parameters()).containsEntry("serialization.encoding", "ISO-8859-1");
        assertThat(c.columns().get(1).reason()).contains("'José'");
        assertThat(reasons(c)).contains("is not valid UTF-8; read as Latin-1");
    }

    @Test
    void commentsAndTitleAreSkipped() {
        Classification c = csv(
                """
                # exported by shop-admin 3.2
                # timezone: UTC

                Monthly sales report
                region,amount,month
                north,1250.00,2024-01-01
                south,980.50,2024-01-01
                east,1100.25,2024-01-01
                """);
        assertThat(schema(c)).containsExactly("region:string", "amount:decimal(6,2)", "month:date");
        assertThat(c.parameters()).containsEntry("skip.header.line.count", "5");
        assertThat(c.recordCount()).hasValue(3);
        assertThat(c.reasons())
                .contains(
                        "skipped 3 leading comment lines starting with '#'",
                        "skipped 1 leading record with another field count (a title or notes above the table)");
    }

    @Test
    void blankLinesUnderTheHeaderAreSkippedWithIt() {
        Classification c = csv("id,name\n\n1,Ada\n2,Grace\n");
        assertThat(c.parameters()).containsEntry("skip.header.line.count", "1");
        assertThat(c.recordCount()).hasValue(2);
    }

    @Test
    void allTextColumnsWithHeader() {
        Classification c = csv(
                """
                name,city,country
                Alice Martin,Lyon,France
                Bob Stone,Paris,France
                Carla Diaz,Madrid,Spain
                Dev Patel,London,United Kingdom
                """);
        assertThat(schema(c)).containsExactly("name:string", "city:string", "country:string");
        assertThat(c.parameters()).containsEntry("skip.header.line.count", "1");
        assertThat(reasons(c))
                .contains("header: all columns are text; first-row labels differ in shape from the values below"
                        + " in 3 of 3 columns");
    }

    @Test
    void allTextColumnsWithoutHeader() {
        Classification c = csv(
                """
                Alice Martin|Lyon|France
                Bob Stone|Paris|Spain
                Carla Diaz|Madrid|Italy
                """);
        assertThat(schema(c)).containsExactly("col0:string", "col1:string", "col2:string");
        assertThat(c.parameters()).doesNotContainKey("skip.header.line.count");
    }

    @Test
    void numbersOnlyWithoutHeader() {
        Classification c = csv("3,4.5,-7\n6,7.25,8\n9,10.5,11\n12,0.75,-1\n");
        assertThat(schema(c)).containsExactly("col0:int", "col1:double", "col2:int");
        assertThat(c.recordCount()).hasValue(4);
    }

    @Test
    void headerNamesAreSanitized() {
        Classification c = csv("Order ID,Unit Price ($),Prénom,,order id\n1,2.50,Zoé,x,7\n2,3.75,Léa,y,8\n");
        assertThat(c.columns())
                .extracting(InferredColumn::name)
                .containsExactly("order_id", "unit_price", "prenom", "col3", "order_id_1");
    }

    @Test
    void truncatedLastRecordOfAnIncompleteSample() {
        byte[] head = "id,amount,note\n1,10.50,first\n2,7.25,second\n3,1".getBytes(UTF_8);
        Classification c = classify(head, false).orElseThrow();
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "amount:decimal(4,2)", "note:string");
        assertThat(c.recordCount()).as("unknown for a partial sample").isEmpty();
    }

    @Test
    void truncatedInsideAQuotedLineBreak() {
        byte[] head = "id,comment\n1,\"short\"\n2,\"long comment\nthat continues\nbeyond the samp".getBytes(UTF_8);
        Classification c = classify(head, false).orElseThrow();
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "comment:string");
        assertThat(c.columns().get(0).reason()).contains("all 1 value");
    }

    @Test
    void unclosedQuoteInACompleteFile() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 300; i++) {
            text.append(i).append(i == 280 ? ",\"Never, closed\n" : ",\"Name, " + i + "\"\n");
        }
        Classification c = csv(text.toString());
        assertThat(c.certainty()).isEqualTo(0.5);
        assertThat(c.reasons().get(0))
                .startsWith("all 280 records have 2 fields; reading stopped at line 282: ")
                .contains("Invalid character between encapsulated token and delimiter");
    }

    @Test
    void unclosedQuoteEarlyIsReadUnquoted() {
        Classification c = csv("id,comment\n1,\"fine\"\n2,\"never closed\n3,more\n");
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(c.parameters()).containsEntry("areColumnsQuoted", "false");
    }

    @Test
    void someRecordsWithOtherFieldCounts() {
        Classification c = csv("a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n12,13,14\n15,16,17\n18,19,20\n21,22,23\n24,25,26\n");
        assertThat(c.certainty()).isCloseTo(0.81, within(1e-9));
        assertThat(c.reasons().get(0)).isEqualTo("9 of 10 records have 3 fields");
    }

    @Test
    void timestampsRecordTheirFormats() {
        Classification c = csv(
                """
                id,created_at,day
                1,2024-01-15T10:00:00Z,15/01/2024
                2,2024-01-16T11:30:00.250+01:00,28/02/2024
                """);
        assertThat(schema(c)).containsExactly("id:int", "created_at:timestamp", "day:date");
        assertThat(c.parameters())
                .containsEntry("sluice.format.created_at", "yyyy-MM-dd'T'HH:mm:ss[.S][XXX]")
                .containsEntry("sluice.format.day", "dd/MM/yyyy");
        assertThat(c.serde().parameters()).containsEntry("timestamp.formats", "yyyy-MM-dd'T'HH:mm:ss[.S][XXX]");
    }

    @Test
    void singleColumnIsUnsure() {
        Classification c = csv("email\nada@example.com\ngrace@example.org\n");
        assertThat(c.certainty()).isEqualTo(0.3);
        assertThat(schema(c)).containsExactly("email:string");
        assertThat(c.reasons()).first().asString().startsWith("one column");
    }

    @Test
    void headerWithoutRows() {
        Classification c = csv("id,name,created_at\n");
        assertThat(c.certainty()).isEqualTo(0.5);
        assertThat(schema(c)).containsExactly("id:string", "name:string", "created_at:string");
        assertThat(c.parameters()).containsEntry("skip.header.line.count", "1");
        assertThat(c.recordCount()).hasValue(0);
    }

    @Test
    void jsonLinesAreNotClaimed() {
        Classification c = csv("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
        assertThat(c.certainty()).isEqualTo(0.1);
        assertThat(c.reasons().get(0)).isEqualTo("lines open with '{' or '[': JSON rather than delimited text");
    }

    @Test
    void proseIsNotDelimited() {
        assertThat(
                        classify(
                                """
                        It was the best of times, it was the worst of times, it was the age of wisdom.
                        It was the epoch of belief, it was the epoch of incredulity, it was the season of Light.
                        We had everything before us, we had nothing before us, we were all going direct to Heaven.
                        There were a king with a large jaw and a queen with a plain face, on the throne of England.
                        """))
                .isEmpty();
        assertThat(
                        classify(
                                """
                        The crawler walks every path it is given.
                        Each file is sampled and classified before tables are written.
                        Nothing here is separated by anything in particular.
                        """))
                .isEmpty();
    }

    @Test
    void tabSeparatedSentencesAreATable() {
        Classification c = csv(
                """
                english\tfrench
                The cat sleeps on the warm mat.\tLe chat dort sur le tapis chaud.
                We are going to the market today.\tNous allons au marché aujourd'hui.
                """);
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("english:string", "french:string");
    }

    @Test
    void oneLineWithoutDelimiterIsNotDelimited() {
        assertThat(classify("hello\n")).isEmpty();
    }

    @Test
    void emptyTextIsNotDelimited() {
        assertThat(classify("")).isEmpty();
        assertThat(classify("\n\n")).isEmpty();
    }

    @Test
    void binaryIsNotDelimited() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0
        };
        assertThat(classify(png, true)).isEmpty();
        byte[] gzip = {0x1F, (byte) 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x4B, 0x4C, 0x4A, 0x06, 0};
        assertThat(classify(gzip, false)).isEmpty();
    }

    @Test
    void reasonsExplainTheDecisionInOrder() {
        Classification c = csv("id,name\n1,Ada\n2,Grace\n");
        String joined = c.reasons().stream().collect(Collectors.joining(" | "));
        assertThat(joined)
                .isEqualTo("all 3 records have 2 fields | encoding UTF-8: valid UTF-8, no byte order mark"
                        + " | line ending LF | delimiter ',' (2 columns on 3 of 3 records) over ';' (1 column on 3"
                        + " of 3 records), tab (1 column on 3 of 3 records), '|' (1 column on 3 of 3 records)"
                        + " | no quoted fields: LazySimpleSerDe | header: 'id' is not int like the values below;"
                        + " 'name': lower case unlike the Title Case values below");
    }
}
