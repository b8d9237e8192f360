package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "drop-database",
        mixinStandardHelpOptions = true,
        description = "Drop a database from the catalog (data files stay).")
final class CatalogDropDatabaseCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB", description = "The database.")
    private String name;

    @Option(names = "--cascade", description = "Drop its tables too; without it the database must be empty.")
    private boolean cascade;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        if (catalog.getDatabase(name).isEmpty()) {
            throw SluiceException.notFound("database '%s' does not exist", name);
        }
        catalog.dropDatabase(name, cascade);
        out.println("dropped database " + name.toLowerCase(java.util.Locale.ROOT));
    }
}
