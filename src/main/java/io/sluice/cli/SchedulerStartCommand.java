package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.runs.RunKind;
import io.sluice.scheduler.Definitions;
import io.sluice.scheduler.Scheduler;
import io.sluice.scheduler.SchedulerStatus;
import io.sluice.scheduler.SchedulerStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice scheduler start}: loads the job and crawler definitions with their triggers (every problem at once,
 * exit 2), then runs the scheduler in the foreground, one {@link Scheduler#tick} a second, logging each decision on
 * stdout, until Ctrl-C (or SIGTERM): then running runs are stopped and recorded {@code STOPPED}, waiting ones stay
 * queued for the next start.
 */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Run the scheduler in the foreground: fire triggers, run jobs and crawls in child processes,"
                + " retry, log each decision; Ctrl-C stops it cleanly.")
final class SchedulerStartCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @ParentCommand
    private SchedulerCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DefinitionDirs dirs;

    @Option(
            names = "--max-running",
            paramLabel = "N",
            description = "At most this many runs at once, of all jobs and crawlers; more wait (default: 4).")
    private int maxRunning = 4;

    @Option(names = "--tick", paramLabel = "DURATION", hidden = true, description = "How often it looks (default 1s).")
    private Duration tick = Duration.ofSeconds(1);

    private volatile boolean stopping;

    @Override
    public Integer call() throws InterruptedException {
        if (maxRunning < 1) {
            throw SluiceException.invalidArgument("--max-running must be at least 1, got %d", maxRunning);
        }
        PrintWriter out = spec.commandLine().getOut();
        Definitions definitions = dirs.load();
        SluiceCommand root = parent.root;
        String owner = ManagementFactory.getRuntimeMXBean().getName();
        try (SchedulerStore store = SqliteSchedulerStore.open(root.catalogDir())) {
            refuseIfAnotherRuns(store, owner);
            Instant startedOn = Instant.now();
            String summary = summary(definitions);
            store.heartbeat(owner, startedOn, summary);
            Scheduler scheduler = new Scheduler(
                    definitions,
                    store,
                    new ProcessLauncher(root.catalogDir(), root.clusterConfDir(), root.stacktrace()),
                    new HadoopFileProbe(root.hadoopConfiguration()),
                    Clock.systemUTC(),
                    new SplittableRandom(),
                    maxRunning,
                    line -> log(out, line));
            log(
                    out,
                    "scheduler started (process " + owner + "): " + summary + "; catalog "
                            + root.catalogDir().toAbsolutePath().normalize() + "; Ctrl-C stops it");
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> stopAndWait(done), "sluice-scheduler-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                scheduler.recover();
                loop(scheduler, store, owner, startedOn, summary);
            } finally {
                try {
                    scheduler.shutdown();
                    store.stopped(owner);
                    log(out, "scheduler stopped");
                } finally {
                    done.countDown();
                    removeHook(hook);
                }
            }
        }
        return 0;
    }

    private void loop(Scheduler scheduler, SchedulerStore store, String owner, Instant startedOn, String summary)
            throws InterruptedException {
        Instant lastHeartbeat = Instant.now();
        while (!stopping) {
            scheduler.tick();
            if (Duration.between(lastHeartbeat, Instant.now()).compareTo(SchedulerStatus.HEARTBEAT) >= 0) {
                store.heartbeat(owner, startedOn, summary);
                lastHeartbeat = Instant.now();
            }
            long end = System.nanoTime() + tick.toNanos();
            while (!stopping && System.nanoTime() < end) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        }
    }

    /** Ctrl-C: the loop ends, shuts the scheduler down and records it; the JVM waits for that. */
    private void stopAndWait(CountDownLatch done) {
        stopping = true;
        try {
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running
        }
    }

    private static void refuseIfAnotherRuns(SchedulerStore store, String owner) {
        Optional<SchedulerStatus> status = store.status();
        if (status.isEmpty()
                || !status.get().running(Instant.now())
                || status.get().owner().equals(owner)) {
            return;
        }
        String other = status.get().owner();
        long pid = Long.parseLong(
                other.substring(0, Math.max(0, other.indexOf('@'))).isEmpty()
                        ? "-1"
                        : other.substring(0, other.indexOf('@')));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "a scheduler runs already on this catalog (process " + other + ", since "
                            + status.get().startedOn() + "): stop it first");
        }
    }

    private static String summary(Definitions definitions) {
        long jobs = definitions.nodes().stream()
                .filter(n -> n.ref().kind() == RunKind.JOB)
                .count();
        long crawlers = definitions.nodes().size() - jobs;
        return jobs + " job(s), " + crawlers + " crawler(s), "
                + definitions.triggers().size() + " trigger(s)";
    }

    private static void log(PrintWriter out, String line) {
        synchronized (out) {
            out.println(TIME.format(Instant.now()) + "  " + line);
            out.flush();
        }
    }
}
