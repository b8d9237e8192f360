package io.sluice.format.csv;

import static io.sluice.format.FormatTestFiles.classify;
import static io.sluice.format.FormatTestFiles.read;
import static io.sluice.format.FormatTestFiles.readInEqualSplits;
import static io.sluice.format.FormatTestFiles.readInSplits;
import static io.sluice.format.FormatTestFiles.spec;
import static io.sluice.format.FormatTestFiles.write;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.classify.Classification;
import io.sluice.classify.text.DelimitedClassifier;
import io.sluice.format.FormatTestFiles;
import io.sluice.format.FormatTestFiles.Read;
import io.sluice.format.ReadSpec;
import io.sluice.format.Schemas;
import io.sluice.row.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFormatTest {
    private final DelimitedFormat format = new DelimitedFormat();

    @TempDir
    java.nio.file.Path dir;

    /** Classifies the content with the csv classifier, writes it, and returns the spec its table would have. */
    private Classified classified(String name, byte[] content) {
        Classification classification = classify(new DelimitedClassifier(), name, content);
        return new Classified(write(dir, name, content), spec(classification), classification);
    }

    private Classified classified(String name, String content) {
        return classified(name, content.getBytes(UTF_8));
    }

    private record Classified(Path file, ReadSpec spec, Classification classification) {
        List<String> schema() {
            return spec.schema().fields().stream()
                    .map(f -> f.name() + ":" + f.type())
                    .toList();
        }
    }

    private Read read(Classified c) {
        return FormatTestFiles.read(format, c.file(), c.spec());
    }

    @Test
    void readsTablesClassifiedCsvOrStoredWithTheirSerDes() {
        ReadSpec csv = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))), "", SerDeInfo.of("x"), Map.of("classification", "csv"));
        ReadSpec lazy = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))),
                "",
                SerDeInfo.of("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"),
                Map.of());
        ReadSpec json = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))),
                "",
                SerDeInfo.of("org.openx.data.jsonserde.JsonSerDe"),
                Map.of("classification", "json"));
        assertThat(format.name()).isEqualTo("csv");
        assertThat(format.reads(csv)).isTrue();
        assertThat(format.reads(lazy)).isTrue();
        assertThat(format.reads(json)).isFalse();
    }

    @Test
    void quotedMultiLineValuesWithDoubledQuotes() {
        Classified c = classified(
                "notes.csv",
                """
                id,author,note
                1,"Martin, Alice","said ""hi""
                and left"
                2,Bob,"plain"
                3,"Carla","two
                line
                breaks"
                """);
        assertThat(c.spec().parameters()).containsEntry("sluice.multiline", "true");
        assertThat(c.spec().serde().parameters()).containsEntry("escapeChar", "\"");

        Read read = read(c);

        assertThat(read.bad()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        Row.of(1, "Martin, Alice", "said \"hi\"\nand left"),
                        Row.of(2, "Bob", "plain"),
                        Row.of(3, "Carla", "two\nline\nbreaks"));
    }

    @Test
    void multiLineTablesAreReadWholeByTheFirstSplit() {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 1; i <= 40; i++) {
            text.append(i).append(",\"line ").append(i).append("\nnext, \"\"quoted\"\"\"\n");
        }
        Classified c = classified("notes.csv", text.toString());
        assertThat(c.spec().parameters()).containsEntry("sluice.multiline", "true");
        long length = FormatTestFiles.length(c.file());

        Read first = FormatTestFiles.read(format, c.file(), c.spec(), 0, length / 3);
        Read second = FormatTestFiles.read(format, c.file(), c.spec(), length / 3, length / 3);

        assertThat(first.rows()).hasSize(40);
        assertThat(first.rows().get(39)).isEqualTo(Row.of(40, "line 40\nnext, \"quoted\""));
        assertThat(second.rows()).isEmpty();
        assertThat(second.bad()).isEmpty();
    }

    @Test
    void backslashEscapedQuotes() {
        Classified c = classified(
                "quotes.csv",
                """
                id,quote,speaker
                1,"she said \\"yes\\", twice",Ann
                2,"a \\\\ backslash",Bob
                3,"no escapes",Cy
                4,"C:\\temp",Dee
                """);
        assertThat(c.spec().serde().parameters()).containsEntry("escapeChar", "\\");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of(1, "she said \"yes\", twice", "Ann"),
                        Row.of(2, "a \\ backslash", "Bob"),
                        Row.of(3, "no escapes", "Cy"),
                        Row.of(4, "C:\\temp", "Dee"));
    }

    @Test
    void crlfLineEndings() {
        Classified c = classified("crlf.csv", "id,name,amount\r\n1,Ann,1.50\r\n2,\"Bob\",20.25\r\n3,Cy,\r\n");
        assertThat(c.spec().parameters()).containsEntry("sluice.line.ending", "CRLF");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of(1, "Ann", new BigDecimal("1.50")),
                        Row.of(2, "Bob", new BigDecimal("20.25")),
                        Row.of(3, "Cy", null));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstValue() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Classified withHeader = classified("bom.csv", concat(bom, "name,qty\nÄpfel,3\nBirnen,4\n".getBytes(UTF_8)));
        Classified headerless = classified("bom2.csv", concat(bom, "Äpfel;3\nBirnen;4\nKiwi;5\n".getBytes(UTF_8)));

        assertThat(read(withHeader).rows()).containsExactly(Row.of("Äpfel", 3), Row.of("Birnen", 4));
        assertThat(read(headerless).rows()).containsExactly(Row.of("Äpfel", 3), Row.of("Birnen", 4), Row.of("Kiwi", 5));
    }

    @Test
    void latin1Text() {
        Classified c = classified(
                "latin1.csv",
                "city;country;population\nZürich;Schweiz;421878\nSão Paulo;Brasil;12325232\n".getBytes(ISO_8859_1));
        assertThat(c.spec().serde().parameters()).containsEntry("serialization.encoding", "ISO-8859-1");

        assertThat(read(c).rows())
                .containsExactly(Row.of("Zürich", "Schweiz", 421878), Row.of("São Paulo", "Brasil", 12325232));
    }

    @Test
    void utf16TextIsReadWholeAsUtf8() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        Classified c =
                classified("utf16.csv", concat(bom, "name,qty\r\nÄpfel,3\r\n\"Bir,nen\",4\r\n".getBytes(UTF_16LE)));
        assertThat(c.spec().serde().parameters()).containsEntry("serialization.encoding", "UTF-16LE");

        assertThat(read(c).rows()).containsExactly(Row.of("Äpfel", 3), Row.of("Bir,nen", 4));
        long length = FormatTestFiles.length(c.file());
        assertThat(FormatTestFiles.read(format, c.file(), c.spec(), 10, length - 10)
                        .rows())
                .isEmpty();
    }

    @Test
    void commentsTitleAndHeaderAreSkipped() {
        Classified c = classified(
                "report.csv",
                """
                # exported 2024-03-01
                # by the shop system

                Quarterly sales report
                region,quarter,revenue
                north,1,1200.50
                south,1,980.00
                east,2,45.10
                """);
        assertThat(c.spec().parameters()).containsEntry("skip.header.line.count", "5");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of("north", 1, new BigDecimal("1200.50")),
                        Row.of("south", 1, new BigDecimal("980.00")),
                        Row.of("east", 2, new BigDecimal("45.10")));
    }

    @Test
    void headerlessPipeFileWithNulls() {
        Classified c = classified(
                "products.psv",
                """
                1|widget|9.99|2024-01-05
                2|gadget|\\N|2024-01-06
                3||12.50|
                4|thing|0.10|2024-02-29
                """);
        assertThat(c.spec().serde().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(c.schema()).containsExactly("col0:int", "col1:string", "col2:decimal(4,2)", "col3:date");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of(1, "widget", new BigDecimal("9.99"), LocalDate.of(2024, 1, 5)),
                        Row.of(2, "gadget", null, LocalDate.of(2024, 1, 6)),
                        Row.of(3, null, new BigDecimal("12.50"), null),
                        Row.of(4, "thing", new BigDecimal("0.10"), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void recordedDateAndTimestampFormats() {
        Classified c = classified(
                "events.csv",
                """
                id,day,at
                1,31/01/2024,31/01/2024 13:45:00
                2,15/02/2024,15/02/2024 08:00:01.250
                """);
        assertThat(c.spec().parameters())
                .containsEntry("sluice.format.day", "dd/MM/yyyy")
                .containsEntry("sluice.format.at", "dd/MM/yyyy HH:mm:ss[.S]");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of(1, LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 13, 45)),
                        Row.of(2, LocalDate.of(2024, 2, 15), LocalDateTime.of(2024, 2, 15, 8, 0, 1, 250_000_000)));
    }

    @Test
    void badValuesAreReportedAndTheReaderGoesOn() {
        Classified c = classified(
                "orders.csv",
                """
                id,qty,price,day
                1,2,9.99,2024-01-05
                2,3,19.99,2024-01-06
                3,4,1.00,2024-01-07
                """);
        assertThat(c.schema()).containsExactly("id:int", "qty:int", "price:decimal(4,2)", "day:date");
        Path file = write(
                dir,
                "orders.csv",
                """
                id,qty,price,day
                1,2,9.99,2024-01-05
                2,12x,19.99,2024-01-06
                3,4,1.00,2024-02-30
                4,5,123.45,2024-01-08
                5,6,7.00,2024-01-09,extra
                6,7
                7,8,8.00,2024-01-10
                """
                        .getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, c.spec());

        String name = file.toString();
        assertThat(read.events())
                .containsExactly(
                        "[1, 2, 9.99, 2024-01-05]",
                        "bad: " + name + ":3: column qty: '12x' is not a valid int",
                        "bad: " + name + ":4: column day: '2024-02-30' is not a valid date",
                        "bad: " + name + ":5: column price: '123.45' is not a valid decimal(4,2)",
                        "bad: " + name + ":6: '5,6,7.00,2024-01-09,extra' has 5 fields, but the table has 4 columns",
                        "[6, 7, null, null]",
                        "[7, 8, 8.00, 2024-01-10]");
        assertThat(read.bad().get(0).line()).hasValue(3);
        assertThat(read.bad().get(0).column()).hasValue("qty");
        assertThat(read.bad().get(0).value()).hasValue("12x");
        assertThat(read.bad().get(0).reason()).isEqualTo("is not a valid int");

        // Column pruning: only id and price are parsed; a bad value in a column not read is no bad record.
        Map<String, String> parameters = new java.util.HashMap<>(c.spec().parameters());
        parameters.put(DelimitedFormat.READ_COLUMNS, "0,2");
        ReadSpec pruned =
                new ReadSpec(c.spec().schema(), c.spec().inputFormat(), c.spec().serde(), parameters);
        assertThat(FormatTestFiles.read(format, file, pruned).events())
                .containsExactly(
                        "[1, null, 9.99, null]",
                        "[2, null, 19.99, null]",
                        "[3, null, 1.00, null]",
                        "bad: " + name + ":5: column price: '123.45' is not a valid decimal(4,2)",
                        "bad: " + name + ":6: '5,6,7.00,2024-01-09,extra' has 5 fields, but the table has 4 columns",
                        "[6, null, null, null]",
                        "[7, null, 8.00, null]");
    }

    @Test
    void unclosedQuoteIsABadRecordOnItsLineUnlessMultiLine() {
        Classified c = classified("q.csv", "id,name\n1,\"Ann\"\n2,\"Bob\"\n");
        assertThat(c.spec().parameters()).doesNotContainKey("sluice.multiline");
        Path file = write(dir, "q.csv", "id,name\n1,\"Ann\n2,\"Bob\"\n3,\"Cy\"x\n4,Dee\n".getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, c.spec());

        assertThat(read.events())
                .containsExactly(
                        "bad: " + file + ":2: '1,\"Ann' a quoted value is not closed on its line (the table is not"
                                + " multi-line)",
                        "[2, Bob]",
                        "bad: " + file + ":4: '3,\"Cy\"x' text after the closing quote of field 2",
                        "[4, Dee]");
    }

    @Test
    void emptyLinesAreNotRecords() {
        Classified c = classified("e.csv", "a,b\n1,x\n2,y\n");
        Path file = write(dir, "e.csv", "a,b\n1,x\n\n2,y\n\r\n".getBytes(UTF_8));

        assertThat(FormatTestFiles.read(format, file, c.spec()).rows()).containsExactly(Row.of(1, "x"), Row.of(2, "y"));
    }

    @Test
    void lastRecordWithoutLineBreak() {
        Classified c = classified("e.csv", "a,b\n1,x\n2,\"y\"");

        assertThat(read(c).rows()).containsExactly(Row.of(1, "x"), Row.of(2, "y"));
    }

    @Test
    void threeSplitsYieldEveryRecordOnce() {
        StringBuilder text = new StringBuilder("id,name,amount\r\n");
        for (int i = 1; i <= 500; i++) {
            text.append(i)
                    .append(",\"name ")
                    .append(i)
                    .append(", quoted\",")
                    .append(i)
                    .append(".25\r\n");
        }
        Classified c = classified("big.csv", text.toString());
        assertThat(c.spec().parameters()).doesNotContainKey("sluice.multiline");
        Read whole = read(c);

        Read splits = readInEqualSplits(format, c.file(), c.spec(), 3);

        assertThat(whole.rows()).hasSize(500);
        assertThat(splits.rows()).isEqualTo(whole.rows());
        assertThat(splits.bad()).isEmpty();
    }

    @Test
    void everySplitSizeYieldsEveryRecordOnce() {
        Classified c = classified("small.csv", "# comment\nid,name\n1,a\r\n22,\"b,b\"\r33,ccc\n\n444,\"d\"\"d\"\n5,e");
        Read whole = read(c);
        assertThat(whole.rows())
                .containsExactly(
                        Row.of(1, "a"), Row.of(22, "b,b"), Row.of(33, "ccc"), Row.of(444, "d\"d"), Row.of(5, "e"));
        long length = FormatTestFiles.length(c.file());

        for (long size = 1; size <= length; size++) {
            assertThat(readInSplits(format, c.file(), c.spec(), size).rows())
                    .as("splits of %d bytes", size)
                    .isEqualTo(whole.rows());
        }
    }

    @Test
    void badRecordsInLaterSplitsKnowTheirLine() {
        StringBuilder text = new StringBuilder("id,qty\n");
        for (int i = 1; i <= 300; i++) {
            text.append(i)
                    .append(',')
                    .append(i == 250 ? "oops" : String.valueOf(i))
                    .append('\n');
        }
        Classified c = classified("lines.csv", text.toString().replace("oops", "7"));
        Path file = write(dir, "lines.csv", text.toString().getBytes(UTF_8));

        Read read = readInEqualSplits(format, file, c.spec(), 3);

        assertThat(read.rows()).hasSize(299);
        assertThat(read.messages()).containsExactly(file + ":251: column qty: 'oops' is not a valid int");
    }

    @Test
    void gzipCompressedFile() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 1000; i++) {
            text.append(i).append(",name ").append(i).append('\n');
        }
        byte[] plain = text.toString().getBytes(UTF_8);
        Classification classification = classify(new DelimitedClassifier(), "names.csv", plain);
        Path file = write(dir, "names.csv.gz", FormatTestFiles.gzip(plain));
        ReadSpec spec = spec(classification);
        long length = FormatTestFiles.length(file);

        Read whole = FormatTestFiles.read(format, file, spec);
        Read secondSplit = FormatTestFiles.read(format, file, spec, length / 2, length - length / 2);

        assertThat(whole.rows()).hasSize(1000);
        assertThat(whole.rows().get(999)).isEqualTo(Row.of(1000, "name 1000"));
        assertThat(secondSplit.rows()).isEmpty();
    }

    @Test
    void plainAndQuotedRecordsMixedReadAlike() {
        ReadSpec spec = eventsSpec();
        Path file = write(
                dir,
                "events.csv",
                ("event_id,ts,country,qty,price\r\n"
                                + "1,2024-02-19 16:40:51,CN,6,90.93\r\n"
                                + "2,\"2024-02-29 11:46:22\",\"Ü, ß\",4,458.94\n"
                                + "3,2024-02-19T16:40:51.5,Ünïcödé,,-5\n"
                                + "\n"
                                + "4,2024-13-01 00:00:00,DE,1,1.0\n"
                                + "5,2024-02-19 00:00:00,日本,x,1.0\n"
                                + "6,2024-02-19 00:00:00,\\N,-7,1e3\n"
                                + "7,2024-02-19 00:00:00,CN,1,2.5,extra\n"
                                + "8,,,\n"
                                + "9,2024-02-19 16:40:51,CN,6,0.5")
                        .getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, spec);

        assertThat(read.events())
                .containsExactly(
                        "[1, 2024-02-19T16:40:51, CN, 6, 90.93]",
                        "[2, 2024-02-29T11:46:22, Ü, ß, 4, 458.94]",
                        "[3, 2024-02-19T16:40:51.500, Ünïcödé, null, -5.0]",
                        "bad: " + file + ":6: column ts: '2024-13-01 00:00:00' is not a valid timestamp",
                        "bad: " + file + ":7: column qty: 'x' is not a valid int",
                        "[6, 2024-02-19T00:00, null, -7, 1000.0]",
                        "bad: " + file + ":9: '7,2024-02-19 00:00:00,CN,1,2.5,extra' has 6 fields, but the table has"
                                + " 5 columns",
                        "[8, null, null, null, null]",
                        "[9, 2024-02-19T16:40:51, CN, 6, 0.5]");
        assertThat(read.rows().get(0).get(2)).isSameAs(read.rows().get(5).get(2)); // one string per repeated value
    }

    @Test
    void aFileWhoseRecordsTurnFromQuotedToPlainIsReadWhole() {
        StringBuilder text = new StringBuilder("id,name\n");
        int quoted = PlainPassGate.WINDOW * 2;
        int records = quoted + PlainPassGate.PAUSE + PlainPassGate.WINDOW * 2;
        for (int i = 1; i <= records; i++) {
            text.append(i).append(i <= quoted ? ",\"n " + i + "\"\n" : ",n " + i + "\n");
        }
        Classified c = classified("names.csv", text.toString());

        List<Row> rows = read(c).rows();

        assertThat(rows).hasSize(records);
        for (int i = 1; i <= records; i++) {
            assertThat(rows.get(i - 1)).isEqualTo(Row.of(i, "n " + i));
        }
    }

    @Test
    void readingUntilTheReaderPausesGivesTheRecordsAndBadRecordsReadingOneByOneGives() {
        // Larger than the reader's window (it pauses where it fills it), with records the plain pass declines
        // (quoted, bad values, too many fields), blank lines, CRLF and no line break at the end.
        ReadSpec spec = eventsSpec();
        StringBuilder text = new StringBuilder("event_id,ts,country,qty,price\n");
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 30_000; i++) {
            int kind = random.nextInt(100);
            String record =
                    switch (kind) {
                        case 0 -> i + ",\"2024-02-29 11:46:22\",\"Ü, ß\",4,458.94";
                        case 1 -> i + ",2024-13-01 00:00:00,DE,1,1.0";
                        case 2 -> i + ",2024-02-19 00:00:00,CN,x,1.0";
                        case 3 -> i + ",2024-02-19 00:00:00,CN,1,2.5,extra";
                        case 4 -> "";
                        default -> i + ",2024-02-19 16:40:" + (10 + kind % 50) + ",C" + (char) ('A' + kind % 26) + ","
                                + kind + "," + kind + ".25";
                    };
            text.append(record).append(kind == 5 ? "\r\n" : "\n");
        }
        text.append("30000,2024-02-19 16:40:51,CN,6,0.5");
        Path file = write(dir, "events.csv", text.toString().getBytes(UTF_8));
        long length = FormatTestFiles.length(file);

        for (long size : new long[] {length, 300_001, 65_537, 4_099}) {
            List<String> expected = new java.util.ArrayList<>();
            List<String> actual = new java.util.ArrayList<>();
            int[] pauses = {0};
            for (long start = 0; start < length; start += size) {
                long splitLength = Math.min(size, length - start);
                expected.addAll(FormatTestFiles.read(format, file, spec, start, splitLength)
                        .events());
                actual.addAll(FormatTestFiles.readPausing(format, file, spec, start, splitLength, pauses)
                        .events());
            }
            assertThat(actual).as("splits of %d bytes", size).isEqualTo(expected);
            assertThat(expected).hasSizeGreaterThan(29_000);
            assertThat(pauses[0]).as("stops short of the end").isGreaterThan((int) (length / size) + 1);
        }
    }

    /** Events with a header line, in Hive's OpenCSVSerde dialect. */
    private static ReadSpec eventsSpec() {
        return new ReadSpec(
                Schemas.struct(List.of(
                        Column.of("event_id", "bigint"),
                        Column.of("ts", "timestamp"),
                        Column.of("country", "string"),
                        Column.of("qty", "int"),
                        Column.of("price", "double"))),
                "",
                SerDeInfo.of(
                        DelimitedDialect.OPEN_CSV_SERDE,
                        Map.of("separatorChar", ",", "quoteChar", "\"", "escapeChar", "\"")),
                Map.of("classification", "csv", "skip.header.line.count", "1"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
