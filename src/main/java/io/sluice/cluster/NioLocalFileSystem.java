package io.sluice.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), but setting permissions through {@code java.nio}. Without Hadoop's
 * native library, {@link RawLocalFileSystem} starts a {@code chmod} process for every folder it makes and every file
 * it creates with a permission: about 30 processes for one small job on the local runner (its staging folder, its
 * {@code job.xml} and splits, map outputs, the output's files), a few milliseconds each. Permissions it cannot set
 * through {@code java.nio} (the sticky bit, a file store without POSIX permissions) still go to Hadoop's way.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    /** The Hadoop option naming the class of the {@code file:} file system. */
    public static final String IMPL = "fs.file.impl";

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The file system under the checksums, which the permissions are set on. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            } catch (UnsupportedOperationException e) {
                super.setPermission(p, permission);
            }
        }
    }

    /** The POSIX permissions of a Hadoop permission without the sticky bit. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        add(
                set,
                permission.getUserAction(),
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(
                set,
                permission.getGroupAction(),
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(
                set,
                permission.getOtherAction(),
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return set;
    }

    private static void add(
            Set<PosixFilePermission> set,
            FsAction action,
            PosixFilePermission read,
            PosixFilePermission write,
            PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            set.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            set.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            set.add(execute);
        }
    }
}
