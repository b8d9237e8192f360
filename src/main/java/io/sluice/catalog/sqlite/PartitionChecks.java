package io.sluice.catalog.sqlite;

import io.sluice.SluiceException;
import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** What partitions given to the catalog must satisfy before anything is written, and how messages name them. */
final class PartitionChecks {
    private PartitionChecks() {}

    /** Each partition belongs to the table, has one value per partition key, and appears once. */
    static void checkPartitions(Table table, List<Partition> partitions) {
        for (Partition partition : partitions) {
            if (!partition.table().equals(table.id())) {
                throw SluiceException.invalidArgument(
                        "partition %s belongs to table %s, not to %s",
                        partition.values(), partition.table(), table.id());
            }
        }
        checkDistinctValues(table, partitions.stream().map(Partition::values).toList());
    }

    /** Each has one value per partition key, and appears once. */
    static void checkDistinctValues(Table table, List<List<String>> values) {
        Set<List<String>> seen = new HashSet<>();
        for (List<String> partitionValues : values) {
            checkValues(table, partitionValues);
            if (!seen.add(partitionValues)) {
                throw SluiceException.invalidArgument(
                        "partition %s of %s is given twice", name(table, partitionValues), table.id());
            }
        }
    }

    static void checkValues(Table table, List<String> values) {
        if (!table.isPartitioned()) {
            throw SluiceException.invalidArgument("table %s is not partitioned", table.id());
        }
        if (values.size() != table.partitionKeys().size()) {
            throw SluiceException.invalidArgument(
                    "partition %s of %s has %d value(s), but the table has %d partition key(s) (%s)",
                    values,
                    table.id(),
                    values.size(),
                    table.partitionKeys().size(),
                    String.join(", ", table.partitionKeyNames()));
        }
    }

    /** A partition as Hive names it: {@code year=2024/month=01}. */
    static String name(Table table, List<String> values) {
        List<String> keys = table.partitionKeyNames();
        StringJoiner name = new StringJoiner("/");
        for (int i = 0; i < values.size(); i++) {
            name.add((i < keys.size() ? keys.get(i) : "?") + "=" + values.get(i));
        }
        return name.toString();
    }
}
