package io.sluice.cluster;

import io.sluice.SluiceException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.KeyGenerator;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.counters.Limits;
import org.apache.hadoop.mapreduce.util.ConfigUtil;
import org.apache.hadoop.security.UserGroupInformation;

/** The Hadoop configurations Sluice runs with. */
public final class HadoopConfigurations {
    /** The files of a cluster's configuration folder, in the order Hadoop reads them. */
    public static final List<String> SITE_FILES =
            List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml");

    /** Hadoop's switch between a started metrics system and one in standby (a system property or variable). */
    private static final String METRICS_INIT_MODE = "hadoop.metrics.init.mode";

    /** The local configuration being read ahead ({@link #readLocalAhead}), until {@link #local()} takes it. */
    private static final AtomicReference<CompletableFuture<Configuration>> readAhead = new AtomicReference<>();

    private HadoopConfigurations() {}

    /**
     * The embedded default: local file system and the LocalJobRunner. The process's local file system neither checks
     * nor writes Hadoop's {@code .crc} side files: other tools leave them stale, and Sluice's outputs do not need
     * them.
     */
    public static Configuration local() {
        CompletableFuture<Configuration> ahead = readAhead.getAndSet(null);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException e) {
                // read again below, where a failure is the caller's
            }
        }
        return readLocal();
    }

    /**
     * Starts reading {@link #local()}'s configuration on a thread of its own, for a command that will run local jobs:
     * the first {@code local()} then takes it. Reading Hadoop's defaults and starting its user and file system state
     * take ~100 ms at the start of a process, the main thread meanwhile builds the command line, opens the catalog
     * and reads the job, and the second core is mostly idle then. The same thread also makes, in advance, what the
     * first local job would make on the main thread: the platform MBean server (Hadoop's metrics register with it
     * when the local runner starts, ~30 ms), an XML transformer (writing {@code job.xml}), the process's secure random
     * numbers (a run's id) and the key generator of a job's shuffle secret (~20 ms at a job's submission).
     *
     * <p>Such a process also keeps Hadoop's metrics system in standby (unless {@code hadoop.metrics.init.mode} says
     * otherwise): the local runner's metrics are only published over JMX, which nothing reads in a command's short
     * life, and starting the system read its configuration files and registered its sources on the main thread
     * (~50 ms).
     */
    public static void readLocalAhead() {
        CompletableFuture<Configuration> ahead = new CompletableFuture<>();
        if (!readAhead.compareAndSet(null, ahead)) {
            return;
        }
        if (System.getProperty(METRICS_INIT_MODE) == null && System.getenv(METRICS_INIT_MODE) == null) {
            System.setProperty(METRICS_INIT_MODE, "STANDBY");
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        ahead.complete(readLocal());
                    } catch (RuntimeException | Error e) {
                        ahead.completeExceptionally(e);
                        return;
                    }
                    warmUpLocalJobs();
                },
                "sluice-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes what the first local job would make on the main thread; a failure only means it is made there. */
    private static void warmUpLocalJobs() {
        try {
            UUID.randomUUID();
            ManagementFactory.getPlatformMBeanServer();
            KeyGenerator.getInstance("HmacSHA1").init(64);
            TransformerFactory.newInstance()
                    .newTransformer()
                    .transform(
                            new StreamSource(new StringReader("<configuration/>")),
                            new StreamResult(new StringWriter()));
        } catch (TransformerException | NoSuchAlgorithmException | RuntimeException e) {
            // nothing is lost: the job makes them itself
        }
    }

    private static Configuration readLocal() {
        Configuration conf = withAllDefaults();
        conf.set(NioLocalFileSystem.IMPL, NioLocalFileSystem.class.getName());
        shareWithHadoop(conf);
        relaxLocalChecksums(conf);
        return conf;
    }

    /**
     * A cluster's configuration: its {@code *-site.xml} files in {@code confDir} (a {@code HADOOP_CONF_DIR}, or the
     * folder {@code sluice minicluster} writes) over Hadoop's defaults. Paths without a scheme then resolve against
     * the cluster's default file system, and jobs run where its {@code mapreduce.framework.name} says (YARN).
     */
    public static Configuration cluster(Path confDir) {
        if (!Files.isDirectory(confDir)) {
            throw SluiceException.invalidArgument(
                    "cluster configuration folder %s does not exist (a folder of *-site.xml files, such as the one"
                            + " 'sluice minicluster' writes)",
                    confDir);
        }
        if (!Files.isRegularFile(confDir.resolve("core-site.xml"))) {
            throw SluiceException.invalidArgument(
                    "%s has no core-site.xml: it is not a cluster configuration folder (a mini-cluster writes it"
                            + " once it is ready)",
                    confDir);
        }
        Configuration conf = withAllDefaults();
        for (String name : SITE_FILES) {
            Path file = confDir.resolve(name);
            if (Files.isRegularFile(file)) {
                conf.addResource(
                        new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()));
            }
        }
        shareWithHadoop(conf);
        relaxLocalChecksums(conf);
        return conf;
    }

    /**
     * A configuration that reads MapReduce's and YARN's default files along with Hadoop's core ones. Hadoop adds them
     * to every configuration when its {@code JobConf} class is first used, and then reads all of them again for every
     * configuration made before (about 30 ms each once warm, over 100 ms at the start): adding them first, the
     * configuration Sluice copies for its jobs reads them once.
     */
    private static Configuration withAllDefaults() {
        ConfigUtil.loadResources();
        return new Configuration();
    }

    /**
     * Gives Hadoop's process-wide state that would otherwise read the default files into a configuration of its own
     * (its user and security settings, the limits of job counters) the one Sluice already read.
     */
    private static void shareWithHadoop(Configuration conf) {
        UserGroupInformation.setConfiguration(conf);
        Limits.init(conf);
    }

    private static void relaxLocalChecksums(Configuration conf) {
        try {
            FileSystem local = FileSystem.getLocal(conf);
            local.setVerifyChecksum(false);
            local.setWriteChecksum(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local file system", e);
        }
    }
}
