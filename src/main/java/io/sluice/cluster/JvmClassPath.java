package io.sluice.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of this JVM as absolute file paths, with the {@code Class-Path} of manifest-only jars (test runners
 * start JVMs with one) expanded into the entries it names, and a jar of merged libraries ({@link ClasspathJar}, which
 * {@code bin/sluice} runs with) into the jars it was made of.
 */
final class JvmClassPath {
    private JvmClassPath() {}

    static List<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return new ArrayList<>(entries);
    }

    /** Where the classes of {@code type} were loaded from: a jar or a folder. */
    static Path codeLocation(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    /** The entry itself, or the entries a manifest-only jar names. */
    static List<Path> expand(Path entry) {
        Set<Path> entries = new LinkedHashSet<>();
        add(entry, entries);
        return new ArrayList<>(entries);
    }

    /**
     * Adds an entry; a manifest-only jar is replaced by the entries it names, a merged jar by the jars it was made of
     * (when they are all still there).
     */
    private static void add(Path entry, Set<Path> entries) {
        if (entries.contains(entry)) {
            return;
        }
        List<Path> standsFor =
                Files.isRegularFile(entry) && entry.toString().endsWith(".jar") ? standsFor(entry) : List.of();
        if (standsFor.isEmpty()) {
            entries.add(entry);
        }
        for (Path path : standsFor) {
            add(path, entries);
        }
    }

    /**
     * The entries a jar stands for, read from its manifest: the jars a merged jar ({@link ClasspathJar}) was made of,
     * if they are all still there, or those a jar of nothing but a manifest names in its {@code Class-Path}; none for
     * any other jar.
     */
    private static List<Path> standsFor(Path jar) {
        List<Path> named = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return named;
            }
            List<Path> merged = ClasspathJar.mergedFrom(manifest);
            if (!merged.isEmpty()) {
                return merged.stream().allMatch(Files::isRegularFile)
                        ? merged.stream()
                                .map(p -> p.toAbsolutePath().normalize())
                                .toList()
                        : named;
            }
            String classPath = manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || file.stream().anyMatch(e -> !e.getName().startsWith("META-INF/"))) {
                return named;
            }
            URI base = jar.toUri();
            for (String entry : classPath.trim().split("\\s+")) {
                URI resolved = base.resolve(entry);
                if ("file".equals(resolved.getScheme())) {
                    named.add(Path.of(resolved).normalize());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable jar: it stays a plain entry
        }
        return named;
    }
}
