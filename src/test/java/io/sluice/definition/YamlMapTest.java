package io.sluice.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlMapTest {

    @Test
    void itemsAndEntriesKeepTheirLines() {
        YamlMap root = DefinitionFile.parse(
                "x.yaml",
                """
                drop:
                  - a
                  - b
                one: c
                select:
                  x: "1 + 2"
                  y: z
                """);

        assertThat(root.items("drop")).containsExactly(new YamlMap.Item("a", 2), new YamlMap.Item("b", 3));
        assertThat(root.items("one")).containsExactly(new YamlMap.Item("c", 4));
        assertThat(root.entries("select"))
                .containsExactly(new YamlMap.Entry("x", "1 + 2", 6), new YamlMap.Entry("y", "z", 7));
        assertThat(root.isList("drop")).isTrue();
        assertThat(root.isMap("select")).isTrue();
        assertThat(root.problems().isEmpty()).isTrue();
    }

    @Test
    void entriesReportMissingAndNestedValues() {
        YamlMap root = DefinitionFile.parse("x.yaml", "select:\n  x:\n  y: [1]\n");

        assertThat(root.entries("select")).isEmpty();
        assertThat(root.problems().all())
                .containsExactly("x.yaml:2: select.x: missing value", "x.yaml:3: select.y: expected a single value");
    }

    @Test
    void rewritesValuesAtAnyDepthButNotKeysNorUntouchedSections() {
        YamlMap root = DefinitionFile.parse(
                "x.yaml",
                """
                arguments: { K: "${K}" }
                ${K}: 1
                list: ["${K}", { inner: "${K}" }]
                block: |
                  first
                  ${K}
                """);
        Problems problems = root.problems();
        YamlMap rewritten = root.withScalars(new Placeholders(Map.of(), problems), "arguments");

        assertThat(rewritten.map("arguments").orElseThrow().string("K")).contains("${K}");
        assertThat(problems.all())
                .containsExactly(
                        "x.yaml:3: list[1]: unknown placeholder '${K}' (declare it under 'arguments:' or pass --arg"
                                + " K=VALUE)",
                        "x.yaml:3: list[2].inner: unknown placeholder '${K}' (declare it under 'arguments:' or pass"
                                + " --arg K=VALUE)",
                        "x.yaml:6: block: unknown placeholder '${K}' (declare it under 'arguments:' or pass --arg"
                                + " K=VALUE)");
    }

    @Test
    void rewrittenCopyKeepsLinesAndDoesNotReportKeysTwice() {
        YamlMap root = DefinitionFile.parse("x.yaml", "a: 1\na: 2\nb:\n  c: ${V}\n");
        YamlMap rewritten = root.withScalars((value, field, line) -> value.replace("${V}", "v@" + line));

        assertThat(rewritten.map("b").orElseThrow().string("c")).contains("v@4");
        assertThat(rewritten.line("b")).isEqualTo(4);
        assertThat(root.problems().all()).containsExactly("x.yaml:2: a: appears twice");
    }
}
