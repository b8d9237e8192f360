package io.sluice.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** The Hadoop configurations Sluice runs with. */
public final class HadoopConfigurations {
    private HadoopConfigurations() {}

    /**
     * The embedded default: local file system and the LocalJobRunner. The process's local file system neither checks
     * nor writes Hadoop's {@code .crc} side files: other tools leave them stale, and Sluice's outputs do not need
     * them.
     */
    public static Configuration local() {
        Configuration conf = new Configuration();
        try {
            FileSystem local = FileSystem.getLocal(conf);
            local.setVerifyChecksum(false);
            local.setWriteChecksum(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local file system", e);
        }
        return conf;
    }
}
