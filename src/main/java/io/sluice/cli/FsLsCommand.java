package io.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.SluiceException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice fs ls PATH}: the files and folders under a path of the cluster's file system, in name order. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        description = "List a folder (or a file) of the cluster's file system: type, size, modification time, path.")
final class FsLsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private FsCommand fs;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", defaultValue = ".", description = "Default: the home folder.")
    private String path;

    @Option(
            names = {"-R", "--recursive"},
            description = "List the folders below too.")
    private boolean recursive;

    @Mixin
    private JsonOption json;

    @Override
    public Integer call() throws IOException {
        Path listed = new Path(path);
        FileSystem files = listed.getFileSystem(fs.root.hadoopConfiguration());
        List<FileStatus> statuses = new ArrayList<>();
        try {
            collect(files, files.makeQualified(listed), statuses);
        } catch (FileNotFoundException e) {
            throw SluiceException.notFound("%s: no such file or folder", files.makeQualified(listed));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            out.println(json(statuses));
            return 0;
        }
        TextTable table = TextTable.withHeader("TYPE", "SIZE", "MODIFIED", "PATH");
        for (FileStatus status : statuses) {
            table.row(
                    status.isDirectory() ? "dir" : "file",
                    status.isDirectory() ? "" : Display.count(status.getLen()),
                    Display.time(java.util.Optional.of(Instant.ofEpochMilli(status.getModificationTime()))),
                    status.getPath());
        }
        table.print(out);
        return 0;
    }

    private void collect(FileSystem files, Path path, List<FileStatus> statuses) throws IOException {
        FileStatus[] children = files.listStatus(path);
        Arrays.sort(children, Comparator.comparing(FileStatus::getPath));
        for (FileStatus child : children) {
            statuses.add(child);
            if (recursive && child.isDirectory()) {
                collect(files, child.getPath(), statuses);
            }
        }
    }

    private static String json(List<FileStatus> statuses) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("Files");
        for (FileStatus status : statuses) {
            ObjectNode file = list.addObject();
            file.put("Path", status.getPath().toString());
            file.put("Type", status.isDirectory() ? "DIRECTORY" : "FILE");
            file.put("Size", status.getLen());
            file.put(
                    "ModificationTime",
                    Instant.ofEpochMilli(status.getModificationTime()).toString());
        }
        return JSON.writeValueAsString(root);
    }
}
