package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's row function, compiled here into a jar of its own, checked and run through {@code sluice submit --jar}:
 * the class is loaded from the jar for the checks and shipped with the MapReduce job to its tasks.
 */
class SubmitRowFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MASK =
            """
            package com.acme;

            import io.sluice.api.RowEmitter;
            import io.sluice.api.RowFunction;
            import io.sluice.row.Row;
            import io.sluice.types.PrimitiveType;
            import io.sluice.types.StructField;
            import io.sluice.types.StructType;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            /** Masks a text column but its first characters; drops rows of one value, doubles those of another. */
            public class Mask implements RowFunction {
                private int column = -1;
                private int keep;
                private String drop;
                private String twice;
                private Row out;

                @Override
                public StructType open(StructType input, Map<String, String> options) {
                    String name = options.getOrDefault("column", "");
                    for (int i = 0; i < input.fields().size(); i++) {
                        if (input.fields().get(i).name().equals(name)
                                && input.fields().get(i).type() == PrimitiveType.STRING) {
                            column = i;
                        }
                    }
                    if (column < 0) {
                        throw new IllegalArgumentException("no string column '" + name + "' to mask");
                    }
                    keep = Integer.parseInt(options.getOrDefault("keep", "1"));
                    drop = options.get("drop");
                    twice = options.get("twice");
                    List<StructField> fields = new ArrayList<>(input.fields());
                    fields.add(StructField.of("masked", PrimitiveType.BOOLEAN));
                    out = new Row(fields.size());
                    return new StructType(fields);
                }

                @Override
                public void apply(Row row, RowEmitter emitter) {
                    String value = (String) row.get(column);
                    if (value != null && value.equals(drop)) {
                        return;
                    }
                    for (int i = 0; i < row.width(); i++) {
                        out.set(i, row.get(i));
                    }
                    boolean masked = value != null && value.length() > keep;
                    out.set(column, masked ? value.substring(0, keep) + "***" : value);
                    out.set(row.width(), masked);
                    emitter.emit(out);
                    if (value != null && value.equals(twice)) {
                        emitter.emit(out);
                    }
                }
            }
            """;

    private static final String NOT_A_FUNCTION =
            """
            package com.acme;

            public class Plain {
                public String toString() {
                    return "plain";
                }
            }
            """;

    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private Path jar;

    private CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @BeforeEach
    void crawlAndBuildTheJar() throws IOException {
        CliRun crawl = sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
        jar = compileJar(Map.of("com/acme/Mask.java", MASK, "com/acme/Plain.java", NOT_A_FUNCTION));
    }

    private Path job(String function, Path out) throws IOException {
        return Files.writeString(
                dir.resolve("masked.yaml"),
                """
                name: masked
                source: lake.sales
                stages:
                  - map:
                      select: [order_id, product, qty]
                      function:
                        class: %s
                        options: { column: product, keep: "2", drop: sprocket, twice: widget }
                  - map: { filter: "masked OR product IS NULL" }
                output: { path: "%s", format: json, table: out.masked }
                """
                        .formatted(function, out));
    }

    @Test
    void aFunctionFromAJarRunsAsAMapStageEmittingNoneOneOrMoreRowsPerRow() throws IOException {
        Path out = dir.resolve("out/masked");

        CliRun run = sluice("submit", job("com.acme.Mask", out).toString(), "--jar", jar.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Integer> products = new TreeMap<>();
        for (JsonNode row : rows("lake.sales")) {
            products.merge(row.get("product").asText(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>();
        products.forEach((product, count) -> {
            if (!product.equals("sprocket")) {
                expected.put(product.substring(0, 2) + "***", count * (product.equals("widget") ? 2 : 1));
            }
        });
        Map<String, Integer> masked = new TreeMap<>();
        for (JsonNode row : rows("out.masked")) {
            assertThat(row.get("masked").asBoolean()).isTrue();
            assertThat(row.fieldNames()).toIterable().containsExactly("order_id", "product", "qty", "masked");
            masked.merge(row.get("product").asText(), 1, Integer::sum);
        }
        assertThat(masked).isEqualTo(expected).containsKey("wi***");
    }

    @Test
    void aClassNotInTheJarsOrNotAFunctionOrRefusingItsOptionsIsReportedAtItsLine() throws IOException {
        Path out = dir.resolve("out/masked");

        CliRun missing = sluice("submit", job("com.acme.Missing", out).toString(), "--jar", jar.toString());
        CliRun withoutJar = sluice("submit", job("com.acme.Mask", out).toString(), "--explain");
        CliRun plain = sluice("submit", job("com.acme.Plain", out).toString(), "--jar", jar.toString());
        String refused = Files.readString(job("com.acme.Mask", out)).replace("column: product", "column: qty");
        CliRun refusing = sluice(
                "submit",
                Files.writeString(dir.resolve("refused.yaml"), refused).toString(),
                "--jar",
                jar.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("masked.yaml:7: stages[1].map.function: class 'com.acme.Missing' not found");
        assertThat(withoutJar.exitCode()).isEqualTo(2);
        assertThat(withoutJar.err()).contains("masked.yaml:7:").contains("'com.acme.Mask' not found");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("masked.yaml:7:").contains("does not implement io.sluice.api.RowFunction");
        assertThat(refusing.exitCode()).isEqualTo(2);
        assertThat(refusing.err()).contains("refused.yaml:7:").contains("no string column 'qty' to mask");
        assertThat(out).doesNotExist();
    }

    private List<JsonNode> rows(String table) throws IOException {
        CliRun cat = sluice("cat", table, "--format", "json");
        assertThat(cat.exitCode()).as(cat.err()).isZero();
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (String line : cat.out().lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /** Compiles the sources against Sluice's classes into a jar of their own. */
    private Path compileJar(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                Path.of("target/classes").toString(),
                "--release",
                "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        Path jarFile = dir.resolve("acme-functions.jar");
        try (OutputStream file = Files.newOutputStream(jarFile);
                JarOutputStream jarStream = new JarOutputStream(file);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path c : compiled.filter(Files::isRegularFile).toList()) {
                jarStream.putNextEntry(
                        new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, jarStream);
                jarStream.closeEntry();
            }
        }
        return jarFile;
    }
}
