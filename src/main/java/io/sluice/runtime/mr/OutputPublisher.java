package io.sluice.runtime.mr;

import io.sluice.SluiceException;
import io.sluice.job.Output;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Moves a successful run's files from its staging folder into the output ({@code overwrite} replaces the partitions
 * written, or everything when the output is not partitioned; {@code append} adds files), and gathers the bad records
 * the plan's earlier MapReduce jobs logged into the staging folder's {@code _errors/} first.
 */
final class OutputPublisher {
    private final FileSystem fs;

    OutputPublisher(FileSystem fs) {
        this.fs = fs;
    }

    static void checkMode(FileSystem fs, Path target, Output.Mode mode) throws IOException {
        if (mode == Output.Mode.ERROR && fs.exists(target) && fs.listStatus(target).length > 0) {
            throw SluiceException.alreadyExists(
                    "output %s has data; the job's mode is error (use mode: overwrite or append)", target);
        }
    }

    /** Moves the {@code _errors/} files of an intermediate output into the staging folder's. */
    void gatherErrors(Path intermediate, Path staging) throws IOException {
        Path errors = new Path(intermediate, "_errors");
        if (!fs.exists(errors)) {
            return;
        }
        Path into = new Path(staging, "_errors");
        fs.mkdirs(into);
        for (FileStatus file : fs.listStatus(errors)) {
            Path destination = new Path(into, file.getPath().getName());
            if (fs.exists(destination)) {
                destination = new Path(
                        into, intermediate.getName() + "-" + file.getPath().getName());
            }
            if (!fs.rename(file.getPath(), destination)) {
                throw new IOException("cannot move " + file.getPath() + " to " + destination);
            }
        }
    }

    /** Moves a successful job's files from staging into place; returns the partition folders written. */
    List<String> publish(Path staging, Path target, Output output) throws IOException {
        fs.mkdirs(target);
        List<String> partitions = new ArrayList<>();
        collectPartitions(staging, "", output.partitionBy().size(), partitions);
        if (output.mode() == Output.Mode.OVERWRITE) {
            if (partitions.isEmpty() || output.partitionBy().isEmpty()) {
                for (FileStatus old : fs.listStatus(target)) {
                    fs.delete(old.getPath(), true);
                }
            } else {
                for (String partition : partitions) {
                    fs.delete(new Path(target, partition), true);
                }
            }
        }
        moveContents(staging, target);
        fs.delete(staging, true);
        return partitions;
    }

    private void collectPartitions(Path folder, String prefix, int depth, List<String> out) throws IOException {
        if (depth == 0) {
            if (!prefix.isEmpty()) {
                out.add(prefix);
            }
            return;
        }
        for (FileStatus child : fs.listStatus(folder)) {
            String name = child.getPath().getName();
            if (child.isDirectory() && name.contains("=")) {
                collectPartitions(child.getPath(), prefix.isEmpty() ? name : prefix + "/" + name, depth - 1, out);
            }
        }
    }

    /** Moves every file under {@code from} to the same relative place under {@code to}, folders created as needed. */
    private void moveContents(Path from, Path to) throws IOException {
        for (FileStatus child : fs.listStatus(from)) {
            Path destination = new Path(to, child.getPath().getName());
            if (child.isDirectory()) {
                fs.mkdirs(destination);
                moveContents(child.getPath(), destination);
            } else if (!child.getPath().getName().equals("_SUCCESS") || !fs.exists(destination)) {
                fs.delete(destination, false);
                if (!fs.rename(child.getPath(), destination)) {
                    throw new IOException("cannot move " + child.getPath() + " to " + destination);
                }
            }
        }
    }
}
