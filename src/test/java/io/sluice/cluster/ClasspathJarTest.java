package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged jar holds what class loading and service lookups found on the class path of the jars it was made of. */
class ClasspathJarTest {
    @TempDir
    Path dir;

    @Test
    void theFirstJarOfANameWinsAndServiceFilesAreJoinedInClassPathOrder() throws Exception {
        Path first = jar(
                "first.jar",
                false,
                Map.of(
                        "a/Shared.class", "first",
                        "a/OnlyFirst.class", "only first",
                        "META-INF/services/a.Service", "a.FirstImpl",
                        "module-info.class", "module"));
        Path second = jar(
                "second.jar",
                false,
                Map.of(
                        "a/Shared.class", "second",
                        "b/OnlySecond.class", "only second",
                        "META-INF/services/a.Service", "a.SecondImpl\n",
                        "META-INF/LICENSE", "license"));
        Path signed = jar("signed.jar", false, Map.of("s/Signed.class", "signed", "META-INF/SIGNER.SF", "signature"));
        Path merged = dir.resolve("lib.jar");

        List<Path> unmerged = ClasspathJar.write(List.of(first, signed, second), merged);

        Map<String, String> entries = read(merged);
        assertThat(entries)
                .containsEntry("a/Shared.class", "first")
                .containsEntry("a/OnlyFirst.class", "only first")
                .containsEntry("b/OnlySecond.class", "only second")
                .containsEntry("META-INF/LICENSE", "license")
                .doesNotContainKeys("s/Signed.class", "META-INF/SIGNER.SF", "module-info.class");
        assertThat(unmerged).containsExactly(signed);
        assertThat(entries.get("META-INF/services/a.Service").lines().filter(l -> !l.isBlank()))
                .containsExactly("a.FirstImpl", "a.SecondImpl");
        assertThat(ClasspathJar.mergedFrom(manifest(merged))).containsExactly(first, second);
        assertThat(JvmClassPath.expand(merged)).containsExactly(first, second);
        assertThat(Files.exists(dir.resolve("lib.jar.partial"))).isFalse();
    }

    @Test
    void versionSpecificClassesComeWithTheBaseClassTheyBelongTo() throws Exception {
        Path plain = jar("plain.jar", false, Map.of("a/Shared.class", "plain", "META-INF/versions/11/x/Y.class", "y"));
        Path versioned = jar(
                "versioned.jar",
                true,
                Map.of(
                        "a/Shared.class", "versioned",
                        "META-INF/versions/11/a/Shared.class", "versioned 11",
                        "c/Own.class", "own",
                        "META-INF/versions/11/c/Own.class", "own 11"));
        Path merged = dir.resolve("lib.jar");

        ClasspathJar.write(List.of(plain, versioned), merged);

        Map<String, String> entries = read(merged);
        assertThat(entries)
                .containsEntry("a/Shared.class", "plain")
                .containsEntry("c/Own.class", "own")
                .containsEntry("META-INF/versions/11/c/Own.class", "own 11")
                // the plain jar's class wins, so the other jar's version of it must not come back on Java 11+
                .doesNotContainKeys("META-INF/versions/11/a/Shared.class", "META-INF/versions/11/x/Y.class");
        try (JarFile file = new JarFile(merged.toFile())) {
            assertThat(file.isMultiRelease()).isTrue();
        }
    }

    @Test
    void aJarThatIsNotMergedStaysItself() throws Exception {
        Path plain = jar("plain.jar", false, Map.of("a/B.class", "b"));

        assertThat(ClasspathJar.mergedFrom(manifest(plain))).isEmpty();
        assertThat(JvmClassPath.expand(plain)).containsExactly(plain);
    }

    private Path jar(String name, boolean multiRelease, Map<String, String> entries) throws IOException {
        Path path = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        try (OutputStream file = Files.newOutputStream(path);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return path;
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.getManifest();
        }
    }

    private static Map<String, String> read(Path jar) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory()) {
                    entries.put(
                            entry.getName(),
                            new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }
}
