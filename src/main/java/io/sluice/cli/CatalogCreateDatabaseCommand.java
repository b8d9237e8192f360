package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Database;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create-database", mixinStandardHelpOptions = true, description = "Create a database.")
final class CatalogCreateDatabaseCommand extends CatalogSubcommand {
    @Parameters(paramLabel = "DB", description = "The database name.")
    private String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the database holds.")
    private String description;

    @Option(names = "--location", paramLabel = "URI", description = "Default location of its tables' data.")
    private String location;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        Database database = Database.of(name);
        if (description != null) {
            database = database.withDescription(description);
        }
        if (location != null) {
            database = database.withLocationUri(location);
        }
        catalog.createDatabase(database);
        out.println("created database " + database.name());
    }
}
