package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.format.Compression;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code docs/job.schema.json}, which editors use to check and complete job files, says what the reader reads: the
 * same fields in every section, the same values of every choice, and every example in {@code jobs/} passes it.
 */
class JobSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schema = read(Path.of("docs/job.schema.json"));
    private final SchemaCheck check = new SchemaCheck(schema);

    @Test
    void everyExampleJobPassesTheSchema() throws IOException {
        for (String name : JobExamplesTest.exampleNames()) {
            JsonNode job = yaml(Files.readString(Path.of("jobs", name + ".yaml")));
            assertThat(check.problems(job)).as(name).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() {
        assertThat(
                        check.problems(
                                yaml(
                                        """
                        source: { table: lake.sales, were: "year = '2024'" }
                        stages:
                          - map: { fliter: "qty > 0" }
                          - sort: { by: [a] }
                            global: false
                          - reduce: { order_by: [a] }
                          - partition: { by: [a], reducers: 0 }
                        output: { path: out, format: xml, table: nodots }
                        timeout: 30
                        """)))
                .containsExactlyInAnyOrder(
                        "$.source: matches 0 of the oneOf alternatives",
                        "$.stages[0].map: unknown field 'fliter'",
                        "$.stages[1]: more than 1 fields",
                        "$.stages[1]: unknown field 'global'",
                        "$.stages[2].reduce: matches 0 of the anyOf alternatives",
                        "$.stages[3].partition.reducers: matches 0 of the anyOf alternatives",
                        "$.output.format: \"xml\" is not one of [\"parquet\",\"orc\",\"csv\",\"json\"]",
                        "$.output.table: 'nodots' does not match \"^[^.\\\\s]+\\\\.[^.\\\\s]+$\"",
                        "$.timeout: expected \"string\", got 30");
        assertThat(check.problems(yaml("output: { path: out }\n"))).containsExactly("$: missing 'source'");
    }

    @Test
    void theSchemaHasTheFieldsTheReaderReads() {
        Map<String, List<String>> sections = Map.ofEntries(
                Map.entry("tableSource", JobSyntax.TABLE_SOURCE),
                Map.entry("pathSource", JobSyntax.PATH_SOURCE),
                Map.entry("unionSource", JobSyntax.UNION_SOURCE),
                Map.entry("stage", List.copyOf(JobSyntax.STAGES.keySet())),
                Map.entry("explode", JobSyntax.EXPLODE),
                Map.entry("function", JobSyntax.FUNCTION),
                Map.entry("output", JobSyntax.OUTPUT));
        assertThat(fields(schema)).containsExactlyElementsOf(JobSyntax.JOB);
        sections.forEach((section, fields) ->
                assertThat(fields(definition(section))).as(section).containsExactlyElementsOf(fields));
        JobSyntax.STAGES.forEach(
                (kind, fields) -> assertThat(fields(definition(kind))).as(kind).containsExactlyElementsOf(fields));
    }

    @Test
    void theSchemaHasTheChoicesTheReaderKnows() {
        assertChoices(definition("pathSource").path("properties").path("format"), SourceFormat.values());
        assertChoices(definition("output").path("properties").path("format"), OutputFormat.values());
        assertChoices(definition("output").path("properties").path("compression"), Compression.values());
        assertChoices(definition("output").path("properties").path("mode"), Output.Mode.values());
        assertChoices(definition("partition").path("properties").path("method"), PartitionStage.Method.values());
        assertChoices(definition("join").path("properties").path("type"), JoinStage.Type.values());
        assertChoices(definition("join").path("properties").path("strategy"), JoinStage.Strategy.values());
        assertChoices(definition("distinct").path("properties").path("keep"), DistinctStage.Keep.values());
    }

    @Test
    void theDocumentationNamesEveryField() throws IOException {
        String documentation = Files.readString(Path.of("docs/jobs.md"));
        List<String> fields = new ArrayList<>(JobSyntax.JOB);
        fields.addAll(JobSyntax.PATH_SOURCE);
        fields.addAll(JobSyntax.TABLE_SOURCE);
        fields.addAll(JobSyntax.UNION_SOURCE);
        fields.addAll(JobSyntax.EXPLODE);
        fields.addAll(JobSyntax.FUNCTION);
        fields.addAll(JobSyntax.OUTPUT);
        JobSyntax.STAGES.forEach((kind, own) -> {
            fields.add(kind);
            fields.addAll(own);
        });
        for (AggregateFunction function : AggregateFunction.values()) {
            fields.add(function.spelling());
        }
        assertThat(fields.stream().distinct().filter(field -> !documentation.contains("`" + field + "`")))
                .as("fields docs/jobs.md does not name in `backquotes`")
                .isEmpty();
    }

    private static void assertChoices(JsonNode choices, Enum<?>[] values) {
        List<String> spelled = Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .toList();
        List<String> listed = new ArrayList<>();
        choices.path("enum").forEach(value -> listed.add(value.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(spelled);
    }

    private JsonNode definition(String name) {
        JsonNode definition = schema.path("definitions").path(name);
        assertThat(definition.isObject()).as("definition " + name).isTrue();
        return definition;
    }

    private static List<String> fields(JsonNode section) {
        List<String> fields = new ArrayList<>();
        section.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** YAML as editors see it: keys are text ({@code on:} too), values typed by their tags. */
    private static JsonNode yaml(String text) {
        return json(new Yaml().compose(new StringReader(text)));
    }

    private static JsonNode json(Node node) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.createObjectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                object.set(((ScalarNode) tuple.getKeyNode()).getValue(), json(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.createArrayNode();
            sequence.getValue().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
            return JSON.valueToTree(new Yaml().load(scalar.getValue()));
        }
        return TextNode.valueOf(scalar.getValue());
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
