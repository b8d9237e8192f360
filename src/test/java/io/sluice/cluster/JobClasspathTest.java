package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class JobClasspathTest {
    @Test
    void theLibrariesShippedAreSluicesButHadoopsOwn() {
        List<String> names = JobClasspath.libraries().stream()
                .map(path -> path.getFileName().toString())
                .toList();

        assertThat(names)
                .anyMatch(name -> name.startsWith("commons-csv-1.14"))
                .anyMatch(name -> name.startsWith("parquet-hadoop-"))
                .anyMatch(name -> name.startsWith("picocli-"))
                .noneMatch(name -> name.startsWith("hadoop-"))
                .noneMatch(name -> name.startsWith("junit-") || name.startsWith("assertj-"));
    }

    @Test
    void classesInAFolderAreShippedAsAJarOfThem() throws Exception {
        Path jar = JobClasspath.sluiceJar();

        assertThat(jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("io/sluice/cluster/JobClasspath.class")).isNotNull();
            assertThat(file.getEntry("io/sluice/runtime/mr/StageMapper.class")).isNotNull();
        }
    }
}
