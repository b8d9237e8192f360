package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.scheduler.Definitions;
import io.sluice.scheduler.Scheduler;
import io.sluice.scheduler.SchedulerStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice trigger fire NAME}: starts a workflow run now, through the scheduler. */
@Command(
        name = "fire",
        mixinStandardHelpOptions = true,
        description = "Fire a trigger now (an on_demand one, or any that starts a workflow); the scheduler runs it.")
final class TriggerFireCommand implements Callable<Integer> {
    @ParentCommand
    private TriggerCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DefinitionDirs dirs;

    @Parameters(paramLabel = "NAME", description = "The trigger, as 'sluice trigger list' names it.")
    private String name;

    @Override
    public Integer call() {
        Definitions definitions = dirs.load();
        var trigger = definitions.requireTrigger(name);
        if (!trigger.spec().startsWorkflow()) {
            throw SluiceException.invalidArgument(
                    "trigger %s fires on the states of other runs, not by hand (fire one that starts a workflow)",
                    name);
        }
        try (SchedulerStore store = SqliteSchedulerStore.open(parent.root.catalogDir())) {
            return SchedulerRequests.submit(
                    store,
                    Scheduler.FIRE_REQUEST,
                    name,
                    "trigger " + name,
                    spec.commandLine().getOut());
        }
    }
}
