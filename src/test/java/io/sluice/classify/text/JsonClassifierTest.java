package io.sluice.classify.text;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class JsonClassifierTest {
    private final JsonClassifier classifier = new JsonClassifier();

    private Optional<Classification> classify(String text) throws IOException {
        return classify(text.getBytes(UTF_8), true);
    }

    private Optional<Classification> classify(byte[] head, boolean complete) throws IOException {
        FileSample sample = FileSample.of(
                new Path("/data/events.json"), new Configuration(false), head.length, Optional.empty(), head, complete);
        return classifier.classify(sample);
    }

    private Classification json(String text) throws IOException {
        return classify(text).orElseThrow();
    }

    private static List<String> schema(Classification classification) {
        return classification.columns().stream()
                .map(c -> c.name() + ":" + c.type())
                .toList();
    }

    private static String reason(Classification classification, String column) {
        return classification.columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow()
                .reason();
    }

    @Test
    void nameIsJson() {
        assertThat(classifier.name()).isEqualTo("json");
    }

    @Test
    void jsonLines() throws IOException {
        Classification c = json(
                """
                {"id": 1, "name": "Ada", "price": 9.5, "active": true, "tags": ["a", "b"], "address": {"city": "Paris", "zip": "75001"}, "created": "2024-01-15T10:00:00Z"}
                {"id": 2, "name": "Grace", "price": 12.25, "active": false, "tags": [], "address": {"city": "Lyon", "zip": "69001"}, "created": "2024-01-16T11:30:00.5+01:00"}
                """);
        assertThat(c.classifier()).isEqualTo("json");
        assertThat(c.classification()).isEqualTo("json");
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c))
                .containsExactly(
                        "id:int",
                        "name:string",
                        "price:double",
                        "active:boolean",
                        "tags:array<string>",
                        "address:struct<city:string,zip:string>",
                        "created:timestamp");
        assertThat(c.serde().serializationLibrary()).isEqualTo(StorageFormat.JSON.serde());
        assertThat(c.inputFormat()).isEqualTo(StorageFormat.JSON.inputFormat());
        assertThat(c.serde().parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("paths", "id,name,price,active,tags,address,created"));
        assertThat(c.parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "classification", "json",
                        "sluice.json.layout", "lines",
                        "sluice.format.created", "yyyy-MM-dd'T'HH:mm:ss[.S][XXX]"));
        assertThat(c.recordCount()).hasValue(2);
        assertThat(c.reasons())
                .containsExactly(
                        "all 2 records are JSON objects",
                        "encoding UTF-8: valid UTF-8, no byte order mark",
                        "layout: one JSON object per line (sluice.json.layout=lines)");
        assertThat(reason(c, "id")).isEqualTo("int: number values in 2 of 2 records, e.g. 1, 2");
        assertThat(reason(c, "price"))
                .isEqualTo("double: number values in 2 of 2 records (with a fraction or exponent; JSON keeps no"
                        + " scale), e.g. 9.5, 12.25");
        assertThat(reason(c, "created"))
                .isEqualTo("timestamp: all strings in 2 of 2 records match yyyy-MM-dd'T'HH:mm:ss[.S][XXX], e.g."
                        + " 2024-01-15T10:00:00Z, 2024-01-16T11:30:00.5+01:00");
    }

    @Test
    void fieldsAreTheUnionInFirstSeenOrder() throws IOException {
        Classification c = json(
                """
                {"b": 1, "a": "x"}
                {"c": true}
                {"a": "y", "d": 2.5}
                """);
        assertThat(schema(c)).containsExactly("b:int", "a:string", "c:boolean", "d:double");
        assertThat(reason(c, "c")).isEqualTo("boolean: boolean values in 1 of 3 records, e.g. true");
    }

    @Test
    void keysDifferingInCaseAreOneColumn() throws IOException {
        Classification c = json(
                """
                {"UserId": 1, "Name": "Ada"}
                {"userid": 3000000000, "NAME": "Grace"}
                """);
        assertThat(schema(c)).containsExactly("userid:bigint", "name:string");
        assertThat(c.serde().parameters()).containsEntry("paths", "userid,name");
    }

    @Test
    void numbersWiden() throws IOException {
        Classification c = json(
                """
                {"small": 1, "big": 1, "mixed": 1, "huge": 1}
                {"small": 2147483647, "big": 9223372036854775807, "mixed": 2.5, "huge": 123456789012345678901234}
                """);
        assertThat(schema(c)).containsExactly("small:int", "big:bigint", "mixed:double", "huge:decimal(24,0)");
    }

    @Test
    void nullsAndEmptyValuesContributeNothing() throws IOException {
        Classification c = json(
                """
                {"id": 1, "note": null, "tags": [], "meta": {}, "score": null}
                {"id": 2, "note": null, "tags": ["x"], "meta": {"k": 1}, "score": 4}
                """);
        assertThat(schema(c))
                .containsExactly("id:int", "note:string", "tags:array<string>", "meta:struct<k:int>", "score:int");
        assertThat(reason(c, "note")).isEqualTo("string: only nulls, empty arrays or empty objects in the sample");
        assertThat(reason(c, "score")).isEqualTo("int: number values in 1 of 2 records, e.g. 4");
    }

    @Test
    void arrayElementsWiden() throws IOException {
        Classification c = json(
                """
                {"ints": [1, 2], "nums": [1, 2.5], "mixed": [1, "a"], "nested": [[1], [], [2, 3]], "objs": [{"a": 1}, {"b": "x"}]}
                """);
        assertThat(schema(c))
                .containsExactly(
                        "ints:array<int>",
                        "nums:array<double>",
                        "mixed:array<string>",
                        "nested:array<array<int>>",
                        "objs:array<struct<a:int,b:string>>");
    }

    @Test
    void nestedObjectsMergeTheirFields() throws IOException {
        Classification c = json(
                """
                {"order": {"id": 1, "lines": [{"sku": "A", "qty": 2}]}}
                {"order": {"id": 2, "Lines": [{"sku": "B", "price": 1.5}], "note": "gift"}}
                """);
        assertThat(schema(c))
                .containsExactly(
                        "order:struct<id:int,lines:array<struct<sku:string,qty:int,price:double>>,note:string>");
    }

    @Test
    void conflictingKindsMeetAtString() throws IOException {
        Classification c = json(
                """
                {"v": 1, "w": {"a": 1}, "x": true}
                {"v": "one", "w": [1], "x": 0}
                """);
        assertThat(schema(c)).containsExactly("v:string", "w:string", "x:string");
        assertThat(reason(c, "v"))
                .isEqualTo(
                        "string: values of different JSON kinds (number, string) in 2 of 2" + " records, e.g. 1, one");
    }

    @Test
    void datesNeedOneFormatForAllValues() throws IOException {
        Classification c = json(
                """
                {"day": "2024-01-15", "mixed": "2024-01-15", "both": "2024-01-15", "eu": "15/01/2024", "text": "soon"}
                {"day": "2024-02-29", "mixed": "15.01.2024", "both": "2024-01-15 10:00:00", "eu": "28/02/2024", "text": "2024-01-15"}
                """);
        assertThat(schema(c)).containsExactly("day:date", "mixed:string", "both:string", "eu:date", "text:string");
        assertThat(c.parameters())
                .containsEntry("sluice.format.day", "yyyy-MM-dd")
                .containsEntry("sluice.format.eu", "dd/MM/yyyy")
                .doesNotContainKeys("sluice.format.mixed", "sluice.format.both", "sluice.format.text");
        assertThat(reason(c, "mixed"))
                .isEqualTo("string: strings in 2 of 2 records, not all in one date or timestamp format, e.g."
                        + " 2024-01-15, 15.01.2024");
    }

    @Test
    void nestedTemporalFormatsByPath() throws IOException {
        Classification c = json(
                """
                {"order": {"placed_at": "2024-01-15 10:00:00"}, "events": [{"at": "2024-01-15"}]}
                """);
        assertThat(schema(c)).containsExactly("order:struct<placed_at:timestamp>", "events:array<struct<at:date>>");
        assertThat(c.parameters())
                .containsEntry("sluice.format.order.placed_at", "yyyy-MM-dd HH:mm:ss[.S][XXX]")
                .containsEntry("sluice.format.events[].at", "yyyy-MM-dd");
    }

    @Test
    void prettyPrintedArray() throws IOException {
        Classification c = json(
                """
                [
                  {
                    "id": 1,
                    "name": "Ada"
                  },
                  {
                    "id": 2,
                    "name": "Grace",
                    "email": "grace@example.com"
                  }
                ]
                """);
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "name:string", "email:string");
        assertThat(c.parameters()).containsEntry("sluice.json.layout", "array");
        assertThat(c.recordCount()).hasValue(2);
        assertThat(c.reasons()).contains("layout: one JSON array of objects (sluice.json.layout=array)");
    }

    @Test
    void compactArray() throws IOException {
        Classification c = json("[{\"a\":1},{\"a\":2,\"b\":[true]}]");
        assertThat(schema(c)).containsExactly("a:int", "b:array<boolean>");
        assertThat(c.parameters()).containsEntry("sluice.json.layout", "array");
    }

    @Test
    void multiLineObjectsOneAfterAnother() throws IOException {
        Classification c = json(
                """
                {
                  "id": 1,
                  "tags": ["x"]
                }
                {
                  "id": 2
                }
                """);
        assertThat(schema(c)).containsExactly("id:int", "tags:array<string>");
        assertThat(c.parameters()).containsEntry("sluice.json.layout", "concatenated");
        assertThat(c.recordCount()).hasValue(2);
    }

    @Test
    void truncatedLastLineOfAnIncompleteSampleIsIgnored() throws IOException {
        byte[] head = "{\"id\": 1, \"v\": 2}\n{\"id\": 2, \"v\": 3}\n{\"id\": 3, \"v\": \"trun".getBytes(UTF_8);
        Classification c = classify(head, false).orElseThrow();
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int", "v:int");
        assertThat(c.recordCount()).isEmpty();
        assertThat(c.reasons())
                .contains("the sample is the head of a larger file: its last, cut-off record is ignored");
    }

    @Test
    void truncatedArrayOfAnIncompleteSample() throws IOException {
        byte[] head = "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3, \"name\": \"cut".getBytes(UTF_8);
        Classification c = classify(head, false).orElseThrow();
        assertThat(c.certainty()).isEqualTo(1.0);
        assertThat(schema(c)).containsExactly("id:int");
        assertThat(c.parameters()).containsEntry("sluice.json.layout", "array");
        byte[] cutInToken = "[{\"id\": 1, \"ok\": tr".getBytes(UTF_8);
        assertThat(classify(cutInToken, false)).isPresent();
    }

    @Test
    void badLinesLowerCertaintyAndAreReported() throws IOException {
        Classification c = json(
                """
                {"id": 1}
                {"id": 2}
                {"id": 3,
                [1, 2]
                {"id": 5}
                """);
        assertThat(c.certainty()).isCloseTo(0.6, within(1e-9));
        assertThat(schema(c)).containsExactly("id:int");
        assertThat(c.reasons().get(0))
                .startsWith("3 of 5 records are JSON objects; rejected line 3: Unexpected end-of-input")
                .contains("; line 4: a JSON array, not an object");
        assertThat(c.serde().parameters()).containsEntry("ignore.malformed.json", "true");
        assertThat(c.recordCount()).hasValue(3);
    }

    @Test
    void trailingContentOnALineIsBad() throws IOException {
        Classification c = json("{\"id\": 1}\n{\"id\": 2} {\"id\": 3}\n");
        assertThat(c.certainty()).isEqualTo(0.5);
        assertThat(c.reasons().get(0)).contains("line 2: more than one JSON value");
    }

    @Test
    void brokenArrayInACompleteFileIsCorrupt() {
        assertThatThrownBy(() -> classify("[{\"id\": 1}, {\"id\": 2} {\"id\": 3}]"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageStartingWith("JSON array broken: Unexpected character ('{' (code 123))")
                .hasMessageContaining("at line 1, column 23");
        assertThatThrownBy(() -> classify("[{\"id\": 1}, {\"id\": 2}")).isInstanceOf(CorruptFileException.class);
        assertThatThrownBy(() -> classify("[{\"id\": 1}] trailing")).isInstanceOf(CorruptFileException.class);
    }

    @Test
    void nonNumericNumbersAreDoubles() throws IOException {
        assertThat(schema(json("{\"x\": NaN}\n{\"x\": 1}\n"))).containsExactly("x:double");
    }

    @Test
    void emptyKeysAreLeftOut() throws IOException {
        Classification c = json("{\"\": 1, \"a\": 2}\n");
        assertThat(schema(c)).containsExactly("a:int");
        assertThat(c.reasons()).contains("1 values with an empty key are left out: no column can be named ''");
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        byte[] body = "{\"ville\": \"Orléans\"}\n".getBytes(UTF_16BE);
        byte[] head = new byte[body.length + 2];
        head[0] = (byte) 0xFE;
        head[1] = (byte) 0xFF;
        System.arraycopy(body, 0, head, 2, body.length);
        Classification c = classify(head, true).orElseThrow();
        assertThat(schema(c)).containsExactly("ville:string");
        assertThat(c.serde().parameters()).containsEntry("serialization.encoding", "UTF-16BE");
    }

    @Test
    void emptyArrayIsJsonOfUnknownSchema() throws IOException {
        Classification c = json("[]");
        assertThat(c.certainty()).isEqualTo(0.5);
        assertThat(c.columns()).isEmpty();
        assertThat(c.serde().parameters()).doesNotContainKey("paths");
        assertThat(c.recordCount()).hasValue(0);
    }

    @Test
    void notJsonRecords() throws IOException {
        assertThat(classify("id,name\n1,Ada\n")).isEmpty();
        assertThat(classify("The quick brown fox jumps over the lazy dog.\n")).isEmpty();
        assertThat(classify("[1, 2, 3]"))
                .as("an array of numbers holds no records")
                .isEmpty();
        assertThat(classify("{ this is not json }\n")).isEmpty();
        assertThat(classify("[ this is not json ]")).isEmpty();
        assertThat(classify("")).isEmpty();
        assertThat(classify("   \n")).isEmpty();
        byte[] binary = {0x1F, (byte) 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03};
        assertThat(classify(binary, true)).isEmpty();
        byte[] braceThenBinary = Arrays.copyOf("{\"a\":".getBytes(UTF_8), 12);
        assertThat(classify(braceThenBinary, true)).isEmpty();
    }
}
