package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.classify.BuiltinClassifiers;
import io.sluice.crawler.CrawlResult;
import io.sluice.crawler.Crawler;
import io.sluice.crawler.CrawlerDefinition;
import io.sluice.crawler.CrawlerDefinitions;
import io.sluice.crawler.CustomClassifiers;
import io.sluice.crawler.TableChange;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice crawl}: classify the files under paths and bring their tables into the catalog. */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        description = {
            "Crawl paths (local, hdfs://, any Hadoop file system): classify the files, group them into tables with"
                    + " partitions, and create or update those tables in the catalog.",
            "With --crawler, the definition gives the targets, policies and custom classifiers; PATHs and --database"
                    + " given here take precedence."
        })
final class CrawlCommand implements Callable<Integer> {
    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "What to crawl: folders or files.")
    private List<String> paths = List.of();

    @Option(
            names = "--database",
            paramLabel = "DB",
            description = "The catalog database for the tables (created if missing).")
    private String database;

    @Option(names = "--crawler", paramLabel = "FILE", description = "A crawler definition, such as crawler/lake.yaml.")
    private Path crawlerFile;

    @Option(names = "--dry-run", description = "Show what would be created or changed, and why, without writing.")
    private boolean dryRun;

    @Mixin
    private JsonOption json;

    /** The run this crawl is, started (RUNNING) by the scheduler, which this process ends with the crawl's outcome. */
    @Option(names = "--run-id", hidden = true, paramLabel = "RUN_ID")
    private String runId;

    @Override
    public Integer call() {
        if (runId == null) {
            return crawl();
        }
        try (RunStore runs = root.openRuns();
                StopOnExit stop = StopOnExit.register(runs, runId, "sluice was stopped while the crawl ran", Map::of)) {
            try {
                crawl();
            } catch (RuntimeException e) {
                runs.finish(
                        runId,
                        RunOutcome.failed(e instanceof SluiceException ? e.getMessage() : e.toString(), Map.of()));
                throw e;
            }
            runs.finish(runId, RunOutcome.succeeded(counters));
            return 0;
        }
    }

    private Map<String, Long> counters = Map.of();

    private int crawl() {
        CrawlerDefinition definition = definition();
        try (Catalog catalog = root.openCatalog()) {
            Crawler crawler = new Crawler(catalog, root.hadoopConfiguration(), Clock.systemUTC());
            CrawlResult result =
                    crawler.crawl(definition, BuiltinClassifiers.chain(CustomClassifiers.of(definition)), dryRun);
            counters = counters(result);
            CrawlReport report = new CrawlReport(result);
            if (json.json) {
                spec.commandLine().getOut().println(report.json());
            } else {
                report.print(spec.commandLine().getOut());
            }
        }
        return 0;
    }

    /** What a crawl run records: files found and sampled, tables created, updated and unchanged. */
    private static Map<String, Long> counters(CrawlResult result) {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("files.found", (long) result.filesFound());
        counters.put("files.sampled", (long) result.filesSampled());
        counters.put("tables.created", result.count(TableChange.Kind.CREATE));
        counters.put(
                "tables.updated",
                result.count(TableChange.Kind.UPDATE) + result.count(TableChange.Kind.REFRESH_STATISTICS));
        counters.put("tables.unchanged", result.count(TableChange.Kind.UNCHANGED));
        return counters;
    }

    private CrawlerDefinition definition() {
        if (crawlerFile == null) {
            if (database == null) {
                throw SluiceException.invalidArgument(
                        "name the catalog database with --database DB (or use --crawler FILE)");
            }
            if (paths.isEmpty()) {
                throw SluiceException.invalidArgument("name at least one PATH to crawl (or use --crawler FILE)");
            }
            return CrawlerDefinition.defaults(database, paths);
        }
        CrawlerDefinition definition = CrawlerDefinitions.read(crawlerFile);
        if (!paths.isEmpty()) {
            definition = definition.withTargets(paths);
        }
        if (database != null) {
            definition = definition.withDatabase(database);
        }
        if (definition.database().isEmpty()) {
            throw SluiceException.invalidArgument(
                    "%s names no database: add 'database:' or pass --database DB", crawlerFile);
        }
        if (definition.targets().isEmpty()) {
            throw SluiceException.invalidArgument("%s names no targets: add 'targets:' or pass PATHs", crawlerFile);
        }
        return definition;
    }
}
