package io.sluice.crawler;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the data files under a crawl target through Hadoop's {@link FileSystem}, folders in parallel. Leaves out what
 * Hadoop tools leave out — names starting with {@code _} or {@code .} ({@code _SUCCESS}, {@code _temporary/},
 * {@code .crc}, {@code .DS_Store}), {@code *.crc} — plus empty files and excluded paths, recording each with its
 * reason.
 */
final class FileWalker {
    private final ExecutorService executor;
    private final Exclusions exclusions;

    FileWalker(ExecutorService executor, Exclusions exclusions) {
        this.executor = executor;
        this.exclusions = exclusions;
    }

    Listing walk(FileSystem fs, Path target) throws IOException {
        FileStatus root;
        try {
            root = fs.getFileStatus(target);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("crawl target " + target + " does not exist");
        }
        List<DataFile> files = Collections.synchronizedList(new ArrayList<>());
        List<Listing.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
        if (root.isFile()) {
            accept(root, List.of(), files, skipped);
        } else {
            walkFolder(fs, root.getPath(), List.of(), files, skipped).join();
        }
        List<DataFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(DataFile::relativePath));
        List<Listing.Skipped> sortedSkipped = new ArrayList<>(skipped);
        sortedSkipped.sort(Comparator.comparing(Listing.Skipped::path));
        return new Listing(root.getPath(), sorted, sortedSkipped);
    }

    private CompletableFuture<Void> walkFolder(
            FileSystem fs, Path folder, List<String> folders, List<DataFile> files, List<Listing.Skipped> skipped) {
        return CompletableFuture.supplyAsync(() -> list(fs, folder, folders, skipped), executor)
                .thenCompose(children -> {
                    List<CompletableFuture<Void>> subfolders = new ArrayList<>();
                    for (FileStatus child : children) {
                        String name = child.getPath().getName();
                        String relative = relative(folders, name);
                        if (isHidden(name)) {
                            continue;
                        }
                        if (exclusions.excludes(relative)) {
                            skipped.add(new Listing.Skipped(relative, "excluded by " + exclusions.globs(), true));
                        } else if (child.isDirectory()) {
                            subfolders.add(walkFolder(fs, child.getPath(), append(folders, name), files, skipped));
                        } else {
                            accept(child, folders, files, skipped);
                        }
                    }
                    return CompletableFuture.allOf(subfolders.toArray(CompletableFuture[]::new));
                });
    }

    private static void accept(
            FileStatus file, List<String> folders, List<DataFile> files, List<Listing.Skipped> skipped) {
        String name = file.getPath().getName();
        if (isHidden(name)) {
            return;
        }
        if (file.getLen() == 0) {
            skipped.add(new Listing.Skipped(relative(folders, name), "empty file", false));
            return;
        }
        files.add(DataFile.of(file, folders));
    }

    /** Names Hadoop tools treat as metadata or work in progress, never as data. */
    static boolean isHidden(String name) {
        return name.startsWith("_") || name.startsWith(".") || name.endsWith(".crc");
    }

    /** A folder that cannot be listed is reported and the walk goes on. */
    private static FileStatus[] list(FileSystem fs, Path folder, List<String> folders, List<Listing.Skipped> skipped) {
        try {
            return fs.listStatus(folder);
        } catch (IOException e) {
            skipped.add(new Listing.Skipped(
                    String.join("/", folders) + "/", "cannot list folder: " + e.getMessage(), false));
            return new FileStatus[0];
        }
    }

    private static List<String> append(List<String> folders, String name) {
        List<String> longer = new ArrayList<>(folders.size() + 1);
        longer.addAll(folders);
        longer.add(name);
        return List.copyOf(longer);
    }

    private static String relative(List<String> folders, String name) {
        return folders.isEmpty() ? name : String.join("/", folders) + "/" + name;
    }
}
