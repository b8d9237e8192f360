package io.sluice.scheduler;

import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Workflow runs: ends one when none of its runs is left to run or retry ({@code SUCCEEDED} when the latest run of
 * each node succeeded, else {@code FAILED} naming the nodes and how to resume), and resumes one that did not succeed
 * as a new workflow run that reruns only the nodes that did not.
 */
final class WorkflowRuns {
    private final SchedulerStore store;
    private final RunHistory history;
    private final Clock clock;
    private final Consumer<String> log;

    WorkflowRuns(SchedulerStore store, RunHistory history, Clock clock, Consumer<String> log) {
        this.store = store;
        this.history = history;
        this.clock = clock;
        this.log = log;
    }

    void complete() {
        for (Run workflow : store.list(RunFilter.all().kind(RunKind.WORKFLOW).states(RunState.RUNNING))) {
            List<Run> runs = history.inWorkflow(workflow.id());
            // A run retried is done, its retry is one of the runs; one not yet dealt with may still be retried.
            if (runs.stream().anyMatch(run -> !run.state().isTerminal() || !store.settled(run.id()))) {
                continue;
            }
            List<String> chain = history.chain(workflow.id());
            Map<NodeRef, Run> latest = new LinkedHashMap<>();
            for (String id : chain) {
                for (Run run : history.inWorkflow(id)) {
                    latest.putIfAbsent(RunHistory.node(run), run);
                }
            }
            List<String> failed = latest.values().stream()
                    .filter(run -> run.state() != RunState.SUCCEEDED)
                    .map(run -> RunHistory.node(run) + " " + run.state())
                    .toList();
            RunOutcome outcome = failed.isEmpty()
                    ? RunOutcome.succeeded(Map.of())
                    : RunOutcome.failed(
                            String.join(", ", failed) + "; resume with: sluice workflow resume " + workflow.id(),
                            Map.of());
            if (store.finishUnlessEnded(workflow.id(), outcome)) {
                log.accept("workflow run " + workflow.id() + " of " + workflow.name() + " ended " + outcome.state()
                        + " (" + latest.size() + " node(s)" + (failed.isEmpty() ? "" : ": " + String.join(", ", failed))
                        + ")");
            }
        }
    }

    /** Resumes a workflow run that did not succeed: a new workflow run that reruns its nodes that did not succeed. */
    void resume(SchedulerStore.Request request) {
        Run old = store.get(request.target())
                .filter(r -> r.kind() == RunKind.WORKFLOW)
                .orElseThrow(() -> SluiceException.notFound("no workflow run %s", request.target()));
        if (!old.state().isTerminal() || old.state() == RunState.SUCCEEDED) {
            throw SluiceException.invalidArgument(
                    "workflow run %s is %s: only a workflow run that ended without success is resumed",
                    old.id(), old.state());
        }
        Map<NodeRef, Run> latest = new LinkedHashMap<>();
        for (String id : history.chain(old.id())) {
            for (Run run : history.inWorkflow(id)) {
                latest.putIfAbsent(RunHistory.node(run), run);
            }
        }
        List<RunRequest> rerun = latest.values().stream()
                .filter(run -> run.state() != RunState.SUCCEEDED)
                .map(run -> RunRequest.builder(run.kind(), run.name())
                        .definitionFile(run.request().definitionFile().orElse(""))
                        .arguments(run.request().arguments())
                        .trigger(run.request().trigger())
                        .build())
                .toList();
        store.fire(new SchedulerStore.Firing(
                        Scheduler.RESUME,
                        old.id(),
                        Optional.empty(),
                        Optional.of(old.request().retryOf(old.id())),
                        rerun,
                        clock.instant(),
                        OptionalLong.of(request.seq())))
                .ifPresentOrElse(
                        fired -> log.accept("workflow run " + old.id() + " resumed as "
                                + fired.workflow().orElseThrow().id()
                                + ": rerunning "
                                + fired.nodes().stream()
                                        .map(r -> RunHistory.node(r).toString())
                                        .toList()
                                + ", skipping " + (latest.size() - rerun.size()) + " node(s) that succeeded"),
                        () -> store.handled(
                                request.seq(), "refused: workflow run " + old.id() + " was resumed already"));
    }
}
