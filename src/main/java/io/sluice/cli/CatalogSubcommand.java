package io.sluice.cli;

import io.sluice.catalog.Catalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A {@code sluice catalog} subcommand: opens the catalog, does its work, closes it. */
abstract class CatalogSubcommand implements Callable<Integer> {
    @ParentCommand
    private CatalogCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        try (Catalog catalog = parent.root.openCatalog()) {
            run(catalog, spec.commandLine().getOut());
        }
        return 0;
    }

    protected abstract void run(Catalog catalog, PrintWriter out);
}
