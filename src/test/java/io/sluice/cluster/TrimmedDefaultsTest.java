package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrimmedDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void theTrimmedFilesHoldWhatHadoopReadsFromItsOwn() throws Exception {
        Path jar = dir.resolve("defaults.jar");

        TrimmedDefaults.write(jar);

        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(written.stream().map(e -> e.getName()))
                    .contains("core-default.xml", "mapred-default.xml", "yarn-default.xml");
        }
        for (String name : new String[] {"core-default.xml", "mapred-default.xml", "yarn-default.xml"}) {
            URL original = getClass().getClassLoader().getResource(name);
            URL trimmed = new URL("jar:" + jar.toUri() + "!/" + name);
            Configuration before = read(original);
            Configuration after = read(trimmed);
            assertThat(properties(after)).as(name).isEqualTo(properties(before)).hasSizeGreaterThan(100);
            assertThat(after.getFinalParameters()).as(name).isEqualTo(before.getFinalParameters());
        }
        assertThat(properties(read(new URL("jar:" + jar.toUri() + "!/core-default.xml"))))
                .containsEntry("fs.defaultFS", "file:///")
                .containsEntry("hadoop.tmp.dir", "/tmp/hadoop-${user.name}");
    }

    @Test
    void theJarIsAFractionOfTheOriginals() throws Exception {
        Path jar = dir.resolve("defaults.jar");

        TrimmedDefaults.write(jar);

        try (JarFile written = new JarFile(jar.toFile())) {
            long trimmed = written.getEntry("core-default.xml").getSize();
            long original;
            try (var in = getClass().getClassLoader().getResourceAsStream("core-default.xml")) {
                original = in.readAllBytes().length;
            }
            assertThat(trimmed).isLessThan(original / 2);
        }
        assertThat(Files.exists(dir.resolve("defaults.jar.partial"))).isFalse();
    }

    private static Configuration read(URL file) {
        Configuration conf = new Configuration(false);
        conf.addResource(file);
        return conf;
    }

    private static Map<String, String> properties(Configuration conf) {
        Map<String, String> properties = new TreeMap<>();
        conf.iterator().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }
}
