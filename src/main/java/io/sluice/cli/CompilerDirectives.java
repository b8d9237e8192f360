package io.sluice.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Gives HotSpot's JIT compilers the directives of {@code bin/compiler-directives.json} in Sluice's home, on a thread
 * started first thing: code that runs a while at start-up only is left to C1 instead of being compiled again by C2.
 * That is ASM, with which the JDK spins method handle classes for the string concatenations of Hadoop's tasks and
 * metrics, the XML parsers and Hadoop's configuration parser: without them, a W2 run's C2 compiles 52 KB of bytecode
 * in 0.74-0.89 s instead of 63-70 KB in 0.98-1.28 s of a CPU that the tasks need.
 *
 * <p>They also keep C2 from inlining the rare paths of the row loops into them: the first row of a group of a map-side
 * aggregation, of an output partition, a key sampled for range partitioning. Those run often while the loops are being
 * profiled (every row starts a group at first), so C2 inlines them, and the compile of a W2 mapper's row path took
 * 3,007 bytes of inlined bytecode and 158 ms instead of 686 bytes and 32 ms; a W3 writer's, 356 ms instead of 72 ms.
 * And they keep out of a mapper's row loop the methods through which the end of its split arrives ({@code
 * DirectInput$Loop.afterPause}, {@code throughHadoop}): a trap there at the end would discard the loop's compiled code
 * before the job's next map task on the JVM could use it. {@code CompilerDirectivesTest} checks that the methods named
 * still exist.
 *
 * <p>The directives are added through the JVM's diagnostic command MBean ({@code Compiler.directives_add}, what
 * {@code jcmd} runs), which the first local job makes anyway (Hadoop's metrics register with it), rather than with
 * {@code -XX:CompilerDirectivesFile}, which prints a line on standard output at every start. Without the file, or on
 * a JVM without that command, nothing changes but speed.
 */
final class CompilerDirectives {
    static final String FILE = "bin/compiler-directives.json";

    private CompilerDirectives() {}

    /** Starts adding the directives of the file in {@code sluice.home}, if there is one. */
    static void addInBackground() {
        String home = System.getProperty("sluice.home");
        if (home == null) {
            return;
        }
        Path file = Path.of(home, FILE);
        Thread thread = new Thread(() -> add(file), "sluice-compiler-directives");
        thread.setDaemon(true);
        thread.start();
    }

    private static void add(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "compilerDirectivesAdd",
                            new Object[] {new String[] {file.toString()}},
                            new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            // not HotSpot, or no such command: the compilers decide alone
        }
    }
}
