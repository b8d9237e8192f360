package io.sluice.cli;

import io.sluice.cluster.MiniCluster;
import io.sluice.cluster.SiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a mini-cluster until the JVM is asked to stop (Ctrl-C, a kill), then stops it and deletes its site files. */
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
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            try {
                SiteFiles.delete(confDir);
            } catch (IOException e) {
                // the folder is gone already
            }
            out.println("stopping the mini-cluster...");
            out.flush();
            cluster.close();
            out.println("mini-cluster stopped");
            out.flush();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(stop);
        SiteFiles.write(cluster.clientConfiguration(), confDir);
        double seconds = (System.nanoTime() - start) / 1e9;
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
        stopped.await();
        return 0;
    }

    private static void line(PrintWriter out, String name, Object value) {
        out.printf("  %-16s %s%n", name, value);
    }
}
