package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice minicluster}: HDFS and YARN in this process until Ctrl-C ({@link MiniclusterRunner}). Hadoop's
 * mini-cluster classes are not on the class path jobs run with: {@code bin/sluice} adds them for this command only, and
 * without them this command says so.
 */
@Command(
        name = "minicluster",
        mixinStandardHelpOptions = true,
        description = {
            "Start HDFS and YARN (with MapReduce and its job history server) in this process, write their"
                    + " core-site.xml, hdfs-site.xml, yarn-site.xml and mapred-site.xml into the conf dir, print"
                    + " their addresses and run until interrupted (Ctrl-C stops them cleanly).",
            "Then: sluice --cluster CONF_DIR fs put testdata /, crawl, submit, cat ... run on it."
        })
final class MiniclusterCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--conf-dir",
            paramLabel = "DIR",
            defaultValue = "minicluster/conf",
            description =
                    "Where the *-site.xml files are written once the cluster is ready (default: ${DEFAULT-VALUE}).")
    private Path confDir;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "minicluster/data",
            description = "Where HDFS keeps its blocks; emptied at start (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(
            names = "--datanodes",
            paramLabel = "N",
            defaultValue = "1",
            description = "HDFS data nodes (default: ${DEFAULT-VALUE}).")
    private int datanodes;

    @Option(
            names = "--nodemanagers",
            paramLabel = "N",
            defaultValue = "1",
            description = "YARN node managers, 4 GB of containers each (default: ${DEFAULT-VALUE}).")
    private int nodeManagers;

    @Override
    public Integer call() throws Exception {
        if (datanodes < 1 || nodeManagers < 1) {
            throw SluiceException.invalidArgument("--datanodes and --nodemanagers must be at least 1");
        }
        try {
            return MiniclusterRunner.run(
                    confDir,
                    dataDir,
                    datanodes,
                    nodeManagers,
                    spec.commandLine().getOut());
        } catch (NoClassDefFoundError e) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "cannot start the mini-cluster: " + e.getMessage() + " is not on the class path; "
                            + "start it with bin/sluice minicluster");
        }
    }
}
