package io.sluice.crawler;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exclude globs, matched against paths relative to a crawl target: {@code *} within a folder, {@code **} across
 * folders, {@code ?} one character, {@code [a-z]} a class, {@code {a,b}} alternatives (the JDK's glob syntax). A
 * leading {@code **}{@code /} also matches no folder at all, so {@code **}{@code /*.md} leaves out a top-level
 * {@code README.md} too. A folder that matches is left out with everything below it.
 */
final class Exclusions {
    private final List<PathMatcher> matchers;
    private final List<String> globs;

    Exclusions(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.matchers = globs.stream()
                .flatMap(glob -> glob.startsWith("**/") ? Stream.of(glob, glob.substring(3)) : Stream.of(glob))
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    /** True when the relative path (file or folder) matches one of the globs. */
    boolean excludes(String relativePath) {
        if (matchers.isEmpty() || relativePath.isEmpty()) {
            return false;
        }
        Path path = Path.of(relativePath);
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }

    List<String> globs() {
        return globs;
    }
}
