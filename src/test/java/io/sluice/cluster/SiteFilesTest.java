package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFilesTest {
    @TempDir
    Path dir;

    @Test
    void settingsGoToTheFileOfTheirPrefix() {
        assertThat(SiteFiles.fileOf("fs.defaultFS")).isEqualTo("core-site.xml");
        assertThat(SiteFiles.fileOf("dfs.replication")).isEqualTo("hdfs-site.xml");
        assertThat(SiteFiles.fileOf("yarn.resourcemanager.address")).isEqualTo("yarn-site.xml");
        assertThat(SiteFiles.fileOf("yarn.app.mapreduce.am.resource.mb")).isEqualTo("mapred-site.xml");
        assertThat(SiteFiles.fileOf("mapreduce.framework.name")).isEqualTo("mapred-site.xml");
    }

    @Test
    void onlySettingsThatDifferFromHadoopsDefaultsAreWritten() {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "hdfs://localhost:9000");
        conf.set("dfs.replication", "1");
        conf.set("mapreduce.map.memory.mb", "512");
        conf.set("yarn.resourcemanager.address", "localhost:8032");
        conf.set("io.file.buffer.size", conf.getRaw("io.file.buffer.size")); // a default, set again

        Map<String, Map<String, String>> files = SiteFiles.split(conf);

        assertThat(files.get("core-site.xml")).containsExactly(Map.entry("fs.defaultFS", "hdfs://localhost:9000"));
        assertThat(files.get("hdfs-site.xml")).containsExactly(Map.entry("dfs.replication", "1"));
        assertThat(files.get("yarn-site.xml"))
                .containsExactly(Map.entry("yarn.resourcemanager.address", "localhost:8032"));
        // the deprecated alias Hadoop keeps beside mapreduce.map.memory.mb is left out
        assertThat(files.get("mapred-site.xml")).containsExactly(Map.entry("mapreduce.map.memory.mb", "512"));
    }

    @Test
    void writtenFilesAreReadBackAsTheClusterConfiguration() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "hdfs://localhost:9000");
        conf.set("mapreduce.framework.name", "yarn");
        conf.set("yarn.resourcemanager.address", "localhost:8032");

        SiteFiles.write(conf, dir);

        assertThat(dir).isDirectoryContaining("glob:**/core-site.xml").isDirectoryContaining("glob:**/mapred-site.xml");
        Configuration read = HadoopConfigurations.cluster(dir);
        assertThat(read.get("fs.defaultFS")).isEqualTo("hdfs://localhost:9000");
        assertThat(read.get("mapreduce.framework.name")).isEqualTo("yarn");
        assertThat(read.get("yarn.resourcemanager.address")).isEqualTo("localhost:8032");
        assertThat(JobClasspath.runsOnYarn(read)).isTrue();

        SiteFiles.delete(dir);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".xml"))).isEmpty();
        }
    }
}
