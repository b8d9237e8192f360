package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopConfigurationsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> HadoopConfigurations.cluster(missing))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void aFolderWithoutCoreSiteIsNotAClusterConfiguration() throws Exception {
        Files.writeString(dir.resolve("yarn-site.xml"), "<configuration/>");
        assertThatThrownBy(() -> HadoopConfigurations.cluster(dir))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining(dir + " has no core-site.xml");
    }

    @Test
    void theLocalConfigurationRunsJobsOnTheLocalRunner() {
        assertThat(JobClasspath.runsOnYarn(HadoopConfigurations.local())).isFalse();
    }

    @Test
    void aLocalConfigurationReadAheadIsTheOneReadNow() {
        HadoopConfigurations.readLocalAhead();
        HadoopConfigurations.readLocalAhead(); // once is enough: the second call starts nothing

        Configuration ahead = HadoopConfigurations.local();
        Configuration now = HadoopConfigurations.local();

        assertThat(ahead).isNotSameAs(now);
        Map<String, String> aheadValues = new TreeMap<>();
        ahead.forEach(entry -> aheadValues.put(entry.getKey(), entry.getValue()));
        Map<String, String> nowValues = new TreeMap<>();
        now.forEach(entry -> nowValues.put(entry.getKey(), entry.getValue()));
        assertThat(aheadValues).isEqualTo(nowValues).containsKey("mapreduce.framework.name");
        assertThat(ahead.get(NioLocalFileSystem.IMPL)).isEqualTo(NioLocalFileSystem.class.getName());
    }
}
