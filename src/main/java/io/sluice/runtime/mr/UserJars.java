package io.sluice.runtime.mr;

import io.sluice.SluiceException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Users' jars ({@code sluice submit --jar}): loaded here to check the classes a job names, and shipped with the
 * MapReduce job — Hadoop's {@code tmpjars}, which the job client uploads to the job's staging folder and puts on the
 * classpath of every task, on a cluster as on the local runner.
 */
public final class UserJars {
    static final String TMPJARS = "tmpjars";

    private UserJars() {}

    /** A class loader over the jars, in front of Sluice's own classes. */
    public static ClassLoader loader(List<Path> jars, ClassLoader parent) {
        if (jars.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : checked(jars)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw SluiceException.invalidArgument("--jar %s is not a file path: %s", jar, e.getMessage());
            }
        }
        return new URLClassLoader("user jars", urls.toArray(URL[]::new), parent);
    }

    /** Adds the jars to those {@code conf}'s MapReduce jobs ship to their tasks. */
    public static void ship(Configuration conf, List<Path> jars) {
        List<String> shipped = new ArrayList<>(List.of(conf.getTrimmedStrings(TMPJARS)));
        for (Path jar : checked(jars)) {
            shipped.add(jar.toUri().toString());
        }
        if (!shipped.isEmpty()) {
            conf.setStrings(TMPJARS, shipped.toArray(String[]::new));
            // One classpath entry per jar: the local runner cannot link a wildcard of the uploaded folder.
            conf.setBoolean("mapreduce.client.libjars.wildcard", false);
        }
    }

    private static List<Path> checked(List<Path> jars) {
        List<Path> absolute = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw SluiceException.invalidArgument("--jar %s: no such file", jar);
            }
            absolute.add(jar.toAbsolutePath().normalize());
        }
        return absolute;
    }
}
