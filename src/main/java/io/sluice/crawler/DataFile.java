package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.hadoop.fs.FileStatus;

/**
 * A file found under a crawl target.
 *
 * @param status the file system's description of the file
 * @param folders the folder names between the target and the file, outermost first
 */
public record DataFile(FileStatus status, List<String> folders) {
    public DataFile {
        requireNonNull(status, "status is null");
        folders = List.copyOf(folders);
    }

    public String name() {
        return status.getPath().getName();
    }

    public long length() {
        return status.getLen();
    }

    /** The path relative to the target, with {@code /} separators. */
    public String relativePath() {
        return folders.isEmpty() ? name() : String.join("/", folders) + "/" + name();
    }

    @Override
    public String toString() {
        return status.getPath().toString();
    }
}
