package io.sluice.format.json;

import static io.sluice.format.FormatTestFiles.classify;
import static io.sluice.format.FormatTestFiles.spec;
import static io.sluice.format.FormatTestFiles.write;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.classify.Classification;
import io.sluice.classify.text.JsonClassifier;
import io.sluice.format.FormatTestFiles;
import io.sluice.format.FormatTestFiles.Read;
import io.sluice.format.ReadSpec;
import io.sluice.format.Schemas;
import io.sluice.row.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFormatTest {
    private final JsonFormat format = new JsonFormat();

    @TempDir
    java.nio.file.Path dir;

    private record Classified(Path file, ReadSpec spec) {
        List<String> schema() {
            return spec.schema().fields().stream()
                    .map(f -> f.name() + ":" + f.type())
                    .toList();
        }
    }

    private Classified classified(String name, String content) {
        byte[] bytes = content.getBytes(UTF_8);
        Classification classification = classify(new JsonClassifier(), name, bytes);
        return new Classified(write(dir, name, bytes), spec(classification));
    }

    private Read read(Classified c) {
        return FormatTestFiles.read(format, c.file(), c.spec());
    }

    /** A spec with the given columns, as a table of JSON lines would have. */
    private static ReadSpec columns(String... columns) {
        List<Column> list = new java.util.ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split(":", 2);
            list.add(Column.of(parts[0], parts[1]));
        }
        return new ReadSpec(
                Schemas.struct(list),
                "org.apache.hadoop.mapred.TextInputFormat",
                SerDeInfo.of("org.openx.data.jsonserde.JsonSerDe"),
                Map.of("classification", "json"));
    }

    @Test
    void readsTablesClassifiedJsonOrStoredWithAJsonSerDe() {
        ReadSpec hcatalog = new ReadSpec(
                Schemas.struct(List.of(Column.of("a", "int"))),
                "",
                SerDeInfo.of("org.apache.hive.hcatalog.data.JsonSerDe"),
                Map.of());
        assertThat(format.name()).isEqualTo("json");
        assertThat(format.reads(columns("a:int"))).isTrue();
        assertThat(format.reads(hcatalog)).isTrue();
        assertThat(format.reads(
                        new ReadSpec(Schemas.struct(List.of(Column.of("a", "int"))), "", SerDeInfo.of("x"), Map.of())))
                .isFalse();
    }

    @Test
    void jsonLinesWithNestedStructsArraysAndDates() {
        Classified c = classified(
                "orders.json",
                """
                {"id": 1, "Customer": "Ann", "order": {"placed_at": "2024-03-01 10:15:00", "total": 12.5},\
                 "events": [{"at": "2024-03-01", "kind": "created"}, {"at": "2024-03-02", "kind": "paid"}],\
                 "tags": ["new", "gift"], "shipped": "2024-03-04"}
                {"id": 2, "customer": "Bob", "order": {"placed_at": "2024-03-02 08:00:00.5", "total": 3},\
                 "events": [], "tags": null, "shipped": "2024-03-05"}
                """);
        assertThat(c.schema())
                .containsExactly(
                        "id:int",
                        "customer:string",
                        "order:struct<placed_at:timestamp,total:double>",
                        "events:array<struct<at:date,kind:string>>",
                        "tags:array<string>",
                        "shipped:date");
        assertThat(c.spec().parameters())
                .containsEntry("sluice.format.order.placed_at", "yyyy-MM-dd HH:mm:ss[.S][XXX]")
                .containsEntry("sluice.format.events[].at", "yyyy-MM-dd");

        Read read = read(c);

        assertThat(read.bad()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        Row.of(
                                1,
                                "Ann",
                                Row.of(LocalDateTime.of(2024, 3, 1, 10, 15), 12.5),
                                List.of(
                                        Row.of(LocalDate.of(2024, 3, 1), "created"),
                                        Row.of(LocalDate.of(2024, 3, 2), "paid")),
                                List.of("new", "gift"),
                                LocalDate.of(2024, 3, 4)),
                        Row.of(
                                2,
                                "Bob",
                                Row.of(LocalDateTime.of(2024, 3, 2, 8, 0, 0, 500_000_000), 3.0),
                                List.of(),
                                null,
                                LocalDate.of(2024, 3, 5)));
    }

    @Test
    void recordedNonIsoFormatsOfNestedFields() {
        Classified c = classified(
                "visits.json",
                """
                {"user": {"name": "Ann", "born": "31/01/1990"}, "visits": ["05.03.2024 10:00:00", "06.03.2024 11:30:00"]}
                {"user": {"name": "Bob", "born": "15/07/1985"}, "visits": []}
                """);
        assertThat(c.spec().parameters())
                .containsEntry("sluice.format.user.born", "dd/MM/yyyy")
                .containsEntry("sluice.format.visits[]", "dd.MM.yyyy HH:mm:ss[.S]");

        assertThat(read(c).rows())
                .containsExactly(
                        Row.of(
                                Row.of("Ann", LocalDate.of(1990, 1, 31)),
                                List.of(LocalDateTime.of(2024, 3, 5, 10, 0), LocalDateTime.of(2024, 3, 6, 11, 30))),
                        Row.of(Row.of("Bob", LocalDate.of(1985, 7, 15)), List.of()));
    }

    @Test
    void schemaDriftMissingColumnsAreNullAndUnknownKeysIgnored() {
        Classified c = classified(
                "drift.json",
                """
                {"id": 1, "name": "Ann", "score": 3}
                {"id": 2, "name": "Bob", "score": 4}
                """);
        Path older = write(
                dir,
                "older.json",
                "{\"id\": 3, \"name\": \"Cy\"}\n{\"ID\": 4, \"extra\": {\"x\": [1]}}\n".getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, older, c.spec());

        assertThat(read.rows()).containsExactly(Row.of(3, "Cy", null), Row.of(4, null, null));
    }

    @Test
    void numbersConvertToTheColumnType() {
        ReadSpec spec = columns("i:int", "b:bigint", "t:tinyint", "d:decimal(6,2)", "x:double", "f:float", "s:string");
        Path file = write(
                dir,
                "numbers.json",
                """
                {"i": 7, "b": 9000000000, "t": -5, "d": 1.5, "x": 2, "f": 0.25, "s": 12.50}
                {"i": null, "d": 1234.5678, "x": 1e3, "s": true}
                {"d": 3, "s": {"nested": [1, "a"]}}
                """
                        .getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, spec);

        assertThat(read.bad()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        Row.of(7, 9_000_000_000L, (byte) -5, new BigDecimal("1.50"), 2.0, 0.25f, "12.50"),
                        Row.of(null, null, null, new BigDecimal("1234.57"), 1000.0, null, "true"),
                        Row.of(null, null, null, new BigDecimal("3.00"), null, null, "{\"nested\":[1,\"a\"]}"));
    }

    @Test
    void valuesOfTheWrongKindAreBadRecordsNamingThePathAndLine() {
        ReadSpec spec = columns("id:int", "order:struct<qty:int,at:date>", "tags:array<string>", "ok:boolean");
        Path file = write(
                dir,
                "bad.json",
                """
                {"id": 1.5, "ok": true}
                {"id": 2, "order": {"qty": "lots"}}
                {"id": 3, "order": {"qty": 4, "at": "2024-13-01"}}
                {"id": 4, "order": 5}
                {"id": 5, "tags": {"a": 1}}
                {"id": 6, "ok": "maybe"}
                {"id": 3000000000}
                [1, 2]
                {"id": 7,
                {"id": 8} {"id": 9}

                {"id": 10, "order": {"qty": 1, "at": "2024-01-02"}, "tags": ["x"], "ok": false}
                """
                        .getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, spec);

        assertThat(read.messages())
                .containsExactly(
                        file + ":1: column id: '1.5' is not a valid int",
                        file + ":2: column order.qty: 'lots' is not a valid int",
                        file + ":3: column order.at: '2024-13-01' is not a valid date",
                        file + ":4: column order: '5' is not a valid struct<qty:int,at:date>",
                        file + ":5: column tags: an object is not a valid array<string>",
                        file + ":6: column ok: 'maybe' is not a valid boolean",
                        file + ":7: column id: '3000000000' is not a valid int",
                        file + ":8: '[1, 2]' is not a JSON object",
                        file + ":9: '{\"id\": 7,' is not valid JSON: Unexpected end-of-input within/between"
                                + " Object entries",
                        file + ":10: '{\"id\": 8} {\"id\": 9}' holds more than one JSON value");
        assertThat(read.rows()).containsExactly(Row.of(10, Row.of(1, LocalDate.of(2024, 1, 2)), List.of("x"), false));
        assertThat(read.bad().get(1).column()).hasValue("order.qty");
    }

    @Test
    void mapsFromObjects() {
        ReadSpec spec = columns("attrs:map<string,int>", "counts:map<int,string>");
        Path file = write(
                dir,
                "maps.json",
                "{\"attrs\": {\"b\": 2, \"a\": 1}, \"counts\": {\"7\": \"seven\"}}\n".getBytes(UTF_8));

        Map<String, Integer> attrs = new LinkedHashMap<>();
        attrs.put("b", 2);
        attrs.put("a", 1);
        assertThat(FormatTestFiles.read(format, file, spec).rows()).containsExactly(Row.of(attrs, Map.of(7, "seven")));
    }

    @Test
    void arrayLayoutIsReadWholeByTheFirstSplit() {
        Classified c = classified(
                "array.json",
                """
                [
                  {"id": 1, "name": "Ann",
                   "when": "2024-01-01T10:00:00Z"},
                  {"id": 2, "name": "Bob", "when": "2024-01-02T11:00:00+01:00"},
                  {"id": 3, "name": "Cy", "when": "2024-01-03T12:00:00Z"}
                ]
                """);
        assertThat(c.spec().parameters()).containsEntry("sluice.json.layout", "array");
        long length = FormatTestFiles.length(c.file());

        Read first = FormatTestFiles.read(format, c.file(), c.spec(), 0, length / 3);
        Read second = FormatTestFiles.read(format, c.file(), c.spec(), length / 3, length / 3);

        assertThat(first.rows())
                .containsExactly(
                        Row.of(1, "Ann", LocalDateTime.of(2024, 1, 1, 10, 0)),
                        Row.of(2, "Bob", LocalDateTime.of(2024, 1, 2, 10, 0)),
                        Row.of(3, "Cy", LocalDateTime.of(2024, 1, 3, 12, 0)));
        assertThat(second.rows()).isEmpty();
    }

    @Test
    void badRecordsInAnArrayAreSkippedWithTheirLine() {
        Classified c = classified(
                "array.json",
                """
                [
                  {"id": 1, "tags": ["a"]},
                  {"id": 2, "tags": ["b", "c"]}
                ]
                """);
        Path file = write(
                dir,
                "array.json",
                """
                [
                  {"id": 1, "tags": ["a"]},
                  {"id": "two",
                   "tags": [{"deep": [1, 2]}, "x"]},
                  "just text",
                  {"id": 3, "tags": {"not": "a list"}, "more": [1, {"x": 2}]},
                  {"id": 4, "tags": []}
                ]
                """
                        .getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, file, c.spec());

        assertThat(read.events())
                .containsExactly(
                        "[1, [a]]",
                        "bad: " + file + ":3: column id: 'two' is not a valid int",
                        "bad: " + file + ":5: 'just text' is not a JSON object",
                        "bad: " + file + ":6: column tags: an object is not a valid array<string>",
                        "[4, []]");
    }

    @Test
    void syntaxErrorEndsAConcatenatedFile() {
        Classified c = classified(
                "objects.json",
                """
                {
                  "id": 1,
                  "name": "Ann"
                }
                {
                  "id": 2,
                  "name": "Bob"
                }
                """);
        assertThat(c.spec().parameters()).containsEntry("sluice.json.layout", "concatenated");
        assertThat(read(c).rows()).containsExactly(Row.of(1, "Ann"), Row.of(2, "Bob"));
        Path broken = write(
                dir, "broken.json", "{\"id\": 1, \"name\": \"Ann\"}\n{\"id\": 2,,\n{\"id\": 3}\n".getBytes(UTF_8));

        Read read = FormatTestFiles.read(format, broken, c.spec());

        assertThat(read.rows()).containsExactly(Row.of(1, "Ann"));
        assertThat(read.messages()).hasSize(1);
        assertThat(read.messages().get(0))
                .startsWith(broken + ":2: is not valid JSON: Unexpected character (',' (code 44))")
                .endsWith("; the rest of the file cannot be read");
    }

    @Test
    void threeSplitsOfJsonLinesYieldEveryRecordOnce() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            text.append("{\"id\": ")
                    .append(i)
                    .append(", \"name\": \"n")
                    .append(i)
                    .append("\"}");
            text.append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 50 == 0) {
                text.append('\n');
            }
        }
        Classified c = classified("lines.json", text.toString());
        Read whole = read(c);
        assertThat(whole.rows()).hasSize(400);

        assertThat(FormatTestFiles.readInEqualSplits(format, c.file(), c.spec(), 3)
                        .rows())
                .isEqualTo(whole.rows());
        long length = FormatTestFiles.length(c.file());
        for (long size = 7; size < length; size += 97) {
            assertThat(FormatTestFiles.readInSplits(format, c.file(), c.spec(), size)
                            .rows())
                    .as("splits of %d bytes", size)
                    .isEqualTo(whole.rows());
        }
    }

    @Test
    void gzipCompressedJsonLines() {
        byte[] plain = "{\"id\": 1, \"city\": \"Zürich\"}\n{\"id\": 2, \"city\": \"Köln\"}\n".getBytes(UTF_8);
        Classification classification = classify(new JsonClassifier(), "cities.json", plain);
        Path file = write(dir, "cities.json.gz", FormatTestFiles.gzip(plain));

        assertThat(FormatTestFiles.read(format, file, spec(classification)).rows())
                .containsExactly(Row.of(1, "Zürich"), Row.of(2, "Köln"));
    }

    @Test
    void latin1JsonLines() {
        byte[] latin1 = "{\"city\": \"Zürich\"}\n{\"city\": \"São Paulo\"}\n".getBytes(ISO_8859_1);
        Classification classification = classify(new JsonClassifier(), "cities.json", latin1);
        assertThat(classification.serde().parameters()).containsEntry("serialization.encoding", "ISO-8859-1");
        Path file = write(dir, "cities.json", latin1);

        assertThat(FormatTestFiles.read(format, file, spec(classification)).rows())
                .containsExactly(Row.of("Zürich"), Row.of("São Paulo"));
    }
}
