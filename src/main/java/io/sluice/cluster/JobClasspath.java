package io.sluice.cluster;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * What the containers of a MapReduce job on YARN run Sluice with: the Sluice jar as the job's jar ({@code Job.setJar},
 * uploaded with each job) and the libraries Sluice runs with but Hadoop's own, which the cluster brings. The libraries
 * are uploaded once into {@code ~/.sluice/lib/} on the cluster's file system and named by each job from there (Hadoop's
 * distributed cache), so a job does not copy them again and node managers keep them between jobs. They come first on
 * the containers' class path ({@code mapreduce.job.user.classpath.first}): Sluice's libraries, such as a newer
 * commons-csv, win over the older ones Hadoop brings.
 */
public final class JobClasspath {
    /** The folder of Sluice's libraries, under the home folder of the user on the cluster's file system. */
    public static final String LIBRARY_FOLDER = ".sluice/lib";

    /** The file names of the jars Sluice runs with, written by the build next to this class. */
    static final String RUNTIME_JARS = "runtime-jars.txt";

    private static Path classesJar;

    private JobClasspath() {}

    /** True when jobs of {@code conf} run on YARN rather than on the embedded LocalJobRunner. */
    public static boolean runsOnYarn(Configuration conf) {
        return "yarn".equals(conf.getTrimmed(org.apache.hadoop.mapreduce.MRConfig.FRAMEWORK_NAME, "local"));
    }

    /** Makes the jobs created from {@code conf} ship Sluice to their containers; uploads the libraries missing. */
    public static void ship(Configuration conf) throws IOException {
        conf.set(MRJobConfig.JAR, sluiceJar().toString());
        FileSystem fs = FileSystem.get(conf);
        org.apache.hadoop.fs.Path folder =
                fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), LIBRARY_FOLDER));
        for (Path library : libraries()) {
            Job.addFileToClassPath(upload(fs, library, folder), conf, fs);
        }
        conf.setBoolean(MRJobConfig.MAPREDUCE_JOB_USER_CLASSPATH_FIRST, true);
    }

    /** The jar Sluice's classes are in; when they are in a folder (tests, an IDE), a jar made of that folder. */
    static synchronized Path sluiceJar() throws IOException {
        Path location = JvmClassPath.codeLocation(JobClasspath.class);
        if (Files.isRegularFile(location)) {
            return location;
        }
        if (classesJar == null) {
            Path jar = Files.createTempFile("sluice-classes-", ".jar");
            jar.toFile().deleteOnExit();
            writeJar(location, jar);
            classesJar = jar;
        }
        return classesJar;
    }

    /** The jars of this JVM's class path that Sluice runs with, but Hadoop's own. */
    static List<Path> libraries() {
        Set<String> names = runtimeJarNames();
        List<Path> libraries = new ArrayList<>();
        for (Path entry : JvmClassPath.entries()) {
            String name = entry.getFileName().toString();
            if (names.remove(name) && !name.startsWith("hadoop-") && Files.isRegularFile(entry)) {
                libraries.add(entry);
            }
        }
        names.removeIf(name -> name.startsWith("hadoop-"));
        if (!names.isEmpty()) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "cannot ship Sluice's libraries to the cluster: " + String.join(", ", names)
                            + " not found on the class path (start Sluice with bin/sluice)");
        }
        return libraries;
    }

    private static Set<String> runtimeJarNames() {
        try (InputStream in = JobClasspath.class.getResourceAsStream(RUNTIME_JARS)) {
            if (in == null) {
                throw new SluiceException(
                        ErrorCode.INTERNAL_ERROR,
                        "the list of Sluice's libraries (" + RUNTIME_JARS
                                + ") is missing: rebuild Sluice (mvn package)");
            }
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.stream(list.split("[:;\\s]+"))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> entry.substring(entry.lastIndexOf('/') + 1))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RUNTIME_JARS, e);
        }
    }

    /** The library in {@code folder}, copied there unless a file of its name and size already is. */
    private static org.apache.hadoop.fs.Path upload(FileSystem fs, Path library, org.apache.hadoop.fs.Path folder)
            throws IOException {
        org.apache.hadoop.fs.Path remote =
                new org.apache.hadoop.fs.Path(folder, library.getFileName().toString());
        if (fs.exists(remote)) {
            FileStatus status = fs.getFileStatus(remote);
            if (status.isFile() && status.getLen() == Files.size(library)) {
                return remote;
            }
        }
        org.apache.hadoop.fs.Path partial =
                new org.apache.hadoop.fs.Path(folder, "." + remote.getName() + "." + System.nanoTime());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(library.toUri()), partial);
        fs.delete(remote, false);
        if (!fs.rename(partial, remote)) {
            fs.delete(partial, false);
            if (!fs.exists(remote)) {
                throw new IOException("cannot move " + partial + " to " + remote);
            }
        }
        return remote;
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
