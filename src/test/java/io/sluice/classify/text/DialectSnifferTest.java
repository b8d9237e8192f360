package io.sluice.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectSnifferTest {

    private static DialectSniffer.Sniffed sniff(String text) {
        return DialectSniffer.sniff(text, false).orElseThrow();
    }

    private static Dialect dialect(String text) {
        return sniff(text).dialect();
    }

    @Test
    void commonDelimiters() {
        assertThat(dialect("a,b,c\n1,2,3\n4,5,6\n")).isEqualTo(Dialect.unquoted(','));
        assertThat(dialect("a;b;c\n1;2;3\n4;5;6\n")).isEqualTo(Dialect.unquoted(';'));
        assertThat(dialect("a\tb\tc\n1\t2\t3\n")).isEqualTo(Dialect.unquoted('\t'));
        assertThat(dialect("a|b|c\n1|2|3\n")).isEqualTo(Dialect.unquoted('|'));
        assertThat(dialect("a\u0001b\u0001c\n1\u00012\u00013\n")).isEqualTo(Dialect.unquoted('\u0001'));
    }

    @Test
    void otherCharacterSeenOnEveryLine() {
        assertThat(dialect("id~name~qty\n1~bolt~40\n2~nut~15\n")).isEqualTo(Dialect.unquoted('~'));
        assertThat(DialectSniffer.delimiters("12:30:00\n13:45:10\n"))
                .as("time separators are not delimiters")
                .containsExactly(',', ';', '\t', '|', '\u0001');
    }

    @Test
    void decimalCommasDoNotWinOverSemicolons() {
        Dialect dialect = dialect("name;price;qty\nbolt;1,50;3\nnut;0,25;12\nwasher;0,05;100\n");
        assertThat(dialect.delimiter()).isEqualTo(';');
    }

    @Test
    void quotedDelimitersNeedTheQuote() {
        DialectSniffer.Sniffed sniffed = sniff(
                "id,name,city\n1,\"Smith, John\",Paris\n2,\"Doe, Jane\",Lyon\n3,\"Roe, Rick\",Nice\n4,\"Poe, Ed\",Metz\n");
        assertThat(sniffed.dialect()).isEqualTo(Dialect.quoted(',', '"', false));
        assertThat(sniffed.layout()).isEqualTo(new RecordLayout(3, 0, 5, 5));
        assertThat(sniffed.quotedFields()).isEqualTo(4);
    }

    @Test
    void singleQuotes() {
        Dialect dialect = dialect("id|label\n1|'a|b'\n2|'c'\n3|'d|e'\n");
        assertThat(dialect).isEqualTo(Dialect.quoted('|', '\'', false));
    }

    @Test
    void backslashEscapedQuotes() {
        Dialect dialect = dialect("id,quote\n1,\"he said \\\"no\\\", twice\"\n2,\"fine\"\n");
        assertThat(dialect).isEqualTo(Dialect.quoted(',', '"', true));
        assertThat(dialect.quoteEscape()).contains('\\');
    }

    @Test
    void doubledQuotes() {
        Dialect dialect = dialect("id,quote\n1,\"he said \"\"no\"\", twice\"\n2,\"fine\"\n");
        assertThat(dialect).isEqualTo(Dialect.quoted(',', '"', false));
        assertThat(dialect.quoteEscape()).contains('"');
    }

    @Test
    void rankingExplainsTheChoice() {
        DialectSniffer.Sniffed sniffed = sniff("a;b\n1;2,5\n3;4,5\n");
        assertThat(sniffed.describe())
                .startsWith("delimiter ';' (2 columns on 3 of 3 records) over ',' (2 columns on 2 of 2 records)");
    }

    @Test
    void singleColumn() {
        DialectSniffer.Sniffed sniffed = sniff("alpha\nbeta\ngamma\n");
        assertThat(sniffed.layout().columns()).isEqualTo(1);
        assertThat(sniffed.describe()).startsWith("no delimiter splits the records: tried ','");
    }

    @Test
    void nothingToSniff() {
        assertThat(DialectSniffer.sniff("", false)).isEmpty();
        assertThat(DialectSniffer.sniff("\n\n", false)).isEmpty();
    }

    @Test
    void titleLinesArePreamble() {
        RecordLayout layout = sniff("Quarterly sales\nExported from the shop\nregion,amount\nnorth,10\nsouth,20\n")
                .layout();
        assertThat(layout).isEqualTo(new RecordLayout(2, 2, 3, 3));
        assertThat(layout.consistency()).isEqualTo(1.0);
    }

    @Test
    void layoutScoresConsistency() {
        List<Row> rows = List.of(row("a", "b", "c"), row("1", "2", "3"), row("4", "5"), row("6", "7", "8"));
        RecordLayout layout = RecordLayout.of(rows);
        assertThat(layout).isEqualTo(new RecordLayout(3, 0, 3, 4));
        assertThat(layout.splits()).isTrue();
        assertThat(layout.score()).isEqualTo(6);
        assertThat(RecordLayout.of(List.of(row("a"), row("b"))).splits()).isFalse();
    }

    @Test
    void longInconsistentStartIsNoPreamble() {
        List<Row> rows = List.of(row("x"), row("y"), row("a", "b"), row("c", "d"));
        assertThat(RecordLayout.of(rows).preamble())
                .as("half the records cannot be a preamble")
                .isZero();
    }

    @Test
    void parsesQuotedLineBreaksWithLineNumbers() {
        ParsedRows parsed = ParsedRows.parse(
                "id,note\r\n1,\"two\r\nlines\"\r\n\r\n2,one\r\n", Dialect.quoted(',', '"', false), 100, false);
        assertThat(parsed.rows())
                .extracting(Row::fields)
                .containsExactly(List.of("id", "note"), List.of("1", "two\r\nlines"), List.of("2", "one"));
        assertThat(parsed.rows()).extracting(Row::endLine).containsExactly(1L, 3L, 5L);
        assertThat(parsed.error()).isEmpty();
    }

    @Test
    void quoteOpenAtTheEndOfATruncatedSampleIsNoError() {
        String text = "id,note\n1,\"complete\"\n2,\"cut off\n";
        Dialect dialect = Dialect.quoted(',', '"', false);
        ParsedRows truncated = ParsedRows.parse(text, dialect, 100, true);
        assertThat(truncated.rows()).hasSize(2);
        assertThat(truncated.error()).isEmpty();
        ParsedRows complete = ParsedRows.parse(text, dialect, 100, false);
        assertThat(complete.rows()).hasSize(2);
        assertThat(complete.error()).hasValueSatisfying(e -> assertThat(e).startsWith("line 3: "));
    }

    @Test
    void leadingCommentBlock() {
        assertThat(CommentBlock.of("# generated\n\n# by exporter\nid,name\n1,a\n"))
                .isEqualTo(new CommentBlock(3, 27));
        assertThat(CommentBlock.of("id,name\n# not a comment here\n")).isEqualTo(new CommentBlock(0, 0));
        assertThat(CommentBlock.of("#1\n#2\n")).as("all comment lines are data").isEqualTo(new CommentBlock(0, 0));
    }

    @Test
    void dialectDescriptions() {
        assertThat(Dialect.unquoted('\t')).hasToString("delimiter tab, no quoting");
        assertThat(Dialect.quoted(';', '\'', true))
                .hasToString("delimiter ';', quote ''', quotes escaped by backslash");
        assertThat(Dialect.show('\u0001')).isEqualTo("\\u0001");
        assertThat(Dialect.unquoted(',').format().getQuoteCharacter()).isNull();
        assertThat(Dialect.quoted(',', '"', false).escape()).isEqualTo(Optional.empty());
    }

    private static Row row(String... fields) {
        return new Row(List.of(fields), 0);
    }
}
