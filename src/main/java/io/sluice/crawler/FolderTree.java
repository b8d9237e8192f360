package io.sluice.crawler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The folders of a crawl target as a tree, each holding the verdicts of the files directly in it. */
final class FolderTree {
    private final String name;
    private final List<String> path;
    private final Map<String, FolderTree> children = new TreeMap<>();
    private final List<FileVerdict> files = new ArrayList<>();

    private FolderTree(String name, List<String> path) {
        this.name = name;
        this.path = path;
    }

    static FolderTree of(String rootName, List<FileVerdict> verdicts) {
        FolderTree root = new FolderTree(rootName, List.of());
        for (FileVerdict verdict : verdicts) {
            FolderTree node = root;
            for (String folder : verdict.file().folders()) {
                FolderTree parent = node;
                node = parent.children.computeIfAbsent(folder, f -> {
                    List<String> childPath = new ArrayList<>(parent.path);
                    childPath.add(f);
                    return new FolderTree(f, List.copyOf(childPath));
                });
            }
            node.files.add(verdict);
        }
        return root;
    }

    String name() {
        return name;
    }

    /** The folder names from the target down to this folder (empty for the target itself). */
    List<String> path() {
        return path;
    }

    String relativePath() {
        return path.isEmpty() ? "." : String.join("/", path);
    }

    List<FolderTree> children() {
        return List.copyOf(children.values());
    }

    /** Verdicts of the files directly in this folder. */
    List<FileVerdict> files() {
        return files;
    }

    /** Verdicts of every file in this folder and below, in path order. */
    List<FileVerdict> allFiles() {
        List<FileVerdict> all = new ArrayList<>();
        forEachFile(all::add);
        return all;
    }

    private void forEachFile(Consumer<FileVerdict> action) {
        files.forEach(action);
        children.values().forEach(child -> child.forEachFile(action));
    }
}
