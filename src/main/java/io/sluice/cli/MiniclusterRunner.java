package io.sluice.cli;

import io.sluice.cluster.MiniCluster;
import io.sluice.cluster.SiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * Runs a mini-cluster until Ctrl-C or a kill, then stops it and deletes its site files. Ctrl-C (SIGINT) and SIGTERM
 * are handled here, so that the cluster stops before the JVM shuts down: Hadoop's servers fail noisily when stopped
 * from a shutdown hook. A shutdown hook still stops it when the JVM goes down another way.
 */
final class MiniclusterRunner {
    /** Guice (in YARN's web UIs) warns through java.util.logging about a setting of its servlet filter. */
    private static final Logger GUICE = Logger.getLogger("com.google.inject.servlet");

    private MiniclusterRunner() {}

    static int run(Path confDir, Path dataDir, int datanodes, int nodeManagers, PrintWriter out)
            throws IOException, InterruptedException {
        GUICE.setLevel(Level.SEVERE);
        SiteFiles.delete(confDir);
        long start = System.nanoTime();
        MiniCluster cluster = MiniCluster.start(new MiniCluster.Settings(dataDir, datanodes, nodeManagers));
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop(cluster, confDir, out);
            }
        };
        Thread hook = new Thread(stop, "stop mini-cluster");
        Runtime.getRuntime().addShutdownHook(hook);
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(signal), s -> stopRequested.countDown());
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal: the shutdown hook stops the cluster
            }
        }
        SiteFiles.write(cluster.clientConfiguration(), confDir);
        printReady(cluster, confDir, dataDir, datanodes, nodeManagers, (System.nanoTime() - start) / 1e9, out);
        stopRequested.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        stop.run();
        return 0;
    }

    private static void stop(MiniCluster cluster, Path confDir, PrintWriter out) {
        out.println("stopping the mini-cluster...");
        out.flush();
        long start = System.nanoTime();
        try {
            SiteFiles.delete(confDir);
        } catch (IOException e) {
            out.println("cannot delete the configuration in " + confDir + ": " + e.getMessage());
        }
        cluster.close();
        out.printf("mini-cluster stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private static void printReady(
            MiniCluster cluster,
            Path confDir,
            Path dataDir,
            int datanodes,
            int nodeManagers,
            double seconds,
            PrintWriter out) {
        out.printf(
                "mini-cluster ready in %.1f s: %d data node%s, %d node manager%s%n",
                seconds, datanodes, datanodes == 1 ? "" : "s", nodeManagers, nodeManagers == 1 ? "" : "s");
        line(out, "HDFS", cluster.hdfsUri());
        line(out, "ResourceManager", cluster.resourceManagerAddress());
        cluster.webUis().forEach((name, url) -> line(out, name, url));
        line(out, "configuration", confDir.toAbsolutePath().normalize() + " (sluice --cluster " + confDir + " ...)");
        line(out, "data", dataDir.toAbsolutePath().normalize());
        out.println("Ctrl-C stops it.");
        out.flush();
    }

    private static void line(PrintWriter out, String name, Object value) {
        out.printf("  %-16s %s%n", name, value);
    }
}
