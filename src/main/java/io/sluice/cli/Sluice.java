package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.cluster.HadoopConfigurations;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs a {@code sluice} command line against given streams and returns the exit code: 0 success, 1 the work failed,
 * 2 bad usage or invalid input. Errors are one line; {@code --stacktrace} adds the trace.
 */
public final class Sluice {
    private Sluice() {}

    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(outWriter, errWriter, args).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The command line for {@code args}: the root with only the subcommand they run, or all when unclear. */
    private static final String PICOCLI_CLOSURES = "picocli.disable.closures";

    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        // picocli looks for Groovy's Closure class once, for commands written in Groovy: a class missing from the
        // class path is looked for in each of its ~160 jars (~95 ms at every start).
        if (System.getProperty(PICOCLI_CLOSURES) == null) {
            System.setProperty(PICOCLI_CLOSURES, "true");
        }
        Optional<Class<?>> chosen = SubcommandChoice.of(SluiceCommand.SUBCOMMANDS, args);
        if (chosen.isPresent() && runsLocalJobs(chosen.get(), args)) {
            HadoopConfigurations.readLocalAhead(); // first: its thread reads while picocli builds its model
        }
        SluiceCommand root = new SluiceCommand();
        CommandLine commandLine = new CommandLine(root);
        // Added before the settings below, which apply to the subcommands present when they are set.
        List<Class<?>> subcommands = chosen.<List<Class<?>>>map(List::of).orElse(SluiceCommand.SUBCOMMANDS);
        // No lambdas or method references of picocli's types here: making their classes when the launcher dumps the
        // class archive links picocli's classes, whose old class format the archive then cannot hold (CommandLine
        // alone took ~90 ms to load and verify at each start).
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setAllowSubcommandsAsOptionParameters(true); // --catalog catalog
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --format json
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new Failures(root));
        return commandLine;
    }

    /** True for a command that submits jobs to the local runner: no {@code --cluster}, no {@code HADOOP_CONF_DIR}. */
    private static boolean runsLocalJobs(Class<?> subcommand, String... args) {
        if (subcommand != SubmitCommand.class && subcommand != DemoCommand.class) {
            return false;
        }
        return Arrays.stream(args).noneMatch(arg -> arg.equals("--cluster") || arg.startsWith("--cluster="))
                && SluiceCommand.clusterFromEnvironment().isEmpty();
    }

    /** A command line that does not parse: one line saying why, and where to find the usage. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            return usageError(e, args);
        }
    }

    /** A command that failed: one line, the trace with {@code --stacktrace}, and the exit code of the failure. */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        private final SluiceCommand root;

        Failures(SluiceCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            return failure(e, cmd, root.stacktrace());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return CommandLine.ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandLine cmd, boolean stacktrace) {
        PrintWriter err = cmd.getErr();
        if (e instanceof SluiceException sluice) {
            err.println("error: " + sluice.getMessage());
        } else {
            err.println("internal error: " + e + " (rerun with --stacktrace and report it)");
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof SluiceException sluice ? sluice.exitCode() : 1;
    }
}
