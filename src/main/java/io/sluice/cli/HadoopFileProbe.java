package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.scheduler.FileProbe;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Looks at files for data triggers through Hadoop's {@link FileSystem}: local paths, HDFS, S3... */
final class HadoopFileProbe implements FileProbe {
    private final Configuration conf;

    HadoopFileProbe(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public List<DataFile> list(String path) {
        Path root = new Path(path);
        List<DataFile> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                return files;
            }
            Path qualified = fs.makeQualified(root);
            RemoteIterator<LocatedFileStatus> all = fs.listFiles(qualified, true);
            while (all.hasNext()) {
                LocatedFileStatus status = all.next();
                if (!hidden(qualified, status.getPath())) {
                    files.add(new DataFile(
                            status.getPath().toString(), Instant.ofEpochMilli(status.getModificationTime())));
                }
            }
            return files;
        } catch (FileNotFoundException e) {
            return files;
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, "cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** Below the root, a file or folder whose name starts with {@code _} or {@code .}: {@code _SUCCESS}, {@code .crc}. */
    private static boolean hidden(Path root, Path file) {
        for (Path p = file; p != null && !p.equals(root) && !p.isRoot(); p = p.getParent()) {
            String name = p.getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Instant> modified(String path) {
        Path file = new Path(path);
        try {
            return Optional.of(Instant.ofEpochMilli(
                    file.getFileSystem(conf).getFileStatus(file).getModificationTime()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, "cannot look at " + path + ": " + e.getMessage(), e);
        }
    }
}
