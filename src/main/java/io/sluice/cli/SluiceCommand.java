package io.sluice.cli;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.sqlite.SqliteCatalog;
import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.cluster.HadoopConfigurations;
import io.sluice.runs.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code sluice}: the root command, holding the options every subcommand shares. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Batch ETL in MapReduce style on Hadoop: crawl data into a Hive-style catalog, run jobs.",
        footer = {"", "Exit codes: 0 success, 1 the job or crawl failed, 2 bad usage or invalid input."})
public final class SluiceCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. Not in {@code @Command(subcommands)}: {@link Sluice} adds only
     * the one a command line runs, since building every command's model costs a quarter of a small job's start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CrawlCommand.class,
            InspectCommand.class,
            CatCommand.class,
            SubmitCommand.class,
            CatalogCommand.class,
            RunsCommand.class,
            SchedulerCommand.class,
            TriggerCommand.class,
            WorkflowCommand.class,
            DemoCommand.class,
            MiniclusterCommand.class,
            FsCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--catalog",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where the catalog and run history live (default: $SLUICE_CATALOG, else ./catalog).")
    private Path catalogDir;

    @Option(
            names = "--cluster",
            scope = ScopeType.INHERIT,
            paramLabel = "CONF_DIR",
            description = "Run against the Hadoop cluster whose *-site.xml files are in CONF_DIR (as 'sluice"
                    + " minicluster' writes them): paths without a scheme are on its file system, jobs run on its"
                    + " YARN (default: $HADOOP_CONF_DIR, else local files and the embedded LocalJobRunner).")
    private Path clusterConfDir;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    private boolean stacktrace;

    /** The local Hadoop configuration, once read; never handed out, only copies of it. */
    private Configuration localHadoop;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the catalog chosen by {@code --catalog}; the caller closes it. */
    Catalog openCatalog() {
        return SqliteCatalog.open(catalogDir());
    }

    /** Opens the run history kept with the catalog chosen by {@code --catalog}; the caller closes it. */
    RunStore openRuns() {
        return SqliteRunStore.open(catalogDir());
    }

    /**
     * The Hadoop configuration commands run with: the cluster's ({@code --cluster}) or the embedded local one. Each
     * call gives a configuration of its own to change. The local one is read once per command and copied: reading
     * Hadoop's default files again took 30 ms once warm, over 100 ms at the start. A cluster's is read each time, as
     * its folder may be rewritten while a scheduler runs (a mini-cluster restarted on other ports).
     */
    Configuration hadoopConfiguration() {
        Optional<Path> cluster = clusterConfDir();
        return cluster.isPresent() ? HadoopConfigurations.cluster(cluster.get()) : new Configuration(localHadoop());
    }

    private synchronized Configuration localHadoop() {
        if (localHadoop == null) {
            localHadoop = HadoopConfigurations.local();
        }
        return localHadoop;
    }

    /** The cluster configuration folder: {@code --cluster}, else {@code $HADOOP_CONF_DIR}, else none (local). */
    Optional<Path> clusterConfDir() {
        return clusterConfDir != null ? Optional.of(clusterConfDir) : clusterFromEnvironment();
    }

    /** {@code $HADOOP_CONF_DIR}, when it is set. */
    static Optional<Path> clusterFromEnvironment() {
        String fromEnvironment = System.getenv("HADOOP_CONF_DIR");
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(fromEnvironment));
    }

    Path catalogDir() {
        if (catalogDir != null) {
            return catalogDir;
        }
        String fromEnvironment = System.getenv("SLUICE_CATALOG");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "catalog" : fromEnvironment);
    }

    boolean stacktrace() {
        return stacktrace;
    }
}
