package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.definition.Durations;
import io.sluice.runs.RetryPolicy;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The scheduler's core: each {@link #tick} looks at the clock and the durable state and does what is due, in this
 * order: notices runs whose process ended or that outlived their timeout; deals with runs that ended (a retry after a
 * backoff, or none); serves requests ({@code trigger fire}, {@code workflow resume}); fires schedules, conditions and
 * data triggers; ends workflow runs with nothing left to do; starts waiting runs as the concurrency limits allow.
 * Every decision is committed to the {@link SchedulerStore} before it is acted on and logged with its reason.
 *
 * <p>It never sleeps and reads time only from its clock, so tests drive it tick by tick. {@link #recover} is called
 * once at start: runs that were {@code RUNNING} under a scheduler that died are adopted if their process still runs,
 * else ended {@code FAILED} and retried as their policy says.
 */
public final class Scheduler {
    /** A time of a {@code catchup: none} schedule still fires when it is at most this late. */
    public static final Duration ON_TIME = Duration.ofMinutes(1);
    /** At most this many missed times fire for {@code catchup: all}. */
    public static final int MAX_CATCHUP = 1000;
    /** The trigger name under which resumed workflow runs are recorded, once per workflow run resumed. */
    public static final String RESUME = "resume";
    /** Request kinds. */
    public static final String FIRE_REQUEST = "FIRE";

    public static final String RESUME_REQUEST = "RESUME";

    private final Definitions definitions;
    private final SchedulerStore store;
    private final Launcher launcher;
    private final FileProbe files;
    private final Clock clock;
    private final RandomGenerator random;
    private final int maxRunning;
    private final Consumer<String> log;
    private final RunHistory history;
    private final Firings firings;
    private final WorkflowRuns workflows;
    private final Map<String, Launcher.Launch> launches = new HashMap<>();
    private final Set<String> waitingLogged = new HashSet<>();

    public Scheduler(
            Definitions definitions,
            SchedulerStore store,
            Launcher launcher,
            FileProbe files,
            Clock clock,
            RandomGenerator random,
            int maxRunning,
            Consumer<String> log) {
        this.definitions = requireNonNull(definitions, "definitions is null");
        this.store = requireNonNull(store, "store is null");
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.files = requireNonNull(files, "files is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.log = requireNonNull(log, "log is null");
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, got " + maxRunning);
        }
        this.maxRunning = maxRunning;
        this.history = new RunHistory(store);
        this.firings = new Firings(definitions, store, files, new Conditions(history), clock, log);
        this.workflows = new WorkflowRuns(store, history, clock, log);
    }

    /**
     * Starts watching every trigger (a trigger seen for the first time fires for nothing before now) and deals with
     * the runs a scheduler that stopped left {@code RUNNING}.
     */
    public void recover() {
        firings.watchAll(clock.instant());
        for (SchedulerStore.ScheduledRun open : store.open()) {
            Run run = open.run();
            if (run.state() != RunState.RUNNING) {
                continue;
            }
            Optional<Launcher.Launch> adopted = launcher.adopt(run, open.pid());
            if (adopted.isPresent()) {
                launches.put(run.id(), adopted.get());
                if (open.pid().isEmpty()) {
                    store.launched(run.id(), adopted.get().pid());
                }
                log.accept("run " + run.id() + " of " + RunHistory.node(run) + " is still RUNNING in process "
                        + adopted.get().pid() + ": watching it again");
                continue;
            }
            String why = open.pid().isPresent()
                    ? "the scheduler stopped while it ran, and its process "
                            + open.pid().getAsLong() + " is gone"
                    : "the scheduler stopped before its process started, and no process runs it";
            endIfNotEnded(run, RunOutcome.failed(why, Map.of()));
            log.accept("run " + run.id() + " of " + RunHistory.node(run) + " was RUNNING: FAILED, " + why);
        }
    }

    /** Does what is due now. */
    public void tick() {
        Instant now = clock.instant();
        collect(now);
        settle();
        serveRequests(now);
        firings.fireDue(now);
        workflows.complete();
        dispatch(now);
    }

    /** Whether runs are under way. */
    public boolean busy() {
        return !launches.isEmpty();
    }

    /**
     * Stops: asks the processes of running runs to stop, and ends what they did not end {@code STOPPED}. Waiting runs
     * stay queued for the next start.
     */
    public void shutdown() {
        for (Map.Entry<String, Launcher.Launch> entry : launches.entrySet()) {
            log.accept("stopping run " + entry.getKey() + " (process "
                    + entry.getValue().pid() + ")");
            entry.getValue().stop();
        }
        for (String runId : List.copyOf(launches.keySet())) {
            store.get(runId)
                    .ifPresent(run -> endIfNotEnded(run, RunOutcome.stopped("the scheduler was shut down", Map.of())));
        }
        launches.clear();
        settle();
    }

    // --- runs that ended or outlived their timeout ---

    private void collect(Instant now) {
        for (Map.Entry<String, Launcher.Launch> entry : List.copyOf(launches.entrySet())) {
            String runId = entry.getKey();
            Launcher.Launch launch = entry.getValue();
            Optional<Run> run = store.get(runId);
            if (run.isEmpty()) {
                launches.remove(runId);
                continue;
            }
            if (!launch.alive()) {
                OptionalInt exit = launch.exitCode();
                exit.ifPresent(code -> store.exited(runId, code));
                launches.remove(runId);
                Run current = store.get(runId).orElseThrow();
                if (!current.state().isTerminal()) {
                    String why = "its process exited" + (exit.isPresent() ? " with code " + exit.getAsInt() : "")
                            + " without recording an outcome";
                    endIfNotEnded(current, RunOutcome.failed(why, Map.of()));
                    log.accept("run " + runId + " of " + RunHistory.node(current) + ": FAILED, " + why);
                }
                continue;
            }
            timeOut(run.get(), launch, now);
        }
    }

    private void timeOut(Run run, Launcher.Launch launch, Instant now) {
        Optional<Duration> timeout = definitions.node(RunHistory.node(run)).flatMap(Node::timeout);
        if (timeout.isEmpty()
                || run.state() != RunState.RUNNING
                || run.startedOn().isEmpty()) {
            return;
        }
        if (Duration.between(run.startedOn().get(), now).compareTo(timeout.get()) < 0) {
            return;
        }
        String why = RunHistory.node(run) + " ran longer than its timeout of " + Durations.format(timeout.get())
                + " and was stopped";
        if (endIfNotEnded(run, RunOutcome.timedOut(why, Map.of()))) {
            log.accept("run " + run.id() + ": TIMEOUT, " + why);
        }
        launch.stop();
    }

    /** Ends a run unless it has ended already (its process may have been quicker); true when this ended it. */
    private boolean endIfNotEnded(Run run, RunOutcome outcome) {
        return store.finishUnlessEnded(run.id(), outcome);
    }

    // --- retries ---

    private void settle() {
        for (SchedulerStore.ScheduledRun open : store.open()) {
            Run run = open.run();
            if (!run.state().isTerminal() || launches.containsKey(run.id())) {
                continue;
            }
            Optional<Node> node = definitions.node(RunHistory.node(run));
            RetryPolicy policy = node.map(Node::retryPolicy).orElse(RetryPolicy.none());
            ErrorCode.Category cause =
                    open.exitCode().isPresent() && open.exitCode().getAsInt() == 2
                            ? ErrorCode.Category.USER
                            : ErrorCode.Category.EXTERNAL;
            if (!policy.retries(run.attempt(), run.state(), cause)) {
                store.settle(run.id(), Optional.empty(), clock.instant());
                log.accept("run " + run.id() + " of " + RunHistory.node(run) + " ended " + run.state()
                        + run.errorMessage().map(e -> ": " + e).orElse("") + noRetry(run, policy, cause));
                continue;
            }
            int next = run.attempt() + 1;
            Duration delay = policy.delay(next, random);
            Instant notBefore = run.completedOn().orElseThrow().plus(delay);
            Run retry = store.settle(run.id(), Optional.of(run.request().retryOf(run.id())), notBefore)
                    .orElseThrow();
            log.accept("run " + run.id() + " of " + RunHistory.node(run) + " ended FAILED"
                    + run.errorMessage().map(e -> ": " + e).orElse("") + "; retry " + next + " of "
                    + policy.retries() + " is run " + retry.id() + ", not before " + notBefore + " (backoff "
                    + describe(policy.backoff(next)) + ", with jitter " + describe(delay) + ")");
        }
    }

    /** {@code 20s}, {@code 1m30s}, or {@code 0.7s} under a minute. */
    static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0 && duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        return Durations.format(duration);
    }

    private static String noRetry(Run run, RetryPolicy policy, ErrorCode.Category cause) {
        if (run.state() != RunState.FAILED) {
            return "";
        }
        if (cause == ErrorCode.Category.USER) {
            return " (not retried: its definition or arguments are at fault)";
        }
        return policy.retries() == 0 ? "" : " (not retried: its " + policy.retries() + " retries are used up)";
    }

    // --- requests ---

    private void serveRequests(Instant now) {
        for (SchedulerStore.Request request : store.pendingRequests()) {
            try {
                if (request.kind().equals(RESUME_REQUEST)) {
                    workflows.resume(request);
                } else {
                    firings.fireByHand(request, now);
                }
            } catch (SluiceException e) {
                store.handled(request.seq(), "refused: " + e.getMessage());
                log.accept("request " + request.seq() + " (" + request.kind().toLowerCase(java.util.Locale.ROOT) + " "
                        + request.target() + ") refused: " + e.getMessage());
            }
        }
    }

    // --- starting runs ---

    private void dispatch(Instant now) {
        int running = (int) store.open().stream()
                .filter(open -> open.run().state() == RunState.RUNNING)
                .count();
        Map<NodeRef, Integer> perNode = new HashMap<>();
        for (SchedulerStore.ScheduledRun open : store.open()) {
            Run run = open.run();
            if (run.state() != RunState.WAITING || open.notBefore().isAfter(now)) {
                continue;
            }
            NodeRef ref = RunHistory.node(run);
            Optional<Node> node = definitions.node(ref);
            if (node.isEmpty()) {
                endIfNotEnded(run, RunOutcome.failed(ref + " is not defined any more", Map.of()));
                log.accept("run " + run.id() + ": FAILED, " + ref + " is not defined any more");
                continue;
            }
            int ofNode = perNode.computeIfAbsent(ref, this::runningOf);
            if (ofNode >= node.get().maxConcurrentRuns()) {
                waits(run, ref + " has " + ofNode + " run(s) RUNNING, its max_concurrent_runs");
                continue;
            }
            if (running >= maxRunning) {
                waits(run, running + " runs are RUNNING, the scheduler's limit");
                continue;
            }
            launch(run, node.get());
            running++;
            perNode.put(ref, ofNode + 1);
        }
    }

    private int runningOf(NodeRef node) {
        return store.list(RunFilter.all().of(node.kind(), node.name()).states(RunState.RUNNING))
                .size();
    }

    private void waits(Run run, String why) {
        if (waitingLogged.add(run.id() + why)) {
            log.accept("run " + run.id() + " of " + RunHistory.node(run) + " WAITING: " + why);
        }
    }

    private void launch(Run waiting, Node node) {
        Run run = store.start(waiting.id());
        try {
            Launcher.Launch launch = launcher.launch(run, node);
            store.launched(run.id(), launch.pid());
            launches.put(run.id(), launch);
            log.accept("run " + run.id() + " of " + node.ref() + " RUNNING (trigger "
                    + run.request().trigger() + ", attempt " + (run.attempt() + 1) + ", process " + launch.pid() + ")");
        } catch (RuntimeException e) {
            String why = "cannot start its process: " + e.getMessage();
            endIfNotEnded(run, RunOutcome.failed(why, Map.of()));
            log.accept("run " + run.id() + " of " + node.ref() + ": FAILED, " + why);
        }
    }
}
