package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logging set up as the command line does, in a process of its own (log4j's state is the whole JVM's). */
class LoggingTest {

    /** Logs as Hadoop's classes do, after {@link Logging#configure}. */
    public static final class Probe {
        public static void main(String[] args) {
            Logging.configure();
            org.slf4j.LoggerFactory.getLogger("org.apache.hadoop.some.Thing").warn("a warning");
            org.slf4j.LoggerFactory.getLogger("org.apache.hadoop.some.Thing").info("some information");
            org.slf4j.LoggerFactory.getLogger("org.apache.hadoop.util.NativeCodeLoader")
                    .warn("no native library");
            org.slf4j.LoggerFactory.getLogger("org.apache.hadoop.util.NativeCodeLoader")
                    .error("a native error");
        }
    }

    private static List<String> run(String... jvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return errors.lines().toList();
    }

    @Test
    void warningsGoToStandardErrorAtTheLevelsOfSluicesLog4jProperties() throws Exception {
        List<String> lines = run();

        assertThat(lines)
                .as("root at WARN, NativeCodeLoader at ERROR, in the file's pattern")
                .hasSize(2)
                .anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d WARN Thing: a warning"))
                .anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d ERROR NativeCodeLoader: a native error"));
    }

    @Test
    void aConfigurationTheUserGivesIsLog4jsToRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("log4j.properties");
        java.nio.file.Files.writeString(
                file,
                """
                log4j.rootLogger=INFO, out
                log4j.appender.out=org.apache.log4j.ConsoleAppender
                log4j.appender.out.Target=System.err
                log4j.appender.out.layout=org.apache.log4j.PatternLayout
                log4j.appender.out.layout.ConversionPattern=user %p %m%n
                """);

        List<String> lines = run("-Dlog4j.configuration=" + file.toUri());

        assertThat(lines).contains("user INFO some information", "user WARN no native library");
    }
}
