package io.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice fs}: moves data into the file system of the cluster {@code --cluster} names, and lists it. */
@Command(
        name = "fs",
        mixinStandardHelpOptions = true,
        description = "Copy local files into the cluster's file system (--cluster) and list it.",
        subcommands = {FsPutCommand.class, FsLsCommand.class})
final class FsCommand implements Runnable {
    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
