package io.sluice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Compares output with a golden file under {@code src/test/resources/<TestClass>/}. A mismatch fails with a line
 * diff; running the tests with {@code -Dgolden.update=true} rewrites the files with the current output instead, to be
 * reviewed with {@code git diff}.
 *
 * <p>The files end with a newline that the compared text does not have.
 */
public final class GoldenFile {
    public static final String UPDATE_PROPERTY = "golden.update";

    private GoldenFile() {}

    public static void assertMatches(Class<?> testClass, String fileName, String actual) {
        Path file = Path.of("src", "test", "resources", testClass.getSimpleName(), fileName);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, actual + "\n");
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionFailedError("golden file " + file + " is missing; run with -D" + UPDATE_PROPERTY
                    + "=true to create it from this output:\n" + actual);
        }
        String expected = stripFinalNewline(read(file));
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(
                    "output differs from golden file " + file + " (- expected, + actual; run with -D" + UPDATE_PROPERTY
                            + "=true to accept it):\n" + LineDiff.of(expected, actual),
                    expected,
                    actual);
        }
    }

    private static String stripFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff from the longest common subsequence: unchanged lines indented, others marked - or +. */
    static final class LineDiff {
        private LineDiff() {}

        static String of(String expected, String actual) {
            return of(List.of(expected.split("\n", -1)), List.of(actual.split("\n", -1)));
        }

        private static String of(List<String> expected, List<String> actual) {
            int[][] common = commonSuffixLengths(expected, actual);
            StringBuilder diff = new StringBuilder();
            int i = 0;
            int j = 0;
            while (i < expected.size() || j < actual.size()) {
                if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                    diff.append("  ").append(expected.get(i++)).append('\n');
                    j++;
                } else if (i < expected.size() && (j == actual.size() || common[i + 1][j] >= common[i][j + 1])) {
                    diff.append("- ").append(visible(expected.get(i++))).append('\n');
                } else {
                    diff.append("+ ").append(visible(actual.get(j++))).append('\n');
                }
            }
            return diff.toString();
        }

        /** common[i][j]: length of the longest common subsequence of expected[i..] and actual[j..]. */
        private static int[][] commonSuffixLengths(List<String> expected, List<String> actual) {
            int[][] common = new int[expected.size() + 1][actual.size() + 1];
            for (int i = expected.size() - 1; i >= 0; i--) {
                for (int j = actual.size() - 1; j >= 0; j--) {
                    common[i][j] = expected.get(i).equals(actual.get(j))
                            ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            return common;
        }

        /** Changed lines differing only in trailing blanks or tabs would look identical without a marker. */
        private static String visible(String line) {
            return line.replace("\t", "→") + (line.endsWith(" ") ? "⏎" : "");
        }
    }
}
