package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice fs put} and {@code fs ls}, here on the local file system (no --cluster). */
class FsCommandTest {
    @TempDir
    Path dir;

    private Path source;
    private Path target;

    @BeforeEach
    void files() throws Exception {
        source = Files.createDirectories(dir.resolve("lake/sales"));
        Files.writeString(source.resolve("a.csv"), "id\n1\n");
        Files.writeString(Files.createDirectories(source.resolve("year=2024")).resolve("b.csv"), "id\n2\n3\n");
        target = dir.resolve("into");
    }

    @Test
    void putCopiesFoldersAndFilesIntoTheFolder() throws Exception {
        Path single = Files.writeString(dir.resolve("one.txt"), "x");

        CliRun put = CliRun.of("fs", "put", source.toString(), single.toString(), target.toString());

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(put.out()).contains("(2 files, 12 bytes)").contains("(1 file, 1 bytes)");
        assertThat(target.resolve("sales/year=2024/b.csv")).hasContent("id\n2\n3\n");
        assertThat(target.resolve("one.txt")).hasContent("x");
    }

    @Test
    void putRefusesToReplaceUnlessForced() throws Exception {
        assertThat(CliRun.of("fs", "put", source.toString(), target.toString()).exitCode())
                .isZero();
        Files.writeString(source.resolve("a.csv"), "id\n9\n");

        CliRun again = CliRun.of("fs", "put", source.toString(), target.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("sales already exists (--force replaces it)");
        assertThat(target.resolve("sales/a.csv")).hasContent("id\n1\n");

        CliRun forced = CliRun.of("fs", "put", "--force", source.toString(), target.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(target.resolve("sales/a.csv")).hasContent("id\n9\n");
    }

    @Test
    void putNamesAMissingLocalFile() {
        CliRun put = CliRun.of("fs", "put", dir.resolve("nope").toString(), target.toString());

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.err()).contains("nope: no such local file or folder");
    }

    @Test
    void lsListsInNameOrderAndRecursively() throws Exception {
        CliRun ls = CliRun.of("fs", "ls", source.toString());
        assertThat(ls.exitCode()).as(ls.err()).isZero();
        assertThat(ls.out().lines().skip(1).map(l -> l.substring(0, 4)).toList())
                .containsExactly("file", "dir ");
        assertThat(ls.out()).contains("a.csv").doesNotContain("b.csv");

        CliRun json = CliRun.of("fs", "ls", "-R", "--json", source.toString());
        JsonNode files = new ObjectMapper().readTree(json.out()).get("Files");
        assertThat(files).hasSize(3);
        assertThat(files.get(2).get("Path").asText()).endsWith("/year=2024/b.csv");
        assertThat(files.get(2).get("Size").asLong()).isEqualTo(7);
        assertThat(files.get(1).get("Type").asText()).isEqualTo("DIRECTORY");
    }

    @Test
    void lsNamesAMissingPath() {
        CliRun ls = CliRun.of("fs", "ls", dir.resolve("nope").toString());

        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.err()).contains("nope: no such file or folder");
    }

    @Test
    void aClusterFolderThatDoesNotExistIsABadArgument() {
        CliRun ls = CliRun.of("--cluster", dir.resolve("conf").toString(), "fs", "ls", "/");

        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.err()).contains("cluster configuration folder " + dir.resolve("conf") + " does not exist");
    }

    @Test
    void aMiniClusterNeedsADataNodeAndANodeManager() {
        CliRun mini = CliRun.of("minicluster", "--datanodes", "0");

        assertThat(mini.exitCode()).isEqualTo(2);
        assertThat(mini.err()).contains("--datanodes and --nodemanagers must be at least 1");
    }
}
