package io.sluice.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Looks at files for data triggers: on any Hadoop file system in production, a fake in tests. */
public interface FileProbe {
    /** A data file: where it is and when it last changed. */
    record DataFile(String path, Instant modified) {}

    /**
     * The data files under a path, at any depth, leaving out what Hadoop tools leave out (names starting with {@code _}
     * or {@code .}); none when the path does not exist.
     */
    List<DataFile> list(String path);

    /** When a file last changed, if it exists. */
    Optional<Instant> modified(String path);
}
