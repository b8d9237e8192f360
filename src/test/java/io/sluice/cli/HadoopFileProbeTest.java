package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cluster.HadoopConfigurations;
import io.sluice.scheduler.FileProbe.DataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFileProbeTest {
    @TempDir
    Path dir;

    private final HadoopFileProbe probe = new HadoopFileProbe(HadoopConfigurations.local());

    @Test
    void listsDataFilesAtAnyDepthLeavingOutWhatHadoopToolsLeaveOut() throws IOException {
        Path landing = Files.createDirectories(dir.resolve("landing/day=2024-05-01"));
        Path data = Files.writeString(landing.resolve("part-0.csv"), "a\n");
        Instant changed = Instant.parse("2024-05-01T10:00:00Z");
        Files.setLastModifiedTime(data, FileTime.from(changed));
        Files.writeString(landing.resolve("_SUCCESS"), "");
        Files.writeString(landing.resolve(".part-0.csv.crc"), "");
        Files.createDirectories(dir.resolve("landing/_temporary/0"));
        Files.writeString(dir.resolve("landing/_temporary/0/part-1.csv"), "b\n");

        assertThat(probe.list(dir.resolve("landing").toString()))
                .extracting(DataFile::path, DataFile::modified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        data.toUri().toString().replace("file:///", "file:/"), changed));
        assertThat(probe.list(dir.resolve("nowhere").toString())).isEmpty();
    }

    @Test
    void tellsWhenADoneFlagLastChangedAndWhetherItIsThere() throws IOException {
        Path flag = Files.writeString(dir.resolve("_SUCCESS"), "");
        Instant changed = Instant.parse("2024-05-02T03:04:05Z");
        Files.setLastModifiedTime(flag, FileTime.from(changed));

        assertThat(probe.modified(flag.toString())).contains(changed);
        assertThat(probe.modified(dir.resolve("_DONE").toString())).isEmpty();
    }
}
