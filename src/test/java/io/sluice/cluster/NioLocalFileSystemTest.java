package io.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    Path dir;

    private FileSystem fs;

    @BeforeEach
    void open() throws Exception {
        Configuration conf = new Configuration();
        conf.set(NioLocalFileSystem.IMPL, NioLocalFileSystem.class.getName());
        conf.set("fs.permissions.umask-mode", "022");
        fs = FileSystem.newInstance(URI.create("file:///"), conf);
    }

    @AfterEach
    void close() throws Exception {
        fs.close();
    }

    @Test
    void theLocalConfigurationUsesIt() {
        assertThat(HadoopConfigurations.local().get(NioLocalFileSystem.IMPL))
                .isEqualTo(NioLocalFileSystem.class.getName());
        assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
    }

    @Test
    void foldersGetThePermissionAskedFor() throws Exception {
        Path folder = dir.resolve("a/b");

        assertThat(fs.mkdirs(path(folder), new FsPermission((short) 0700))).isTrue();

        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void filesGetThePermissionAskedForLessTheUmask() throws Exception {
        Path file = dir.resolve("f.txt");

        try (FSDataOutputStream out =
                fs.create(path(file), new FsPermission((short) 0666), true, 4096, (short) 1, 1 << 20, null)) {
            out.writeBytes("x");
        }

        assertThat(permissions(file)).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void permissionsChangeBothWays() throws Exception {
        Path file = Files.writeString(dir.resolve("g.txt"), "y");

        fs.setPermission(path(file), new FsPermission((short) 0751));
        assertThat(permissions(file)).isEqualTo("rwxr-x--x");

        fs.setPermission(path(file), new FsPermission((short) 0400));
        assertThat(permissions(file)).isEqualTo("r--------");
    }

    @Test
    void theStickyBitGoesToHadoopsWay() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("shared"));

        fs.setPermission(path(folder), new FsPermission((short) 01777));

        assertThat(fs.getFileStatus(path(folder)).getPermission().getStickyBit())
                .isTrue();
        assertThat(permissions(folder)).isEqualTo("rwxrwxrwx");
    }

    private static org.apache.hadoop.fs.Path path(Path local) {
        return new org.apache.hadoop.fs.Path(local.toUri());
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
