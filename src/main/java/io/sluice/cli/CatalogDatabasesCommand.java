package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Database;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "databases", mixinStandardHelpOptions = true, description = "List the databases.")
final class CatalogDatabasesCommand extends CatalogSubcommand {
    @Mixin
    private JsonOption json;

    @Override
    protected void run(Catalog catalog, PrintWriter out) {
        List<Database> databases = catalog.listDatabases();
        if (json.json) {
            out.println(GlueJson.databaseList(databases));
            return;
        }
        TextTable table = TextTable.withHeader("NAME", "DESCRIPTION", "LOCATION", "CREATED");
        for (Database db : databases) {
            table.row(
                    db.name(), db.description().orElse(""), db.locationUri().orElse(""), Display.time(db.createTime()));
        }
        table.print(out);
    }
}
