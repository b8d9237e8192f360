package io.sluice.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.mapreduce.v2.jobhistory.JHAdminConfig;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.webapp.util.WebAppUtils;

/**
 * HDFS (a {@link MiniDFSCluster}) and YARN with the MapReduce framework (a {@link MiniMRYarnCluster}, with its job
 * history server) in this process, sized for a small machine: containers of 512 MB, small jobs run in the
 * ApplicationMaster's container (uber mode), and the node's disk-health check tolerates a nearly full disk (with
 * Hadoop's 90% default an unhealthy node takes no containers and every job waits forever).
 *
 * <p>Its {@linkplain #clientConfiguration() client configuration} is what clients need to use it as any cluster: its
 * addresses and settings but the mini-cluster marker, so that containers are launched as on a real cluster — Hadoop's
 * jars from the framework class path ({@code mapreduce.application.classpath}: this process's class path without
 * Sluice's own classes) and Sluice shipped with each job ({@link JobClasspath}).
 */
public final class MiniCluster implements AutoCloseable {
    /** What to start: where the data goes and how many data nodes and node managers. */
    public record Settings(Path dataDir, int datanodes, int nodeManagers) {
        public Settings {
            Objects.requireNonNull(dataDir, "dataDir is null");
            if (datanodes < 1 || nodeManagers < 1) {
                throw new IllegalArgumentException("a mini-cluster needs at least one data node and one node manager");
            }
        }
    }

    /** Memory of each container, and the heap of the JVM in it. */
    static final int CONTAINER_MB = 512;

    static final String CONTAINER_JAVA_OPTS = "-Xmx384m";

    /** Where Hadoop's mini-clusters put their work folders. */
    private static final String TEST_DATA_PROPERTY = "test.build.data";

    private final MiniDFSCluster hdfs;
    private final MiniMRYarnCluster yarn;

    private MiniCluster(MiniDFSCluster hdfs, MiniMRYarnCluster yarn) {
        this.hdfs = hdfs;
        this.yarn = yarn;
    }

    /** Starts HDFS, then YARN on it; returns when both are ready. */
    public static MiniCluster start(Settings settings) throws IOException {
        Configuration conf = new Configuration();
        File data = settings.dataDir().toAbsolutePath().toFile();
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf, new File(data, "hdfs"))
                .numDataNodes(settings.datanodes())
                .build();
        try {
            hdfs.waitActive();
            Configuration yarnConf = new Configuration(hdfs.getConfiguration(0));
            yarnConf.set("fs.defaultFS", hdfs.getURI().toString());
            configureYarn(yarnConf, settings);
            // YARN's work folders (node manager local and log folders) go under the data folder too.
            System.setProperty(TEST_DATA_PROPERTY, new File(data, "yarn").toString());
            MiniMRYarnCluster yarn = new MiniMRYarnCluster("sluice-minicluster", settings.nodeManagers());
            yarn.init(yarnConf);
            yarn.start();
            return new MiniCluster(hdfs, yarn);
        } catch (RuntimeException | IOException e) {
            hdfs.shutdown();
            throw e;
        }
    }

    private static void configureYarn(Configuration conf, Settings settings) {
        int replication = Math.min(3, settings.datanodes());
        conf.setInt("dfs.replication", replication);
        conf.setInt("mapreduce.client.submit.file.replication", replication);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.0f);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.set(MRJobConfig.MR_AM_STAGING_DIR, "/tmp/hadoop-yarn/staging");
        conf.set(MRJobConfig.MAPREDUCE_APPLICATION_CLASSPATH, frameworkClassPath());
    }

    /**
     * What jobs ask for, set in the client configuration (the mini-cluster itself turns uber mode off in its own):
     * small containers, and small jobs in the ApplicationMaster's container.
     */
    private static void jobDefaults(Configuration conf) {
        conf.setInt(MRJobConfig.MR_AM_VMEM_MB, CONTAINER_MB);
        conf.set(MRJobConfig.MR_AM_COMMAND_OPTS, CONTAINER_JAVA_OPTS);
        conf.setInt(MRJobConfig.MAP_MEMORY_MB, CONTAINER_MB);
        conf.setInt(MRJobConfig.REDUCE_MEMORY_MB, CONTAINER_MB);
        conf.set(MRJobConfig.MAP_JAVA_OPTS, CONTAINER_JAVA_OPTS);
        conf.set(MRJobConfig.REDUCE_JAVA_OPTS, CONTAINER_JAVA_OPTS);
        conf.setInt(MRJobConfig.IO_SORT_MB, 100);
        conf.setBoolean(MRJobConfig.JOB_UBERTASK_ENABLE, true);
        // Containers get no JAVA_HOME from a node manager started without one.
        String javaHome = "JAVA_HOME=" + System.getProperty("java.home");
        conf.set(MRJobConfig.MR_AM_ENV, javaHome);
        conf.set(MRJobConfig.MAP_ENV, javaHome);
        conf.set(MRJobConfig.REDUCE_ENV, javaHome);
    }

    /** This process's class path (Hadoop and its libraries) without Sluice's own classes, which jobs ship. */
    private static String frameworkClassPath() {
        Path sluice = JvmClassPath.codeLocation(MiniCluster.class);
        return JvmClassPath.entries().stream()
                .filter(entry -> !entry.equals(sluice))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The HDFS URI, such as {@code hdfs://localhost:40123}. */
    public URI hdfsUri() {
        return hdfs.getURI();
    }

    /** The ResourceManager's client address, {@code host:port}. */
    public String resourceManagerAddress() {
        return yarn.getConfig().get(YarnConfiguration.RM_ADDRESS);
    }

    /** The web UIs of the NameNode, the ResourceManager and the job history server, as {@code http://host:port}. */
    public Map<String, String> webUis() {
        Configuration conf = yarn.getConfig();
        InetSocketAddress nameNode = hdfs.getNameNode().getHttpAddress();
        Map<String, String> uis = new LinkedHashMap<>();
        uis.put("HDFS web UI", "http://" + nameNode.getHostString() + ":" + nameNode.getPort());
        uis.put("YARN web UI", WebAppUtils.getRMWebAppURLWithScheme(conf));
        uis.put("Job history UI", "http://" + conf.get(JHAdminConfig.MR_HISTORY_WEBAPP_ADDRESS));
        return uis;
    }

    /** The configuration a client needs to use this cluster: its settings, without the mini-cluster marker. */
    public Configuration clientConfiguration() {
        Configuration conf = new Configuration(yarn.getConfig());
        conf.unset(YarnConfiguration.IS_MINI_YARN_CLUSTER);
        jobDefaults(conf);
        return conf;
    }

    /** The YARN cluster itself, for tests that look at its applications. */
    public MiniMRYarnCluster yarn() {
        return yarn;
    }

    /** Stops YARN, then HDFS. */
    @Override
    public void close() {
        try {
            yarn.stop();
        } finally {
            hdfs.shutdown();
        }
    }
}
