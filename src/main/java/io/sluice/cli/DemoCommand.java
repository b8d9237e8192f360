package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice demo}: shows Sluice at work on the sample lake in {@code testdata/}, running the commands a user would
 * run and printing each before its output. It grows with Sluice.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Show Sluice at work on the sample lake in testdata/.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home =
                Path.of(System.getProperty("sluice.home", ".")).toAbsolutePath().normalize();
        Path lake = home.resolve("testdata");
        if (!Files.isDirectory(lake)) {
            throw SluiceException.notFound("sample data not found at %s (run the demo from a Sluice checkout)", lake);
        }
        out.println("Sluice demo: crawl the sample lake in " + lake + " into the catalog at "
                + root.catalogDir().toAbsolutePath().normalize());
        String crawler = home.resolve("crawler/lake.yaml").toString();
        run(out, "crawl", "--crawler", crawler, lake.toString());
        run(out, "catalog", "tables", "lake");
        run(out, "catalog", "show", "lake.sales");
        run(out, "catalog", "partitions", "lake.sales", "--where", "year = '2025'");
        run(out, "catalog", "ddl", "lake.events");
        run(out, "cat", "lake.sales", "--where", "year = '2025'", "--limit", "3");
        run(out, "cat", "lake.events", "--format", "json", "--limit", "2");
        run(out, "submit", home.resolve("jobs/daily_revenue.yaml").toString(), "--explain");
        run(out, "submit", home.resolve("jobs/daily_revenue.yaml").toString());
        run(out, "cat", "analytics.daily_revenue", "--limit", "5");
        run(out, "submit", home.resolve("jobs/big_orders.yaml").toString());
        run(out, "cat", "analytics.big_orders", "--where", "country = 'DE'");
        out.println();
        out.println("Crawling again finds nothing new: no table gets a new version.");
        run(out, "crawl", "--crawler", crawler, lake.toString());
        run(out, "catalog", "versions", "lake.sales");
        out.println();
        out.println("Every run is kept in the run history, with its counters and errors:");
        run(out, "runs", "--limit", "2");
        out.println();
        out.println("The jobs' output is in " + Path.of("out").toAbsolutePath() + ".");
        out.println("Next: try these commands yourself; add --json for the AWS Glue API shapes, see one run with");
        out.println("'sluice runs show RUN_ID', or why each table was made with 'sluice crawl --dry-run'.");
        return 0;
    }

    private void run(PrintWriter out, String... args) {
        out.println();
        out.println("$ sluice " + String.join(" ", quoted(args)));
        out.flush();
        String[] withCatalog = Stream.concat(
                        Stream.of("--catalog", root.catalogDir().toString()), Stream.of(args))
                .toArray(String[]::new);
        CommandLine commandLine = Sluice.commandLine(out, spec.commandLine().getErr());
        int exit = commandLine.execute(withCatalog);
        if (exit != 0) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR, "demo step 'sluice " + String.join(" ", args) + "' failed");
        }
    }

    private static List<String> quoted(String... args) {
        return Stream.of(args).map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList();
    }
}
