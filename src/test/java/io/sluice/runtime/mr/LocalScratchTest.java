package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalScratchTest {
    @TempDir
    Path parent;

    @Test
    void pointsTheLocalRunnersFoldersIntoItsOwnFolderAndDeletesItWithEverythingInIt() throws Exception {
        Configuration conf = new Configuration();
        conf.addResource("mapred-default.xml");

        Path folder;
        try (LocalScratch scratch = LocalScratch.in(parent, conf)) {
            folder = scratch.folder();
            assertThat(folder.getParent()).isEqualTo(parent);
            assertThat(conf.get(LocalScratch.STAGING_ROOT))
                    .isEqualTo(folder.resolve("staging").toString());
            assertThat(conf.get(LocalScratch.LOCAL_DIR))
                    .isEqualTo(folder.resolve("local").toString());
            Path left = Files.createDirectories(folder.resolve("staging/root123/.staging"));
            Files.writeString(
                    Files.createDirectories(folder.resolve("local/localRunner")).resolve("job.xml"), "<x/>");
            assertThat(left).isDirectory();
        }

        assertThat(folder).doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void keepsFoldersTheConfigurationSets() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set(LocalScratch.STAGING_ROOT, "/data/staging");

        try (LocalScratch scratch = LocalScratch.in(parent, conf)) {
            assertThat(conf.get(LocalScratch.STAGING_ROOT)).isEqualTo("/data/staging");
            assertThat(conf.get(LocalScratch.LOCAL_DIR))
                    .isEqualTo(scratch.folder().resolve("local").toString());
        }
    }
}
