package io.sluice.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * Which subcommand a command line runs, found without building picocli's model of every command: picocli's classes
 * predate class data sharing's oldest supported class format, so each command model is built by freshly verified
 * code, and building all of them took a quarter of a small job's start. When the choice is not plain (help, version,
 * an argument file, an unknown word), there is none and every subcommand is built, so that help lists them all and
 * picocli suggests the near misses.
 */
final class SubcommandChoice {
    /** The root options that take a value. */
    private static final List<String> VALUED = List.of("--catalog", "--cluster");

    private SubcommandChoice() {}

    /** The subcommand named by the first word of {@code args} that is not a root option or its value. */
    static Optional<Class<?>> of(List<Class<?>> subcommands, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED.contains(arg)) {
                i++; // its value, which may be any word, "submit" included
            } else if (arg.equals("--stacktrace") || VALUED.stream().anyMatch(o -> arg.startsWith(o + "="))) {
                continue;
            } else if (arg.startsWith("-") || arg.startsWith("@")) {
                return Optional.empty();
            } else {
                return named(subcommands, arg);
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> named(List<Class<?>> subcommands, String word) {
        for (Class<?> subcommand : subcommands) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return Optional.of(subcommand);
            }
        }
        return Optional.empty();
    }
}
