package io.sluice.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The run history's model is shared by the CLI, the scheduler and every store: it depends on no Hadoop class. */
class RunsPackageDependenciesTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED =
            List.of("java.", "io.sluice.runs.", "io.sluice.SluiceException", "io.sluice.ErrorCode");

    @Test
    void importsOnlyTheJavaLibraryAndSluiceErrors() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/sluice/runs"))) {
            List<String> imports =
                    files.flatMap(RunsPackageDependenciesTest::imports).toList();

            assertThat(imports).isNotEmpty();
            assertThat(imports.stream().filter(i -> ALLOWED.stream().noneMatch(i::startsWith)))
                    .isEmpty();
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return IMPORT.matcher(Files.readString(file)).results().map(m -> m.group(1)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
