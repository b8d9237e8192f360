package io.sluice.classify.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.ClassifierChain;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The csv and json classifiers side by side: each claims its own files and leaves the other's alone. */
class TextClassifierChainTest {
    private static final String JSON_LINES =
            """
            {"id": 1, "name": "Ada", "tags": ["math", "engines"]}
            {"id": 2, "name": "Grace", "tags": ["cobol"]}
            {"id": 3, "name": "Edsger", "tags": []}
            """;
    private static final String JSON_ARRAY =
            """
            [
              {"id": 1, "city": "Paris"},
              {"id": 2, "city": "Lyon"}
            ]
            """;
    private static final String CSV =
            """
            id,name,joined
            1,Ada,2024-01-15
            2,Grace,2024-02-01
            """;
    private static final String CSV_WITH_JSON_COLUMN =
            """
            id,payload
            1,"{""a"": 1, ""b"": 2}"
            2,"{""a"": 3, ""b"": 4}"
            """;

    private static FileSample sample(String text) {
        return FileSample.of("/data/file", text.getBytes(UTF_8));
    }

    private static List<ClassifierChain> chains() {
        Classifier csv = new DelimitedClassifier();
        Classifier json = new JsonClassifier();
        return List.of(new ClassifierChain(List.of(csv, json)), new ClassifierChain(List.of(json, csv)));
    }

    private static Classification winner(ClassifierChain chain, String text) throws IOException {
        return chain.classify(sample(text)).orElseThrow();
    }

    @Test
    void jsonLinesAreJsonWhicheverRunsFirst() throws IOException {
        for (ClassifierChain chain : chains()) {
            Classification winner = winner(chain, JSON_LINES);
            assertThat(winner.classification()).isEqualTo("json");
            assertThat(winner.columns())
                    .extracting(c -> c.name() + ":" + c.type())
                    .containsExactly("id:int", "name:string", "tags:array<string>");
        }
    }

    @Test
    void csvDoesNotClaimJsonLines() throws IOException {
        Optional<Classification> csv = new DelimitedClassifier().classify(sample(JSON_LINES));
        assertThat(csv).hasValueSatisfying(c -> assertThat(c.certainty()).isLessThan(0.5));
    }

    @Test
    void jsonArraysAreJson() throws IOException {
        assertThat(new DelimitedClassifier().classify(sample(JSON_ARRAY)))
                .hasValueSatisfying(c -> assertThat(c.certainty()).isLessThan(0.5));
        for (ClassifierChain chain : chains()) {
            assertThat(winner(chain, JSON_ARRAY).classification()).isEqualTo("json");
        }
    }

    @Test
    void csvIsCsvWhicheverRunsFirst() throws IOException {
        assertThat(new JsonClassifier().classify(sample(CSV))).isEmpty();
        for (ClassifierChain chain : chains()) {
            Classification winner = winner(chain, CSV);
            assertThat(winner.classification()).isEqualTo("csv");
            assertThat(winner.certainty()).isEqualTo(1.0);
        }
    }

    @Test
    void csvWithAJsonColumnIsCsv() throws IOException {
        assertThat(new JsonClassifier().classify(sample(CSV_WITH_JSON_COLUMN))).isEmpty();
        for (ClassifierChain chain : chains()) {
            Classification winner = winner(chain, CSV_WITH_JSON_COLUMN);
            assertThat(winner.classification()).isEqualTo("csv");
            assertThat(winner.columns())
                    .extracting(c -> c.name() + ":" + c.type())
                    .containsExactly("id:int", "payload:string");
        }
    }

    @Test
    void proseIsNeither() throws IOException {
        String prose =
                """
                Sluice crawls data directories and writes what it finds into the catalog.
                Each file is sampled, and every classifier says what it thinks the file is.
                When none of them is sure, the file is reported as unknown instead of guessed.
                """;
        for (ClassifierChain chain : chains()) {
            assertThat(chain.classify(sample(prose))).isEmpty();
        }
    }

    @Test
    void allVerdictsAreKeptForExplanations() throws IOException {
        ClassifierChain.Verdicts verdicts = new ClassifierChain(
                        List.of(new DelimitedClassifier(), new JsonClassifier()))
                .classifyAll(sample(JSON_LINES));
        assertThat(verdicts.all()).extracting(Classification::classifier).containsExactly("csv", "json");
        assertThat(verdicts.winner())
                .hasValueSatisfying(w -> assertThat(w.classifier()).isEqualTo("json"));
    }
}
