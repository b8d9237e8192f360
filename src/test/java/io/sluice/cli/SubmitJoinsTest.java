package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins of every type and strategy, run through {@code sluice submit} over a union of a CSV and a JSON path source
 * (columns by name, {@code int} and {@code bigint} widened) and a CSV path source, with duplicate and null keys.
 */
class SubmitJoinsTest {
    @TempDir
    Path dir;

    private Path people;
    private Path more;
    private Path labels;

    @BeforeEach
    void data() throws IOException {
        people = Files.writeString(
                dir.resolve("people.csv"),
                "id;name;since\n1;ann;05/01/2024\n2;bob;NA\nNA;nul;01/02/2024\n4;dan;03/03/2024\n");
        more = Files.writeString(
                dir.resolve("more.json"),
                "{\"since\": \"2024-03-04\", \"name\": \"dup\", \"id\": 4}\n{\"name\": \"eve\", \"id\": 5}\n");
        labels = Files.writeString(dir.resolve("labels.csv"), "key,label\n1,one\n4,four\n4,FOUR\n6,six\n,none\n");
    }

    private static final List<String> INNER = List.of(
            "1|ann|2024-01-05|1|one",
            "4|dan|2024-03-03|4|four",
            "4|dan|2024-03-03|4|FOUR",
            "4|dup|2024-03-04|4|four",
            "4|dup|2024-03-04|4|FOUR");
    private static final List<String> UNMATCHED_PEOPLE =
            List.of("2|bob|null|null|null", "null|nul|2024-02-01|null|null", "5|eve|null|null|null");
    private static final List<String> UNMATCHED_LABELS = List.of("null|null|null|6|six", "null|null|null|null|none");

    @ParameterizedTest
    @CsvSource({"inner,shuffle", "left,shuffle", "right,shuffle", "full,shuffle", "inner,broadcast", "left,broadcast"})
    void joinsKeepTheRowsTheirTypeSays(String type, String strategy) throws IOException {
        Path out = dir.resolve("out/" + type + "_" + strategy);
        Path job = job(type, strategy, "{ id: key }", out);

        CliRun run = CliRun.of("--catalog", dir.resolve("catalog").toString(), "submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = new ArrayList<>(INNER);
        if (type.equals("left") || type.equals("full")) {
            expected.addAll(UNMATCHED_PEOPLE);
        }
        if (type.equals("right") || type.equals("full")) {
            expected.addAll(UNMATCHED_LABELS);
        }
        assertThat(rows(out, "id:bigint,name:string,since:date,key:int,label:string"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"full,shuffle", "left,broadcast"})
    void aKeyWrittenOnceIsOneColumnHoldingTheKeyOfEitherSide(String type, String strategy) throws IOException {
        Files.writeString(labels, Files.readString(labels).replace("key,label", "id,label"));
        Path out = dir.resolve("out/shared");
        Path job = job(type, strategy, "[id]", out);

        CliRun run = CliRun.of("--catalog", dir.resolve("catalog").toString(), "submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = new ArrayList<>();
        for (String row : INNER) {
            expected.add(withoutKey(row));
        }
        UNMATCHED_PEOPLE.forEach(row -> expected.add(withoutKey(row)));
        if (type.equals("full")) {
            expected.addAll(List.of("6|null|null|six", "null|null|null|none"));
        }
        assertThat(rows(out, "id:bigint,name:string,since:date,label:string"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String withoutKey(String row) {
        String[] fields = row.split("\\|");
        return fields[0] + "|" + fields[1] + "|" + fields[2] + "|" + fields[4];
    }

    private Path job(String type, String strategy, String on, Path out) throws IOException {
        String other = Files.readString(labels).startsWith("id") ? "id int" : "key int";
        return Files.writeString(
                dir.resolve("join.yaml"),
                """
                name: joined
                source: { union: [people, more] }
                sources:
                  people:
                    path: "%s"
                    format: csv
                    header: true
                    delimiter: ";"
                    null_value: NA
                    date_format: dd/MM/yyyy
                    schema: "id int, name string, since date"
                  more: { path: "%s", format: json, schema: "name string, id bigint, since date" }
                  labels: { path: "%s", format: csv, header: true, schema: "%s, label string" }
                stages:
                  - join: { with: labels, type: %s, on: %s, strategy: %s }
                output: { path: "%s", mode: overwrite }
                """
                        .formatted(people, more, labels, other, type, on, strategy, out));
    }

    private static List<String> rows(Path out, String schema) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Row row : OutputFiles.rows(out, schema)) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.width(); i++) {
                values.add(String.valueOf(row.get(i)));
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }
}
