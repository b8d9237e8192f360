package io.sluice.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunKind;
import io.sluice.scheduler.Launcher;
import io.sluice.scheduler.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Runs each job or crawl of the scheduler in a child process: {@code sluice submit FILE --run-id ID --scheduled} or
 * {@code sluice crawl --crawler FILE --run-id ID}, which records the run's outcome itself; its output goes to {@code
 * <catalog>/logs/RUN_ID.log}. A process of its own can be stopped (a timeout, a shutdown) without harm to the
 * scheduler, and outlives a scheduler that is killed, which then finds it again ({@link #adopt}).
 */
final class ProcessLauncher implements Launcher {
    private final Path catalogDir;
    private final Optional<Path> clusterConfDir;
    private final boolean stacktrace;

    /** Children use this catalog and, when present, the cluster of this configuration folder. */
    ProcessLauncher(Path catalogDir, Optional<Path> clusterConfDir, boolean stacktrace) {
        this.catalogDir = requireNonNull(catalogDir, "catalogDir is null").toAbsolutePath();
        this.clusterConfDir =
                requireNonNull(clusterConfDir, "clusterConfDir is null").map(Path::toAbsolutePath);
        this.stacktrace = stacktrace;
    }

    @Override
    public Launch launch(Run run, Node node) {
        Path log = catalogDir.resolve("logs").resolve(run.id() + ".log");
        try {
            return new ChildLaunch(BackgroundProcess.startChild(arguments(run, node), log));
        } catch (IOException e) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE, "cannot start a process for run " + run.id() + ": " + e, e);
        }
    }

    /** The command line of the child. */
    List<String> arguments(Run run, Node node) {
        List<String> args = new ArrayList<>(List.of("--catalog", catalogDir.toString()));
        clusterConfDir.ifPresent(dir -> args.addAll(List.of("--cluster", dir.toString())));
        if (stacktrace) {
            args.add("--stacktrace");
        }
        String file = Path.of(node.file()).toAbsolutePath().toString();
        if (run.kind() == RunKind.CRAWLER) {
            args.addAll(List.of("crawl", "--crawler", file, "--run-id", run.id()));
        } else {
            args.addAll(List.of("submit", file, "--run-id", run.id(), "--scheduled"));
            run.request().arguments().forEach((key, value) -> args.addAll(List.of("--arg", key + "=" + value)));
        }
        return args;
    }

    @Override
    public Optional<Launch> adopt(Run run, OptionalLong pid) {
        Stream<ProcessHandle> candidates = pid.isPresent()
                ? ProcessHandle.of(pid.getAsLong()).stream()
                : ProcessHandle.allProcesses(); // the pid was never recorded: look for the run id in command lines
        return candidates
                .filter(ProcessHandle::isAlive)
                .filter(handle -> runs(handle, run))
                .findFirst()
                .map(AdoptedLaunch::new);
    }

    /** True when {@code handle}'s command line is that of {@code run}'s child. */
    private static boolean runs(ProcessHandle handle, Run run) {
        return handle.info()
                .arguments()
                .map(args -> List.of(args).contains(run.id()))
                .orElse(false);
    }

    /** A child of this process. */
    private record ChildLaunch(Process process) implements Launch {
        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public OptionalInt exitCode() {
            return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
        }

        @Override
        public void stop() {
            process.destroy(); // SIGTERM: its shutdown hook records the run STOPPED
        }
    }

    /** A process a scheduler before this one started: its exit code cannot be known. */
    private record AdoptedLaunch(ProcessHandle handle) implements Launch {
        @Override
        public long pid() {
            return handle.pid();
        }

        @Override
        public boolean alive() {
            return handle.isAlive();
        }

        @Override
        public OptionalInt exitCode() {
            return OptionalInt.empty();
        }

        @Override
        public void stop() {
            handle.destroy();
        }
    }
}
