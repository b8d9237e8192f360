package io.sluice.cluster;

import org.apache.hadoop.conf.Configuration;

/** The Hadoop configurations Sluice runs with. */
public final class HadoopConfigurations {
    private HadoopConfigurations() {}

    /**
     * The embedded default: local file system and the LocalJobRunner. Local files are read without Hadoop's
     * {@code .crc} side files, which other tools leave stale and which Sluice's outputs do not need.
     */
    public static Configuration local() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }
}
