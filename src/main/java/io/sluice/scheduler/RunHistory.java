package io.sluice.scheduler;

import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The questions the scheduler asks of the run history: which runs of a node are final (ended, and not followed by a
 * retry, nor about to be), and what runs a workflow run and those it resumes hold.
 */
final class RunHistory {
    /** How many of a node's latest runs a condition looks at. */
    static final int RECENT = 200;

    private final SchedulerStore store;

    RunHistory(SchedulerStore store) {
        this.store = store;
    }

    /** A node's latest runs, newest first. */
    List<Run> recent(NodeRef node) {
        return store.list(RunFilter.all().of(node.kind(), node.name()).limit(RECENT));
    }

    /** Ended, and no retry follows or will: the run whose state a condition sees. */
    boolean isFinal(Run run, List<Run> sameNode) {
        if (!run.state().isTerminal()) {
            return false;
        }
        boolean retried =
                sameNode.stream().anyMatch(r -> r.request().previousRunId().equals(Optional.of(run.id())));
        return !retried && store.settled(run.id());
    }

    /** The workflow run and those it resumes, newest first. */
    List<String> chain(String workflowRunId) {
        List<String> chain = new ArrayList<>();
        Optional<String> id = Optional.of(workflowRunId);
        while (id.isPresent() && !chain.contains(id.get())) {
            chain.add(id.get());
            id = store.get(id.get()).flatMap(r -> r.request().previousRunId());
        }
        return chain;
    }

    /** The latest run of a node in a workflow run or, failing that, in the runs it resumes. */
    Optional<Run> latestIn(List<String> chain, NodeRef node) {
        for (String workflowRunId : chain) {
            List<Run> runs = store.list(RunFilter.all()
                    .of(node.kind(), node.name())
                    .workflowRunId(workflowRunId)
                    .limit(1));
            if (!runs.isEmpty()) {
                return Optional.of(runs.get(0));
            }
        }
        return Optional.empty();
    }

    /** A workflow run by its id. */
    Optional<Run> workflowRun(String workflowRunId) {
        return store.get(workflowRunId).filter(r -> r.kind() == RunKind.WORKFLOW);
    }

    /** The runs of a workflow run, newest first. */
    List<Run> inWorkflow(String workflowRunId) {
        return store.list(RunFilter.all().workflowRunId(workflowRunId));
    }

    /** Whether a run is final, looking up the other runs of its node. */
    boolean isFinal(Run run) {
        return isFinal(run, recent(new NodeRef(run.kind(), run.name())));
    }

    static NodeRef node(Run run) {
        return new NodeRef(run.kind(), run.name());
    }

    static boolean isNode(Run run) {
        return run.kind() != RunKind.WORKFLOW;
    }
}
