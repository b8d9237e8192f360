package io.sluice.cli;

import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.runs.RunState;
import io.sluice.scheduler.SchedulerStatus;
import io.sluice.scheduler.SchedulerStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice scheduler status}: whether a scheduler runs on this catalog, and its queue. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Whether a scheduler runs on this catalog, since when, and its runs RUNNING and WAITING.")
final class SchedulerStatusCommand implements Callable<Integer> {
    @ParentCommand
    private SchedulerCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SchedulerStore store = SqliteSchedulerStore.open(parent.root.catalogDir())) {
            Optional<SchedulerStatus> status = store.status();
            Instant now = Instant.now();
            if (status.isEmpty()) {
                out.println("scheduler: never started on this catalog (sluice scheduler start)");
            } else if (status.get().running(now)) {
                out.printf(
                        "scheduler: running (process %s) since %s, last seen %s; %s%n",
                        status.get().owner(),
                        Display.time(Optional.of(status.get().startedOn())),
                        Display.time(Optional.of(status.get().heartbeatOn())),
                        status.get().definitions());
            } else {
                out.printf(
                        "scheduler: not running (last: process %s, %s)%n",
                        status.get().owner(),
                        status.get()
                                .stoppedOn()
                                .map(t -> "stopped " + Display.time(Optional.of(t)))
                                .orElse("last seen "
                                        + Display.time(Optional.of(status.get().heartbeatOn()))
                                        + ", it did not stop cleanly"));
            }
            List<SchedulerStore.ScheduledRun> open = store.open();
            long running = open.stream()
                    .filter(r -> r.run().state() == RunState.RUNNING)
                    .count();
            long waiting = open.stream()
                    .filter(r -> r.run().state() == RunState.WAITING)
                    .count();
            out.printf(
                    "runs: %d RUNNING, %d WAITING; requests not yet served: %d%n",
                    running, waiting, store.pendingRequests().size());
            TextTable table = TextTable.withHeader("RUN", "NAME", "STATE", "TRIGGER", "ATTEMPT", "NOT BEFORE");
            for (SchedulerStore.ScheduledRun run : open) {
                if (!run.run().state().isTerminal()) {
                    table.row(
                            run.run().id(),
                            Display.kind(run.run().kind()) + " " + run.run().name(),
                            run.run().state(),
                            run.run().request().trigger(),
                            run.run().attempt() + 1,
                            run.run().state() == RunState.WAITING ? Display.time(Optional.of(run.notBefore())) : "-");
                }
            }
            if (running + waiting > 0) {
                table.print(out);
            }
        }
        return 0;
    }
}
