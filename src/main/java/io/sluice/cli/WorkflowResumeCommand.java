package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import io.sluice.scheduler.Scheduler;
import io.sluice.scheduler.SchedulerStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice workflow resume RUN_ID}: a new workflow run that reruns the nodes of a failed one that did not
 * succeed, and what follows them, skipping those that succeeded.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Resume a workflow run that failed: rerun its jobs and crawlers that did not succeed, and what"
                + " follows them; those that succeeded are skipped.")
final class WorkflowResumeCommand implements Callable<Integer> {
    @ParentCommand
    private WorkflowCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The workflow run (wr_...), as 'sluice runs' lists it.")
    private String runId;

    @Override
    public Integer call() {
        try (SchedulerStore store = SqliteSchedulerStore.open(parent.root.catalogDir())) {
            Run run = store.get(runId)
                    .filter(r -> r.kind() == RunKind.WORKFLOW)
                    .orElseThrow(() -> SluiceException.notFound("no workflow run %s (see 'sluice runs')", runId));
            if (!run.state().isTerminal() || run.state() == RunState.SUCCEEDED) {
                throw SluiceException.invalidArgument(
                        "workflow run %s is %s: only a workflow run that ended without success is resumed",
                        runId, run.state());
            }
            return SchedulerRequests.submit(
                    store,
                    Scheduler.RESUME_REQUEST,
                    runId,
                    "workflow run " + runId,
                    spec.commandLine().getOut());
        }
    }
}
