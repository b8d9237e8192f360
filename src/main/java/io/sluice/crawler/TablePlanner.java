package io.sluice.crawler;

import io.sluice.catalog.Column;
import io.sluice.crawler.TableCandidate.PartitionCandidate;
import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * Decides which files of a crawl target form which tables, and why.
 *
 * <p>From the target down, a folder becomes a table when all its files share one schema ({@link SchemaCluster}) and
 * the folders below it are partition-like ({@link PartitionLayout}); otherwise each subfolder is considered on its
 * own, and files lying directly in a split folder form tables of their own. With a table level, tables start at that
 * depth whatever the data says. Files at another depth than their table's partitions, and files of other schemas in a
 * forced table, are left out with a warning.
 */
final class TablePlanner {
    private final OptionalInt tableLevel;
    private final String tablePrefix;
    private final Map<String, DataType> partitionTypes;

    TablePlanner(OptionalInt tableLevel, String tablePrefix) {
        this(tableLevel, tablePrefix, Map.of());
    }

    TablePlanner(OptionalInt tableLevel, String tablePrefix, Map<String, DataType> partitionTypes) {
        this.tableLevel = tableLevel;
        this.tablePrefix = tablePrefix;
        this.partitionTypes = partitionTypes;
    }

    /** The tables of one target, with explanations and warnings. */
    PlannedTables plan(Path target, List<FileVerdict> verdicts) {
        Visit visit = new Visit(target);
        FolderTree root = FolderTree.of(target.getName(), verdicts);
        if (verdicts.size() == 1 && verdicts.get(0).file().folders().isEmpty() && isFile(target, verdicts.get(0))) {
            visit.singleFile(verdicts.get(0), "the target is a single file");
        } else {
            visit.folder(root, 0);
        }
        return new PlannedTables(uniqueNames(visit.tables), visit.decisions, visit.warnings);
    }

    private static boolean isFile(Path target, FileVerdict verdict) {
        return verdict.file().path().equals(target);
    }

    /** Tables found in one target, with the decisions taken and the files left out. */
    record PlannedTables(List<TableCandidate> tables, List<String> decisions, List<String> warnings) {}

    private final class Visit {
        private final Path target;
        private final List<TableCandidate> tables = new ArrayList<>();
        private final List<String> decisions = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Visit(Path target) {
            this.target = target;
        }

        void folder(FolderTree node, int depth) {
            if (tableLevel.isPresent()) {
                atLevel(node, depth);
                return;
            }
            List<FileVerdict> all = classified(node.allFiles());
            if (all.isEmpty()) {
                return;
            }
            List<SchemaCluster> clusters = SchemaCluster.of(all);
            String notOneTable;
            if (clusters.size() == 1) {
                Layout layout = layout(node, all);
                if (layout.result.layout().isPresent()) {
                    table(
                            node,
                            clusters.get(0),
                            layout,
                            (all.size() == 1
                                            ? "its one file has the schema "
                                            : "all " + all.size() + " files share one schema: ")
                                    + clusters.get(0).describe());
                    return;
                }
                notOneTable = layout.result.reason();
            } else {
                notOneTable = clusters.size() + " different schemas: " + describe(clusters);
            }
            decisions.add("not one table at " + node.relativePath() + ": " + notOneTable);
            split(node, depth);
        }

        private void split(FolderTree node, int depth) {
            for (FolderTree child : node.children()) {
                folder(child, depth + 1);
            }
            List<FileVerdict> direct = classified(node.files());
            if (direct.isEmpty()) {
                return;
            }
            List<SchemaCluster> clusters = SchemaCluster.of(direct);
            if (clusters.size() == 1 && node.children().isEmpty()) {
                table(
                        node,
                        clusters.get(0),
                        new Layout(PartitionLayout.Result.accepted(PartitionLayout.NONE), List.of()),
                        "the " + direct.size() + " files directly in " + node.relativePath() + " share one schema");
                return;
            }
            if (clusters.size() == 1) {
                table(
                        node,
                        clusters.get(0),
                        new Layout(PartitionLayout.Result.accepted(PartitionLayout.NONE), List.of()),
                        "the files directly in " + node.relativePath()
                                + " share one schema (its subfolders hold other tables)");
                return;
            }
            for (SchemaCluster cluster : clusters) {
                for (FileVerdict file : cluster.files()) {
                    singleFile(
                            file,
                            "its schema " + cluster.describe() + " differs from its neighbours' in "
                                    + node.relativePath());
                }
            }
        }

        private void atLevel(FolderTree node, int depth) {
            int level = tableLevel.getAsInt();
            if (depth < level) {
                for (FileVerdict file : node.files()) {
                    warnings.add(file.file() + ": above table level " + level + "; left out");
                }
                node.children().forEach(child -> atLevel(child, depth + 1));
                return;
            }
            List<FileVerdict> all = classified(node.allFiles());
            if (all.isEmpty()) {
                return;
            }
            List<SchemaCluster> clusters = new ArrayList<>(SchemaCluster.of(all));
            clusters.sort(Comparator.comparingInt((SchemaCluster c) -> c.files().size())
                    .reversed());
            for (SchemaCluster other : clusters.subList(1, clusters.size())) {
                other.files()
                        .forEach(f -> warnings.add(f.file() + ": schema " + other.describe() + " differs from table "
                                + node.relativePath() + "'s " + clusters.get(0).describe() + "; left out"));
            }
            Layout layout = layout(node, clusters.get(0).files());
            if (layout.result.layout().isEmpty()) {
                warnings.add(node.relativePath() + ": " + layout.result.reason() + "; read as unpartitioned");
                layout = new Layout(PartitionLayout.Result.accepted(PartitionLayout.NONE), List.of());
            }
            table(node, clusters.get(0), layout, "table level " + level + " puts a table at " + node.relativePath());
        }

        void singleFile(FileVerdict file, String why) {
            SchemaCluster cluster = SchemaCluster.of(List.of(file)).get(0);
            String name = Tables.sanitize(Tables.stem(file.file().name()));
            tables.add(new TableCandidate(
                    tablePrefix + name,
                    file.file().path(),
                    cluster.first(),
                    cluster.columns(),
                    List.of(),
                    List.of(),
                    List.of(file),
                    List.of(),
                    List.of("a table of one file: " + why)));
        }

        private void table(FolderTree node, SchemaCluster cluster, Layout layout, String why) {
            PartitionLayout partitions = layout.result.layout().orElseThrow();
            Path location = node.path().isEmpty() ? target : new Path(target, String.join("/", node.path()));
            List<FileVerdict> files = new ArrayList<>();
            for (FileVerdict file : cluster.files()) {
                if (depthBelow(node, file) == partitions.depth()) {
                    files.add(file);
                } else {
                    warnings.add(file.file() + ": not at the partition depth " + partitions.depth() + " of table at "
                            + node.relativePath() + "; left out");
                }
            }
            List<String> keys = partitionKeys(partitions.keys(), cluster.columns(), node);
            List<String> reasons = new ArrayList<>();
            reasons.add(why);
            if (!keys.isEmpty()) {
                reasons.add("partitioned by " + String.join(", ", keys) + " from the folders below it");
            }
            reasons.addAll(layout.notes);
            String name = Tables.sanitize(node.path().isEmpty() ? target.getName() : node.name());
            List<PartitionCandidate> found = partitions(node, location, partitions, files);
            tables.add(new TableCandidate(
                    tablePrefix + name,
                    location,
                    cluster.first(),
                    cluster.columns(),
                    keys,
                    keyTypes(keys, found, node),
                    files,
                    found,
                    reasons));
        }

        /** Declared partition key types, kept only when every value of the key is valid for the type. */
        private List<DataType> keyTypes(List<String> keys, List<PartitionCandidate> partitions, FolderTree node) {
            List<DataType> types = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                DataType declared = partitionTypes.getOrDefault(keys.get(i), PrimitiveType.STRING);
                types.add(declared);
                if (declared == PrimitiveType.STRING) {
                    continue;
                }
                TextValueParser parser = TextValueParser.of(declared, Optional.empty());
                for (PartitionCandidate partition : partitions) {
                    String value = partition.values().get(i);
                    if (value.equals(PartitionLayout.DEFAULT_PARTITION)) {
                        continue;
                    }
                    try {
                        parser.parse(value);
                    } catch (IllegalArgumentException e) {
                        warnings.add(node.relativePath() + ": partition key '" + keys.get(i) + "' stays a string: '"
                                + value + "' " + e.getMessage());
                        types.set(i, PrimitiveType.STRING);
                        break;
                    }
                }
            }
            return types;
        }

        /** Partition keys that collide with data columns are renamed, as Hive allows no such overlap. */
        private List<String> partitionKeys(List<String> keys, List<Column> columns, FolderTree node) {
            Set<String> names = new HashSet<>();
            columns.forEach(c -> names.add(c.name()));
            List<String> renamed = new ArrayList<>();
            for (String key : keys) {
                String name = key;
                while (names.contains(name)) {
                    name = name + "_partition";
                }
                if (!name.equals(key)) {
                    warnings.add(node.relativePath() + ": partition key '" + key + "' is also a column; named '" + name
                            + "'");
                }
                names.add(name);
                renamed.add(name);
            }
            return renamed;
        }

        private List<PartitionCandidate> partitions(
                FolderTree node, Path location, PartitionLayout layout, List<FileVerdict> files) {
            if (layout.depth() == 0) {
                return List.of();
            }
            Map<List<String>, List<FileVerdict>> byFolders = new LinkedHashMap<>();
            for (FileVerdict file : files) {
                List<String> folders = relativeFolders(node, file).subList(0, layout.depth());
                byFolders.computeIfAbsent(folders, f -> new ArrayList<>()).add(file);
            }
            List<PartitionCandidate> partitions = new ArrayList<>();
            byFolders.forEach((folders, partitionFiles) -> partitions.add(new PartitionCandidate(
                    layout.values(folders),
                    new Path(location, String.join("/", folders)),
                    partitionFiles,
                    SchemaCluster.of(partitionFiles).get(0).columns())));
            return partitions;
        }

        /** The files' majority depth below the node decides the partition depth (the deeper on a tie). */
        private Layout layout(FolderTree node, List<FileVerdict> files) {
            Map<Integer, Integer> depths = new HashMap<>();
            files.forEach(f -> depths.merge(depthBelow(node, f), 1, Integer::sum));
            int depth = depths.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow()
                    .getKey();
            List<List<String>> folders = files.stream()
                    .filter(f -> depthBelow(node, f) == depth)
                    .map(f -> relativeFolders(node, f))
                    .toList();
            List<String> notes = new ArrayList<>();
            if (depths.size() > 1) {
                notes.add("files sit at depths " + depths.keySet() + " below it; partitions taken at depth " + depth);
            }
            return new Layout(PartitionLayout.of(folders, depth), notes);
        }
    }

    private record Layout(PartitionLayout.Result result, List<String> notes) {}

    private static int depthBelow(FolderTree node, FileVerdict file) {
        return file.file().folders().size() - node.path().size();
    }

    private static List<String> relativeFolders(FolderTree node, FileVerdict file) {
        List<String> folders = file.file().folders();
        return folders.subList(node.path().size(), folders.size());
    }

    private static List<FileVerdict> classified(List<FileVerdict> verdicts) {
        return verdicts.stream().filter(v -> v.classification().isPresent()).toList();
    }

    private static String describe(List<SchemaCluster> clusters) {
        List<String> descriptions =
                clusters.stream().map(SchemaCluster::describe).toList();
        return String.join("; ", descriptions.subList(0, Math.min(3, descriptions.size())))
                + (descriptions.size() > 3 ? "; ..." : "");
    }

    /** Repeated names get their parent folder's name in front, then a number. */
    private static List<TableCandidate> uniqueNames(List<TableCandidate> tables) {
        Map<String, Integer> counts = new HashMap<>();
        tables.forEach(t -> counts.merge(t.name(), 1, Integer::sum));
        Set<String> used = new HashSet<>();
        List<TableCandidate> unique = new ArrayList<>();
        for (TableCandidate table : tables) {
            String name = table.name();
            if (counts.get(name) > 1 && table.location().getParent() != null) {
                name = Tables.sanitize(table.location().getParent().getName()) + "_" + name;
            }
            String candidate = name;
            for (int i = 2; used.contains(candidate); i++) {
                candidate = name + "_" + i;
            }
            used.add(candidate);
            unique.add(candidate.equals(table.name()) ? table : table.withName(candidate));
        }
        return unique;
    }
}
