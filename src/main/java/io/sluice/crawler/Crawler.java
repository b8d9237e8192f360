package io.sluice.crawler;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.classify.ClassifierChain;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Crawls data directories into the catalog: walks each target through Hadoop's {@link FileSystem}, classifies the
 * files from samples, groups them into tables with partitions, and brings the catalog up to date under the crawler's
 * policies. Listing and sampling run on a pool of threads, since both wait on storage.
 */
public final class Crawler {
    private static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final Catalog catalog;
    private final Configuration configuration;
    private final Clock clock;

    public Crawler(Catalog catalog, Configuration configuration, Clock clock) {
        this.catalog = catalog;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Crawls with the given classifiers (custom ones first); a dry run decides everything and writes nothing. */
    public CrawlResult crawl(CrawlerDefinition definition, ClassifierChain classifiers, boolean dryRun) {
        if (definition.targets().isEmpty()) {
            throw SluiceException.invalidArgument(
                    "crawler %s has no targets: name at least one path", definition.name());
        }
        Instant start = clock.instant();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            FileWalker walker = new FileWalker(executor, new Exclusions(definition.exclusions()));
            Sampler sampler = new Sampler(executor, classifiers, definition.sampleBytes(), definition.filesPerFolder());
            TablePlanner planner =
                    new TablePlanner(definition.tableLevel(), definition.tablePrefix(), definition.partitionTypes());
            List<TableCandidate> tables = new ArrayList<>();
            List<String> qualifiedTargets = new ArrayList<>();
            List<String> decisions = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            KnownFolders known = definition.recrawl() == CrawlerDefinition.RecrawlBehavior.NEW_FOLDERS_ONLY
                    ? KnownFolders.of(catalog, definition)
                    : KnownFolders.none();
            int found = 0;
            int sampled = 0;
            int excluded = 0;
            for (String target : definition.targets()) {
                Path path = new Path(target);
                FileSystem fs = fileSystem(path);
                Listing listing = walker.walk(fs, fs.makeQualified(path));
                qualifiedTargets.add(listing.target().toString());
                listing.skipped().stream()
                        .filter(s -> !s.excluded())
                        .forEach(s -> warnings.add(new Path(listing.target(), s.path()) + ": " + s.reason()));
                excluded += (int) listing.skipped().stream()
                        .filter(Listing.Skipped::excluded)
                        .count();
                List<FileVerdict> verdicts = sampler.classify(fs, listing.files(), known);
                for (FileVerdict verdict : verdicts) {
                    verdict.problem().ifPresent(p -> warnings.add(verdict.file() + ": " + p));
                }
                found += verdicts.size();
                sampled += (int) verdicts.stream().filter(FileVerdict::sampled).count();
                TablePlanner.PlannedTables planned = planner.plan(listing.target(), verdicts);
                tables.addAll(planned.tables());
                decisions.addAll(planned.decisions());
                warnings.addAll(planned.warnings());
            }
            CatalogSync sync = new CatalogSync(catalog, definition, clock);
            CrawlPlan plan = sync.plan(tables, qualifiedTargets);
            if (!dryRun) {
                sync.apply(plan);
            }
            Duration elapsed = Duration.between(start, clock.instant());
            return new CrawlResult(definition, dryRun, plan, found, sampled, excluded, decisions, warnings, elapsed);
        } catch (IOException e) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE, "crawl of " + definition.targets() + " failed: " + e.getMessage(), e);
        } finally {
            executor.shutdownNow();
        }
    }

    private FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(configuration);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sluice-crawl-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
