package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.crawler.CrawlerDefinition.DeleteBehavior;
import io.sluice.crawler.CrawlerDefinition.RecrawlBehavior;
import io.sluice.crawler.CrawlerDefinition.UpdateBehavior;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CrawlerDefinitionsTest {

    @Test
    void readsEveryField() {
        CrawlerDefinition definition = CrawlerDefinitions.parse(
                "lake.yaml",
                """
                name: nightly
                database: Lake
                targets: [testdata/, "hdfs://nn/data"]
                exclude: ["**/*.tmp", "scratch/**"]
                sample: { bytes: 4096, files_per_folder: 3 }
                table_level: 2
                table_threshold: 7
                table_prefix: raw_
                schema_change: { update: log, delete: delete }
                recrawl: new-folders-only
                partition_types: { Year: int, day: date }
                classifiers:
                  - name: app_log
                    type: grok
                    classification: applog
                    pattern: "%{TIMESTAMP_ISO8601:ts} %{LOGLEVEL:level} %{GREEDYDATA:message}"
                    custom_patterns:
                      LOGLEVEL: "(DEBUG|INFO|WARN|ERROR)"
                """);

        assertThat(definition.name()).isEqualTo("nightly");
        assertThat(definition.database()).isEqualTo("lake");
        assertThat(definition.targets()).containsExactly("testdata/", "hdfs://nn/data");
        assertThat(definition.exclusions()).containsExactly("**/*.tmp", "scratch/**");
        assertThat(definition.sampleBytes()).isEqualTo(4096);
        assertThat(definition.filesPerFolder()).isEqualTo(OptionalInt.of(3));
        assertThat(definition.tableLevel()).isEqualTo(OptionalInt.of(2));
        assertThat(definition.tableThreshold()).isEqualTo(7);
        assertThat(definition.tablePrefix()).isEqualTo("raw_");
        assertThat(definition.updateBehavior()).isEqualTo(UpdateBehavior.LOG);
        assertThat(definition.deleteBehavior()).isEqualTo(DeleteBehavior.DELETE);
        assertThat(definition.recrawl()).isEqualTo(RecrawlBehavior.NEW_FOLDERS_ONLY);
        assertThat(definition.partitionTypes().get("year")).hasToString("int");
        assertThat(definition.partitionTypes().get("day")).hasToString("date");
        assertThat(definition.classifiers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("app_log");
            assertThat(c.classification()).isEqualTo("applog");
            assertThat(c.pattern()).startsWith("%{TIMESTAMP_ISO8601:ts}");
            assertThat(c.customPatterns()).isEqualTo(Map.of("LOGLEVEL", "(DEBUG|INFO|WARN|ERROR)"));
        });
    }

    @Test
    void defaultsAndNameFromTheFile() {
        CrawlerDefinition definition =
                CrawlerDefinitions.parse("crawler/lake.yaml", "database: lake\ntargets: data/\n");

        assertThat(definition.name()).isEqualTo("crawler/lake");
        assertThat(definition.targets()).containsExactly("data/");
        assertThat(definition.sampleBytes()).isEqualTo(CrawlerDefinition.DEFAULT_SAMPLE_BYTES);
        assertThat(definition.filesPerFolder()).isEmpty();
        assertThat(definition.updateBehavior()).isEqualTo(UpdateBehavior.UPDATE);
        assertThat(definition.deleteBehavior()).isEqualTo(DeleteBehavior.DEPRECATE);
        assertThat(definition.recrawl()).isEqualTo(RecrawlBehavior.EVERYTHING);
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        assertThatThrownBy(
                        () -> CrawlerDefinitions.parse(
                                "bad.yaml",
                                """
                        database: lake
                        targets: [data/]
                        table_treshold: 5
                        sample: { bytes: lots }
                        schema_change: { update: overwrite }
                        classifiers:
                          - name: x
                            type: regex
                        partition_types: { day: "array<int>" }
                        """))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
                    assertThat(e.getMessage())
                            .contains("bad.yaml (6 problems)")
                            .contains(
                                    "bad.yaml:9: partition_types.day: a partition key needs a primitive type, not array<int>")
                            .contains("bad.yaml:3: unknown field 'table_treshold' (did you mean 'table_threshold'?)")
                            .contains("bad.yaml:4: sample.bytes: expected a whole number, got 'lots'")
                            .contains("bad.yaml:5: schema_change.update: 'overwrite' is not one of update, log")
                            .contains(
                                    "bad.yaml:8: classifiers[1].type: 'regex' is not a supported custom classifier type")
                            .contains("bad.yaml:7: classifiers[1]: missing required field 'classifiers[1].pattern'");
                });
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> CrawlerDefinitions.parse("broken.yaml", "database: lake\ntargets: [a, b\n"))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("invalid definition broken.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void theExampleDefinitionsAreValid() {
        CrawlerDefinition lake = CrawlerDefinitions.read(Path.of("crawler/lake.yaml"));
        assertThat(lake.database()).isEqualTo("lake");
        assertThat(lake.targets()).isEqualTo(List.of("testdata/"));
    }
}
