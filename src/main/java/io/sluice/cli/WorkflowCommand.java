package io.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice workflow ...}: show a workflow's DAG, resume a failed workflow run. */
@Command(
        name = "workflow",
        mixinStandardHelpOptions = true,
        description = "Workflows: what a trigger sets going, job after job; show one, resume a failed run of one.",
        subcommands = {WorkflowShowCommand.class, WorkflowResumeCommand.class})
final class WorkflowCommand implements Runnable {
    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
