package io.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice trigger ...}: list the triggers, fire one. */
@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = "The triggers defined with the jobs and crawlers: list them, fire one by hand.",
        subcommands = {TriggerListCommand.class, TriggerFireCommand.class})
final class TriggerCommand implements Runnable {
    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
