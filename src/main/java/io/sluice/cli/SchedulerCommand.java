package io.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice scheduler ...}: run the scheduler, or ask how it is. */
@Command(
        name = "scheduler",
        mixinStandardHelpOptions = true,
        description = "Run jobs and crawlers on their triggers, in dependency order, with retries (docs/scheduler.md).",
        subcommands = {SchedulerStartCommand.class, SchedulerStatusCommand.class})
final class SchedulerCommand implements Runnable {
    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
