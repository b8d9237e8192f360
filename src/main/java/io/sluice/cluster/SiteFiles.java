package io.sluice.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a configuration as a cluster's {@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml} and {@code
 * mapred-site.xml}: only the settings that differ from Hadoop's defaults (deprecated aliases left out), each in the
 * file of its prefix. Each file is written beside its place and moved there, and {@code mapred-site.xml} last, so a
 * reader that sees it sees a complete folder.
 */
public final class SiteFiles {
    private SiteFiles() {}

    /** Deletes the site files of {@code confDir}, so that nobody reads those of a cluster that is gone. */
    public static void delete(Path confDir) throws IOException {
        for (String name : HadoopConfigurations.SITE_FILES) {
            Files.deleteIfExists(confDir.resolve(name));
        }
    }

    public static void write(Configuration conf, Path confDir) throws IOException {
        Files.createDirectories(confDir);
        Map<String, Map<String, String>> files = split(conf);
        for (String name : HadoopConfigurations.SITE_FILES) {
            Configuration site = new Configuration(false);
            files.get(name).forEach(site::set);
            Path file = confDir.resolve(name);
            Path partial = confDir.resolve("." + name + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                site.writeXml(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The settings of {@code conf} that differ from Hadoop's defaults, by the file they belong in. */
    static Map<String, Map<String, String>> split(Configuration conf) {
        Configuration defaults = new Configuration();
        for (String resource : new String[] {"hdfs-default.xml", "yarn-default.xml", "mapred-default.xml"}) {
            defaults.addResource(resource);
        }
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        HadoopConfigurations.SITE_FILES.forEach(name -> files.put(name, new TreeMap<>()));
        for (Map.Entry<String, String> setting : conf) {
            String key = setting.getKey();
            if (Configuration.isDeprecated(key) || setting.getValue().equals(defaults.getRaw(key))) {
                continue;
            }
            files.get(fileOf(key)).put(key, setting.getValue());
        }
        return files;
    }

    static String fileOf(String key) {
        if (key.startsWith("dfs.")) {
            return "hdfs-site.xml";
        }
        if (key.startsWith("mapreduce.") || key.startsWith("mapred.") || key.startsWith("yarn.app.mapreduce.")) {
            return "mapred-site.xml";
        }
        if (key.startsWith("yarn.")) {
            return "yarn-site.xml";
        }
        return "core-site.xml";
    }
}
