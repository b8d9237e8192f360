package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmClassPathTest {
    @TempDir
    Path dir;

    @Test
    void theClassPathHoldsThisTestsLibrariesAsAbsolutePaths() {
        assertThat(JvmClassPath.entries())
                .allMatch(Path::isAbsolute)
                .anyMatch(entry -> entry.getFileName().toString().startsWith("commons-csv-"));
    }

    @Test
    void theCodeOfAClassIsWhereItWasLoadedFrom() {
        Path location = JvmClassPath.codeLocation(JvmClassPathTest.class);
        assertThat(location).isDirectory();
        assertThat(location.resolve("io/sluice/cluster/JvmClassPathTest.class")).isRegularFile();
    }

    @Test
    void aManifestOnlyJarStandsForTheEntriesItNames() throws Exception {
        Path library = Files.writeString(dir.resolve("lib.jar"), "not read");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path booter = jar(dir.resolve("booter.jar"), "lib.jar classes/", false);
        Path withCode = jar(dir.resolve("code.jar"), "lib.jar", true);

        assertThat(JvmClassPath.expand(booter)).containsExactly(library, classes);
        assertThat(JvmClassPath.expand(withCode)).containsExactly(withCode);
    }

    private static Path jar(Path path, String classPath, boolean withClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream file = Files.newOutputStream(path);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (withClass) {
                out.putNextEntry(new JarEntry("a/B.class"));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        return path;
    }
}
