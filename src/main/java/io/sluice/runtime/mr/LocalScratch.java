package io.sluice.runtime.mr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * A folder of one run for the local runner's own files: its staging area, its copies of {@code job.xml}, the map
 * outputs of its tasks. By default Hadoop puts them under {@code /tmp/hadoop/mapred/staging} and {@code
 * ${hadoop.tmp.dir}/mapred/local}, and leaves folders behind there: an empty staging folder for every run, and what a
 * killed job had written. A run's own folder is deleted as a whole when the run ends. A folder the configuration
 * sets (other than in Hadoop's default files) is kept.
 */
final class LocalScratch implements AutoCloseable {
    static final String STAGING_ROOT = "mapreduce.jobtracker.staging.root.dir";
    static final String LOCAL_DIR = "mapreduce.cluster.local.dir";

    private final Path folder;

    private LocalScratch(Path folder) {
        this.folder = folder;
    }

    /** Makes a new folder in {@code parent} and points the settings {@code conf} does not set itself at it. */
    static LocalScratch in(Path parent, Configuration conf) throws IOException {
        Path folder = Files.createTempDirectory(parent, "sluice-local-");
        if (notSet(conf, STAGING_ROOT)) {
            conf.set(STAGING_ROOT, folder.resolve("staging").toString());
        }
        if (notSet(conf, LOCAL_DIR)) {
            conf.set(LOCAL_DIR, folder.resolve("local").toString());
        }
        return new LocalScratch(folder);
    }

    /** A folder in the JVM's temporary folder ({@code java.io.tmpdir}). */
    static LocalScratch of(Configuration conf) throws IOException {
        return in(Path.of(System.getProperty("java.io.tmpdir")), conf);
    }

    private static boolean notSet(Configuration conf, String key) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null) {
            return true;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return false;
            }
        }
        return true;
    }

    Path folder() {
        return folder;
    }

    /**
     * Deletes the folder and everything in it, as far as it can: what is left (a file another process holds) stays in
     * the temporary folder, and the run's result does not depend on it.
     */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // nothing more to do: see above
        }
    }
}
