package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * A file found under a crawl target: only what the crawl needs, since a crawl may hold many thousands of them.
 *
 * @param path the file's full path
 * @param length its size in bytes
 * @param folders the folder names between the target and the file, outermost first (one list shared by the files
 *     of a folder)
 */
public record DataFile(Path path, long length, List<String> folders) {
    public DataFile {
        requireNonNull(path, "path is null");
        folders = List.copyOf(folders);
    }

    static DataFile of(FileStatus status, List<String> folders) {
        return new DataFile(status.getPath(), status.getLen(), folders);
    }

    public String name() {
        return path.getName();
    }

    /** The path relative to the target, with {@code /} separators. */
    public String relativePath() {
        return folders.isEmpty() ? name() : String.join("/", folders) + "/" + name();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
