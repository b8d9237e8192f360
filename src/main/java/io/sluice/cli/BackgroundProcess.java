package io.sluice.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts {@code sluice} in a process of its own that outlives this one, as {@code submit --detach} does: the same Java,
 * JVM options and class path as the running JVM (so the {@code bin/sluice} launcher's heap and {@code --add-opens}, or
 * a test's class path), the same working directory (relative paths in job files mean the same), no input, and its
 * output and errors appended to a log file. On Linux it runs under {@code setsid}, in a session of its own, so that
 * closing the terminal does not stop it.
 */
final class BackgroundProcess {
    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

    private BackgroundProcess() {}

    /** Starts {@code sluice ARGUMENTS} in the background, its output going to {@code log}. */
    static Process start(List<String> arguments, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command(arguments))
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** Starts {@code sluice ARGUMENTS} as a child in this process's session, its output going to {@code log}. */
    static Process startChild(List<String> arguments, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(javaCommand(arguments))
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** The command line: {@code [setsid] JAVA JVM-OPTIONS -cp CLASSPATH io.sluice.cli.Main ARGUMENTS}. */
    static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        SETSID.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().ifPresent(command::add);
        command.addAll(javaCommand(arguments));
        return command;
    }

    /**
     * {@code JAVA JVM-OPTIONS -cp CLASSPATH io.sluice.cli.Main ARGUMENTS}: a child in this process's session, as the
     * scheduler starts its runs (a Ctrl-C reaches them too).
     */
    static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!isDebugger(option)) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(arguments);
        return command;
    }

    /** A debugger agent listens on a port the second JVM could not take. */
    private static boolean isDebugger(String option) {
        return option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug");
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null";
    }
}
