package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cluster.HadoopConfigurations;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Listing walk(String... excludes) throws IOException {
        FileSystem fs = FileSystem.get(dir.toUri(), HadoopConfigurations.local());
        org.apache.hadoop.fs.Path target = fs.makeQualified(new org.apache.hadoop.fs.Path(dir.toUri()));
        return new FileWalker(executor, new Exclusions(List.of(excludes))).walk(fs, target);
    }

    @Test
    void findsDataFilesAndLeavesOutWhatHadoopToolsLeaveOut() throws IOException {
        write("sales/year=2024/a.csv", "x\n1\n");
        write("sales/year=2025/b.csv", "x\n2\n");
        write("sales/_SUCCESS", "");
        write("sales/_temporary/0/part-0", "half");
        write("sales/.DS_Store", "junk");
        write("sales/.a.csv.crc", "crc");
        write("sales/part.crc", "crc");
        write("empty.csv", "");

        Listing listing = walk();

        assertThat(listing.files())
                .extracting(DataFile::relativePath)
                .containsExactly("sales/year=2024/a.csv", "sales/year=2025/b.csv");
        assertThat(listing.files().get(0).folders()).containsExactly("sales", "year=2024");
        assertThat(listing.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("empty.csv");
            assertThat(s.reason()).isEqualTo("empty file");
        });
    }

    @Test
    void excludeGlobsWithinAndAcrossFolders() throws IOException {
        write("a/keep.csv", "1");
        write("a/drop.tmp", "1");
        write("a/b/deep.tmp", "1");
        write("scratch/x.csv", "1");
        write("logs/2024.log", "1");
        write("logs/2025.log", "1");

        Listing listing = walk("**.tmp", "scratch", "logs/202[4].log");

        assertThat(listing.files()).extracting(DataFile::relativePath).containsExactly("a/keep.csv", "logs/2025.log");
        assertThat(listing.skipped())
                .extracting(Listing.Skipped::path)
                .containsExactly("a/b/deep.tmp", "a/drop.tmp", "logs/2024.log", "scratch");
    }

    @Test
    void aSingleFileTarget() throws IOException {
        write("one.json", "{}");
        FileSystem fs = FileSystem.get(dir.toUri(), HadoopConfigurations.local());
        org.apache.hadoop.fs.Path file = fs.makeQualified(
                new org.apache.hadoop.fs.Path(dir.resolve("one.json").toUri()));

        Listing listing = new FileWalker(executor, new Exclusions(List.of())).walk(fs, file);

        assertThat(listing.files()).singleElement().satisfies(f -> assertThat(f.folders())
                .isEmpty());
    }

    @Test
    void aMissingTargetIsAnError() {
        FileSystem fs;
        try {
            fs = FileSystem.get(dir.toUri(), HadoopConfigurations.local());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        org.apache.hadoop.fs.Path missing =
                new org.apache.hadoop.fs.Path(dir.resolve("nope").toUri());
        assertThatThrownBy(() -> new FileWalker(executor, new Exclusions(List.of())).walk(fs, missing))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("crawl target")
                .hasMessageContaining("does not exist");
    }
}
