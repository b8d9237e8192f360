package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's compiler directives: HotSpot accepts them, and the Sluice methods they name exist. */
class CompilerDirectivesTest {
    private static final Path FILE = Path.of(CompilerDirectives.FILE);

    @Test
    void hotSpotAcceptsTheFile() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:CompilerDirectivesFile=" + FILE.toAbsolutePath(),
                        "-version")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("compiler directives added");
    }

    @Test
    void everySluiceMethodNamedExists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> named = sluiceMethods();
        assertThat(named).isNotEmpty();
        for (String pattern : named) {
            int dot = pattern.lastIndexOf('.');
            String className = pattern.substring(0, dot).replace('/', '.');
            String method = pattern.substring(dot + 1);
            try {
                Method[] methods = Class.forName(className).getDeclaredMethods();
                if (Arrays.stream(methods).noneMatch(m -> m.getName().equals(method))) {
                    missing.add(pattern);
                }
            } catch (ClassNotFoundException e) {
                missing.add(pattern);
            }
        }
        assertThat(missing)
                .as("methods named in " + FILE + " that no longer exist")
                .isEmpty();
    }

    /** The {@code io/sluice/...} method patterns of the inline lists, without their {@code +} or {@code -}. */
    private static List<String> sluiceMethods() throws IOException {
        JsonNode directives = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .build()
                .readTree(FILE.toFile());
        List<String> methods = new ArrayList<>();
        for (JsonNode directive : directives) {
            for (JsonNode inline : directive.findValues("inline")) {
                for (JsonNode entry : inline) {
                    String pattern = entry.asText().substring(1);
                    if (pattern.startsWith("io/sluice/")) {
                        methods.add(pattern);
                    }
                }
            }
        }
        return methods;
    }
}
