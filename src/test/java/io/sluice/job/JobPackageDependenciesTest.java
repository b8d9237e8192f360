package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job model is read by the planner and the scheduler: it depends on no Hadoop class, directly or through format. */
class JobPackageDependenciesTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of(
            "java.",
            "io.sluice.job.",
            "io.sluice.SluiceException",
            "io.sluice.ErrorCode",
            "io.sluice.definition.",
            "io.sluice.types.",
            "io.sluice.expr.",
            "io.sluice.format.Compression");
    private static final List<String> CATALOG_MODEL =
            List.of("Catalog", "Column", "PartitionFilter", "Table", "TableId");

    @Test
    void importsOnlyModelPackages() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/sluice/job"))) {
            List<String> imports =
                    files.flatMap(JobPackageDependenciesTest::imports).toList();

            assertThat(imports).isNotEmpty();
            assertThat(imports.stream().filter(i -> !allowed(i))).isEmpty();
        }
    }

    private static boolean allowed(String imported) {
        if (imported.startsWith("io.sluice.catalog.")) {
            return CATALOG_MODEL.contains(imported.substring("io.sluice.catalog.".length()));
        }
        return ALLOWED.stream().anyMatch(imported::startsWith);
    }

    private static Stream<String> imports(Path file) {
        try {
            Matcher matcher = IMPORT.matcher(Files.readString(file));
            return matcher.results().map(m -> m.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
