package io.sluice.cli;

import io.sluice.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice fs put LOCAL... DIR}: copies local files and folders into a folder, as {@code hadoop fs -put} does. */
@Command(
        name = "put",
        mixinStandardHelpOptions = true,
        description = "Copy local files and folders into DIR (created if missing) of the cluster's file system:"
                + " LOCAL ends up as DIR/<name of LOCAL>.")
final class FsPutCommand implements Callable<Integer> {
    @ParentCommand
    private FsCommand fs;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "LOCAL... DIR", arity = "2..*", description = "Local files or folders, then the folder.")
    private List<String> arguments;

    @Option(
            names = {"-f", "--force"},
            description = "Replace what is already there (else an existing target is an error).")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        Configuration conf = fs.root.hadoopConfiguration();
        Path dir = new Path(arguments.get(arguments.size() - 1));
        FileSystem target = dir.getFileSystem(conf);
        dir = target.makeQualified(dir);
        List<String> locals = arguments.subList(0, arguments.size() - 1);
        for (String local : locals) {
            if (!Files.exists(java.nio.file.Path.of(local))) {
                throw SluiceException.notFound("%s: no such local file or folder", local);
            }
        }
        if (target.exists(dir) && !target.getFileStatus(dir).isDirectory()) {
            throw SluiceException.invalidArgument("%s is a file, not a folder", dir);
        }
        target.mkdirs(dir);
        for (String local : locals) {
            java.nio.file.Path source =
                    java.nio.file.Path.of(local).toAbsolutePath().normalize();
            Path copy = new Path(dir, source.getFileName().toString());
            if (target.exists(copy)) {
                if (!force) {
                    throw SluiceException.alreadyExists("%s already exists (--force replaces it)", copy);
                }
                target.delete(copy, true);
            }
            target.copyFromLocalFile(false, false, new Path(source.toUri()), copy);
            ContentSummary copied = target.getContentSummary(copy);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s -> %s (%s file%s, %s bytes)%n",
                            local,
                            copy,
                            Display.count(copied.getFileCount()),
                            copied.getFileCount() == 1 ? "" : "s",
                            Display.count(copied.getLength()));
        }
        return 0;
    }
}
