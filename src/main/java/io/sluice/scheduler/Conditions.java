package io.sluice.scheduler;

import io.sluice.runs.Run;
import io.sluice.runs.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides when a condition trigger fires, from the run history alone (so a restarted scheduler decides the same):
 * within a workflow run, once the latest runs of the nodes it names are final and in the states it asks for (ALL) or
 * one of them is (ANY); a workflow run resumed from another sees the runs of that one too. Runs outside workflows
 * (submitted by hand) fire it once per set of runs that satisfy it. Only runs that ended after the trigger began to be
 * watched count.
 */
final class Conditions {
    /** A firing a condition trigger is due for: the key that makes it once only, the workflow run, and why. */
    record Due(String key, Optional<Run> workflowRun, String reason) {}

    private final RunHistory history;

    Conditions(RunHistory history) {
        this.history = history;
    }

    List<Due> due(Trigger trigger, Instant since) {
        TriggerSpec.After after = (TriggerSpec.After) trigger.spec();
        Map<NodeRef, List<Run>> recent = new TreeMap<>();
        Set<String> workflowRuns = new LinkedHashSet<>();
        List<Run> outside = new ArrayList<>();
        for (TriggerSpec.Condition condition : after.conditions()) {
            List<Run> runs = history.recent(condition.node());
            recent.put(condition.node(), runs);
            for (Run run : runs) {
                if (run.completedOn().isEmpty() || run.completedOn().get().isBefore(since)) {
                    continue;
                }
                if (run.request().workflowRunId().isPresent()) {
                    workflowRuns.add(run.request().workflowRunId().get());
                } else {
                    outside.add(run);
                }
            }
        }
        List<Due> due = new ArrayList<>();
        for (String workflowRunId : workflowRuns) {
            inWorkflow(trigger, after, workflowRunId).ifPresent(due::add);
        }
        due.addAll(outsideWorkflows(after, recent, outside));
        return due;
    }

    private Optional<Due> inWorkflow(Trigger trigger, TriggerSpec.After after, String workflowRunId) {
        Optional<Run> workflowRun = history.workflowRun(workflowRunId);
        if (workflowRun.isEmpty() || workflowRun.get().state() != RunState.RUNNING) {
            return Optional.empty(); // a workflow run that ended starts nothing more
        }
        List<String> chain = history.chain(workflowRunId);
        Optional<Run> target = history.latestIn(chain, trigger.target());
        if (target.isPresent() && target.get().state() == RunState.SUCCEEDED) {
            return Optional.empty(); // a resumed workflow run skips what already succeeded
        }
        int held = 0;
        boolean own = false;
        List<String> why = new ArrayList<>();
        for (TriggerSpec.Condition condition : after.conditions()) {
            Optional<Run> latest = history.latestIn(chain, condition.node());
            if (latest.isEmpty() || !history.isFinal(latest.get())) {
                continue;
            }
            if (latest.get().state() == condition.state()) {
                held++;
                boolean inThisRun = latest.get().request().workflowRunId().equals(Optional.of(workflowRunId));
                own |= inThisRun;
                why.add(condition.node() + " " + condition.state() + " (run "
                        + latest.get().id() + ")");
            }
        }
        boolean fires = after.logic() == TriggerSpec.Logic.ALL
                ? held == after.conditions().size()
                : held > 0;
        if (!fires || !own) {
            return Optional.empty();
        }
        return Optional.of(new Due(
                "workflow:" + workflowRunId,
                workflowRun,
                after.logic() + " of its conditions hold in workflow run " + workflowRunId + ": "
                        + String.join(", ", why)));
    }

    private List<Due> outsideWorkflows(TriggerSpec.After after, Map<NodeRef, List<Run>> recent, List<Run> outside) {
        if (outside.isEmpty()) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        if (after.logic() == TriggerSpec.Logic.ANY) {
            for (Run run : outside) {
                for (TriggerSpec.Condition condition : after.conditions()) {
                    if (condition.node().equals(RunHistory.node(run))
                            && run.state() == condition.state()
                            && history.isFinal(run, recent.get(condition.node()))) {
                        due.add(new Due(
                                "run:" + run.id(),
                                Optional.empty(),
                                "ANY of its conditions holds: " + condition + " (run " + run.id() + ")"));
                    }
                }
            }
            return due;
        }
        List<String> ids = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (TriggerSpec.Condition condition : after.conditions()) {
            Optional<Run> latest = recent.get(condition.node()).stream()
                    .filter(r -> r.request().workflowRunId().isEmpty())
                    .findFirst();
            if (latest.isEmpty()
                    || !history.isFinal(latest.get(), recent.get(condition.node()))
                    || latest.get().state() != condition.state()) {
                return List.of();
            }
            ids.add(latest.get().id());
            why.add(condition + " (run " + latest.get().id() + ")");
        }
        if (ids.stream().noneMatch(id -> outside.stream().anyMatch(r -> r.id().equals(id)))) {
            return List.of();
        }
        return List.of(new Due(
                "runs:" + String.join(",", ids),
                Optional.empty(),
                "ALL of its conditions hold: " + String.join(", ", why)));
    }
}
