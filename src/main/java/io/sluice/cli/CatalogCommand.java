package io.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice catalog ...}: look into and change the Hive-style catalog. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Look into and change the catalog: databases, tables, partitions, versions, Hive DDL.",
        subcommands = {
            CatalogDatabasesCommand.class,
            CatalogTablesCommand.class,
            CatalogShowCommand.class,
            CatalogPartitionsCommand.class,
            CatalogDdlCommand.class,
            CatalogVersionsCommand.class,
            CatalogCreateDatabaseCommand.class,
            CatalogDropTableCommand.class,
            CatalogDropDatabaseCommand.class
        })
final class CatalogCommand implements Runnable {
    @ParentCommand
    SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
