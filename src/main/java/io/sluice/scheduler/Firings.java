package io.sluice.scheduler;

import io.sluice.SluiceException;
import io.sluice.definition.Durations;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fires the triggers that are due: schedules whose time came (with their catch-up rule), conditions on other runs
 * that hold, data that arrived, and requests to fire by hand. A firing is stored once under its key, with the runs it
 * queues, so that a trigger never fires twice for the same time, condition or data; the {@link Scheduler} starts the
 * queued runs.
 */
final class Firings {
    private final Definitions definitions;
    private final SchedulerStore store;
    private final FileProbe files;
    private final Conditions conditions;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, SchedulerStore.TriggerState> watched = new LinkedHashMap<>();
    private final Set<String> waitingLogged = new HashSet<>();

    Firings(
            Definitions definitions,
            SchedulerStore store,
            FileProbe files,
            Conditions conditions,
            Clock clock,
            Consumer<String> log) {
        this.definitions = definitions;
        this.store = store;
        this.files = files;
        this.conditions = conditions;
        this.clock = clock;
        this.log = log;
    }

    /** Starts watching every trigger: one seen for the first time fires for nothing before {@code now}. */
    void watchAll(Instant now) {
        for (Trigger trigger : definitions.triggers()) {
            watched.put(trigger.name(), store.watch(trigger.name(), now));
        }
    }

    /** Fires each trigger that is due at {@code now}. */
    void fireDue(Instant now) {
        for (Trigger trigger : definitions.triggers()) {
            SchedulerStore.TriggerState state = watched.computeIfAbsent(trigger.name(), name -> store.watch(name, now));
            if (trigger.spec() instanceof TriggerSpec.Schedule schedule) {
                schedule(trigger, schedule, state, now);
            } else if (trigger.spec() instanceof TriggerSpec.After) {
                after(trigger, state);
            } else if (trigger.spec() instanceof TriggerSpec.Data data) {
                data(trigger, data, state, now);
            }
        }
    }

    void fireByHand(SchedulerStore.Request request, Instant now) {
        Trigger trigger = definitions.requireTrigger(request.target());
        if (!trigger.spec().startsWorkflow()) {
            throw SluiceException.invalidArgument(
                    "trigger %s fires on the states of other runs, not by hand (fire one that starts a workflow)",
                    trigger.name());
        }
        start(
                trigger,
                "request:" + request.seq(),
                Optional.empty(),
                now,
                OptionalLong.of(request.seq()),
                "fired by hand (sluice trigger fire " + trigger.name() + ")");
    }

    private void schedule(
            Trigger trigger, TriggerSpec.Schedule schedule, SchedulerStore.TriggerState state, Instant now) {
        Instant from = state.watermark().orElse(state.since());
        List<Instant> due = schedule.cron().between(from, now, Scheduler.MAX_CATCHUP);
        if (due.isEmpty()) {
            return;
        }
        Instant latest = due.get(due.size() - 1);
        switch (schedule.catchup()) {
            case ALL -> due.forEach(time -> start(
                    trigger,
                    time.toString(),
                    Optional.of(time),
                    now,
                    OptionalLong.empty(),
                    "its schedule " + schedule.cron() + " was due at " + time
                            + (due.size() > 1 ? " (catchup: all, " + due.size() + " times due)" : "")));
            case LAST -> start(
                    trigger,
                    latest.toString(),
                    Optional.of(latest),
                    now,
                    OptionalLong.empty(),
                    "its schedule " + schedule.cron() + " was due at " + latest
                            + (due.size() > 1
                                    ? " (catchup: last; " + (due.size() - 1) + " earlier times skipped)"
                                    : ""));
            case NONE -> {
                if (Duration.between(latest, now).compareTo(Scheduler.ON_TIME) <= 0) {
                    start(
                            trigger,
                            latest.toString(),
                            Optional.of(latest),
                            now,
                            OptionalLong.empty(),
                            "its schedule " + schedule.cron() + " was due at " + latest
                                    + (due.size() > 1
                                            ? " (catchup: none; " + (due.size() - 1) + " missed times skipped)"
                                            : ""));
                } else {
                    store.advance(trigger.name(), latest);
                    log.accept("trigger " + trigger.name() + " skipped " + due.size() + " missed time(s) up to "
                            + latest + " (catchup: none)");
                }
            }
        }
        watched.put(trigger.name(), new SchedulerStore.TriggerState(state.since(), Optional.of(latest)));
    }

    private void after(Trigger trigger, SchedulerStore.TriggerState state) {
        for (Conditions.Due due : conditions.due(trigger, state.since())) {
            Map<String, String> properties =
                    due.workflowRun().map(w -> w.request().arguments()).orElse(trigger.properties());
            RunRequest.Builder request = nodeRequest(trigger, properties);
            due.workflowRun().ifPresent(w -> request.workflowRunId(w.id()));
            store.fire(new SchedulerStore.Firing(
                            trigger.name(),
                            due.key(),
                            Optional.empty(),
                            Optional.empty(),
                            List.of(request.build()),
                            clock.instant(),
                            OptionalLong.empty()))
                    .ifPresent(fired -> log.accept("trigger " + trigger.name() + " fired: " + due.reason()
                            + "; queued run " + fired.nodes().get(0).id() + " of " + trigger.target()));
        }
    }

    private void data(Trigger trigger, TriggerSpec.Data data, SchedulerStore.TriggerState state, Instant now) {
        Instant seen = state.watermark().orElse(state.since());
        Optional<Instant> newest = Optional.empty();
        String reason = null;
        if (data.doneFlag().isPresent()) {
            String flag =
                    data.path().replaceAll("/+$", "") + "/" + data.doneFlag().get();
            Optional<Instant> modified = files.modified(flag);
            if (modified.isPresent() && modified.get().isAfter(seen)) {
                newest = modified;
                reason = "its done flag " + flag + " appeared (" + modified.get() + ")";
            }
        }
        if (reason == null && (data.minFiles().isPresent() || data.quietWindow().isPresent())) {
            List<FileProbe.DataFile> fresh = files.list(data.path()).stream()
                    .filter(f -> f.modified().isAfter(seen))
                    .toList();
            if (fresh.isEmpty()) {
                return;
            }
            Instant last = fresh.stream()
                    .map(FileProbe.DataFile::modified)
                    .max(Instant::compareTo)
                    .orElseThrow();
            boolean enough = data.minFiles().isPresent()
                    && fresh.size() >= data.minFiles().getAsInt();
            boolean quiet = data.quietWindow().isPresent()
                    && Duration.between(last, now).compareTo(data.quietWindow().get()) >= 0;
            if (enough || quiet) {
                newest = Optional.of(last);
                reason = fresh.size() + " new file(s) under " + data.path()
                        + (enough
                                ? " (min_files " + data.minFiles().getAsInt() + ")"
                                : ", none for "
                                        + Durations.format(data.quietWindow().get()) + " (quiet_window)");
            } else if (waitingLogged.add(trigger.name() + "@" + last)) {
                log.accept("trigger " + trigger.name() + " waits: " + fresh.size() + " new file(s) under "
                        + data.path()
                        + data.minFiles().stream()
                                .mapToObj(n -> ", fires at " + n)
                                .findFirst()
                                .orElse("")
                        + data.quietWindow()
                                .map(q -> ", or after " + Durations.format(q) + " without more")
                                .orElse(""));
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        start(trigger, "data:" + newest.get().toEpochMilli(), newest, now, OptionalLong.empty(), reason);
        watched.put(trigger.name(), new SchedulerStore.TriggerState(state.since(), newest));
    }

    /** Fires a trigger that starts a workflow run: the workflow run and the first node's run, queued. */
    private void start(
            Trigger trigger,
            String key,
            Optional<Instant> watermark,
            Instant now,
            OptionalLong request,
            String reason) {
        RunRequest workflow = RunRequest.builder(RunKind.WORKFLOW, trigger.name())
                .trigger(trigger.name())
                .arguments(trigger.properties())
                .build();
        store.fire(new SchedulerStore.Firing(
                        trigger.name(),
                        key,
                        watermark,
                        Optional.of(workflow),
                        List.of(nodeRequest(trigger, trigger.properties()).build()),
                        now,
                        request))
                .ifPresent(fired -> log.accept("trigger " + trigger.name() + " fired: " + reason + "; workflow run "
                        + fired.workflow().orElseThrow().id() + ", queued run "
                        + fired.nodes().get(0).id() + " of "
                        + trigger.target()));
    }

    /** A run of the trigger's node with the run properties it takes. */
    private RunRequest.Builder nodeRequest(Trigger trigger, Map<String, String> properties) {
        Node node = definitions.requireNode(trigger.target(), "trigger " + trigger.name());
        Map<String, String> arguments = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (node.argumentNames().contains(key)) {
                arguments.put(key, value);
            }
        });
        return RunRequest.builder(node.ref().kind(), node.ref().name())
                .definitionFile(node.file())
                .arguments(arguments)
                .trigger(trigger.name());
    }
}
