package io.sluice.catalog;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import io.sluice.catalog.TableChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed from one version of a table to another: an immutable list of {@link TableChange}s, empty when the
 * definitions are the same. Version ids and times are not compared, nor the table ids: the diff is about definitions.
 *
 * <p>The changes come in a fixed order: columns (removed, then added or changed in the newer order, then a
 * reordering), partition keys, location, formats, SerDe and storage parameters, compression, table type, description,
 * table parameters (by name). {@link #render()} prints one line per change.
 */
public record TableDiff(List<TableChange> changes) {
    public TableDiff {
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
    }

    public static TableDiff between(Table older, Table newer) {
        requireNonNull(older, "older is null");
        requireNonNull(newer, "newer is null");
        List<TableChange> changes = new ArrayList<>();
        StorageDescriptor before = older.storageDescriptor();
        StorageDescriptor after = newer.storageDescriptor();
        columns(before.columns(), after.columns(), changes);
        partitionKeys(older.partitionKeys(), newer.partitionKeys(), changes);
        storage(before, after, changes);
        value(Kind.TABLE_TYPE_CHANGED, "table type", older.tableType(), newer.tableType(), changes);
        value(Kind.DESCRIPTION_CHANGED, "description", older.description(), newer.description(), changes);
        parameters(
                older.parameters(),
                newer.parameters(),
                new Kinds(Kind.PARAMETER_ADDED, Kind.PARAMETER_REMOVED, Kind.PARAMETER_CHANGED),
                changes);
        return new TableDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per change, as {@link TableChange#render()} writes them; the empty string when nothing changed. */
    public String render() {
        return changes.stream().map(TableChange::render).collect(joining("\n"));
    }

    @Override
    public String toString() {
        return render();
    }

    private static void columns(List<Column> older, List<Column> newer, List<TableChange> changes) {
        Map<String, Column> before = byName(older);
        Map<String, Column> after = byName(newer);
        for (Column column : older) {
            if (!after.containsKey(column.name())) {
                changes.add(TableChange.removed(
                        Kind.COLUMN_REMOVED, column.name(), column.type().toString()));
            }
        }
        for (Column column : newer) {
            Column previous = before.get(column.name());
            if (previous == null) {
                changes.add(TableChange.added(
                        Kind.COLUMN_ADDED, column.name(), column.type().toString()));
            } else {
                columnChanges(previous, column, changes);
            }
        }
        List<String> kept = namesIn(older, after);
        List<String> keptNow = namesIn(newer, before);
        if (!kept.equals(keptNow)) {
            value(Kind.COLUMNS_REORDERED, "column order", String.join(", ", kept), String.join(", ", keptNow), changes);
        }
    }

    private static void columnChanges(Column previous, Column column, List<TableChange> changes) {
        String name = column.name();
        value(
                Kind.COLUMN_TYPE_CHANGED,
                name,
                previous.type().toString(),
                column.type().toString(),
                changes);
        value(Kind.COLUMN_COMMENT_CHANGED, name, previous.comment(), column.comment(), changes);
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name(), column));
        return byName;
    }

    /** The names of {@code columns} that {@code other} has too, in the order of {@code columns}. */
    private static List<String> namesIn(List<Column> columns, Map<String, Column> other) {
        return columns.stream().map(Column::name).filter(other::containsKey).toList();
    }

    private static void partitionKeys(List<Column> older, List<Column> newer, List<TableChange> changes) {
        value(Kind.PARTITION_KEYS_CHANGED, "partition keys", keyList(older), keyList(newer), changes);
        Map<String, Column> after = byName(newer);
        for (Column key : older) {
            Column now = after.get(key.name());
            if (now != null) {
                value(Kind.PARTITION_KEY_COMMENT_CHANGED, key.name(), key.comment(), now.comment(), changes);
            }
        }
    }

    private static Optional<String> keyList(List<Column> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                keys.stream().map(key -> key.name() + " " + key.type()).collect(joining(", ")));
    }

    private static void storage(StorageDescriptor before, StorageDescriptor after, List<TableChange> changes) {
        value(Kind.LOCATION_CHANGED, "location", before.location(), after.location(), changes);
        value(Kind.FORMAT_CHANGED, "input format", before.inputFormat(), after.inputFormat(), changes);
        value(Kind.FORMAT_CHANGED, "output format", before.outputFormat(), after.outputFormat(), changes);
        SerDeInfo serdeBefore = before.serdeInfo();
        SerDeInfo serdeAfter = after.serdeInfo();
        value(
                Kind.FORMAT_CHANGED,
                "serde",
                serdeBefore.serializationLibrary(),
                serdeAfter.serializationLibrary(),
                changes);
        value(Kind.FORMAT_CHANGED, "serde name", serdeBefore.name(), serdeAfter.name(), changes);
        Kinds serde = Kinds.all(Kind.SERDE_PARAMETER_CHANGED);
        parameters(serdeBefore.parameters(), serdeAfter.parameters(), serde, changes);
        Kinds storage = Kinds.all(Kind.STORAGE_PARAMETER_CHANGED);
        parameters(before.parameters(), after.parameters(), storage, changes);
        value(
                Kind.COMPRESSED_CHANGED,
                "compressed",
                String.valueOf(before.compressed()),
                String.valueOf(after.compressed()),
                changes);
    }

    /** The kinds of change that one map of parameters reports for an added, removed and changed key. */
    private record Kinds(Kind added, Kind removed, Kind changed) {
        static Kinds all(Kind kind) {
            return new Kinds(kind, kind, kind);
        }
    }

    private static void parameters(
            Map<String, String> older, Map<String, String> newer, Kinds kinds, List<TableChange> changes) {
        Set<String> keys = new TreeSet<>(older.keySet());
        keys.addAll(newer.keySet());
        for (String key : keys) {
            Optional<String> before = Optional.ofNullable(older.get(key));
            Optional<String> after = Optional.ofNullable(newer.get(key));
            Kind kind = before.isEmpty() ? kinds.added() : after.isEmpty() ? kinds.removed() : kinds.changed();
            value(kind, key, before, after, changes);
        }
    }

    private static void value(Kind kind, String subject, String before, String after, List<TableChange> changes) {
        value(kind, subject, Optional.of(before), Optional.of(after), changes);
    }

    private static void value(
            Kind kind, String subject, Optional<String> before, Optional<String> after, List<TableChange> changes) {
        if (!before.equals(after)) {
            changes.add(TableChange.changed(kind, subject, before, after));
        }
    }
}
