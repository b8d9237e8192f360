package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cluster.MiniCluster;
import io.sluice.cluster.SiteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same crawl and job on a Hadoop mini-cluster (HDFS + YARN, one for the class) as on the local runner: testdata is
 * copied into HDFS with {@code sluice fs put}, crawled there, and {@code jobs/daily_revenue.yaml} (a shuffle with a
 * combiner, range-partitioned reducers, a Hive-partitioned Parquet output registered in the catalog) runs as a YARN
 * application with Sluice shipped to its containers (the cluster's framework class path has no Sluice classes); its
 * rows read back are those of the local run.
 */
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static Path confDir;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = MiniCluster.start(new MiniCluster.Settings(dir.resolve("data"), 1, 1));
        confDir = dir.resolve("conf");
        SiteFiles.write(cluster.clientConfiguration(), confDir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static CliRun onCluster(String... args) {
        return run(Stream.concat(
                        Stream.of(
                                "--cluster",
                                confDir.toString(),
                                "--catalog",
                                dir.resolve("cluster-catalog").toString()),
                        Stream.of(args))
                .toArray(String[]::new));
    }

    private static CliRun local(String... args) {
        return run(Stream.concat(
                        Stream.of("--catalog", dir.resolve("local-catalog").toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode())
                .as("sluice %s%n%s", String.join(" ", args), run.err())
                .isZero();
        return run;
    }

    @Test
    void theWrittenConfigurationIsThatOfAnyClusterWithSmallJobDefaults() {
        org.apache.hadoop.conf.Configuration conf = io.sluice.cluster.HadoopConfigurations.cluster(confDir);

        assertThat(conf.get("fs.defaultFS")).isEqualTo(cluster.hdfsUri().toString());
        assertThat(conf.get("yarn.resourcemanager.address")).isEqualTo(cluster.resourceManagerAddress());
        assertThat(conf.get("mapreduce.framework.name")).isEqualTo("yarn");
        assertThat(conf.getBoolean("mapreduce.job.ubertask.enable", false)).isTrue();
        assertThat(conf.getInt("mapreduce.map.memory.mb", 0)).isEqualTo(512);
        assertThat(conf.getBoolean("yarn.is.minicluster", false)).isFalse();
        assertThat(conf.get("mapreduce.application.classpath"))
                .contains("hadoop-mapreduce-client-app")
                .doesNotContain("target/classes")
                .doesNotContain("sluice.jar");
    }

    @Test
    void dailyRevenueOnYarnGivesTheRowsOfTheLocalRunner() throws Exception {
        CliRun put = onCluster("fs", "put", "testdata", "/lake");
        assertThat(put.out()).contains("-> hdfs://");
        assertThat(onCluster("fs", "ls", "/lake/testdata").out()).contains("/lake/testdata/sales");
        onCluster("crawl", "--crawler", "crawler/lake.yaml", "/lake/testdata");
        assertThat(location(onCluster("catalog", "show", "lake.sales", "--json")))
                .isEqualTo(cluster.hdfsUri() + "/lake/testdata/sales");

        CliRun submit = onCluster("submit", "jobs/daily_revenue.yaml");

        assertThat(submit.out()).contains("job daily_revenue succeeded").contains("output at hdfs://");
        assertThat(location(onCluster("catalog", "show", "analytics.daily_revenue", "--json")))
                .startsWith(cluster.hdfsUri() + "/user/")
                .endsWith("/out/daily_revenue");
        List<RMApp> apps = List.copyOf(
                cluster.yarn().getResourceManager().getRMContext().getRMApps().values());
        assertThat(apps).hasSize(1);
        assertThat(apps.get(0).getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
        List<String> onYarn = rows(onCluster("cat", "analytics.daily_revenue", "--format", "json"));

        local("crawl", "--crawler", "crawler/lake.yaml");
        Path localJob = Files.writeString(
                dir.resolve("daily_revenue.yaml"),
                Files.readString(Path.of("jobs/daily_revenue.yaml"))
                        .replace("path: out/daily_revenue", "path: \"" + dir.resolve("out/daily_revenue") + "\""));
        local("submit", localJob.toString());
        List<String> onLocalRunner = rows(local("cat", "analytics.daily_revenue", "--format", "json"));

        assertThat(onYarn).hasSizeGreaterThan(10).isEqualTo(onLocalRunner);
    }

    private static String location(CliRun show) throws Exception {
        JsonNode table = JSON.readTree(show.out()).get("Table");
        return table.get("StorageDescriptor").get("Location").asText();
    }

    private static List<String> rows(CliRun cat) {
        List<String> rows = new ArrayList<>(cat.out().lines().toList());
        rows.sort(null);
        return rows;
    }
}
