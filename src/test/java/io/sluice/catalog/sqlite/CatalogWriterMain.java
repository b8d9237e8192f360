package io.sluice.catalog.sqlite;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.TableUpdate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes to a catalog from another process, for {@link SqliteCatalogTest}: opens it, prints {@code ready}, waits for a
 * line on standard input, then creates tables, adds partitions and updates one shared table, and prints {@code done}.
 *
 * <p>Arguments: catalog directory, writer name, number of rounds.
 */
public final class CatalogWriterMain {
    static final TableId SHARED = TableId.of("sales", "shared");

    private CatalogWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String writer = args[1];
        int rounds = Integer.parseInt(args[2]);
        try (Catalog catalog = SqliteCatalog.open(dir)) {
            // Reading the shared table first loads what writing needs, so that this process starts writing promptly.
            catalog.getTable(SHARED).orElseThrow();
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            write(catalog, writer, rounds);
            System.out.println("done");
        }
    }

    /**
     * One round: a table of its own, a partition of the shared table, and a new version of the shared table. SQLite
     * does not queue waiting writers fairly: without a pause between rounds one writer can hold the others off until
     * it is done, and the writes would not interleave.
     */
    static void write(Catalog catalog, String writer, int rounds) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            Thread.sleep(1);
            catalog.createTable(table(TableId.of("sales", writer + "_" + i), List.of()));
            catalog.addPartitions(SHARED, List.of(partition(writer, i)));
            Table next = shared().toBuilder().description(writer + " " + i).build();
            TableUpdate update = catalog.updateTable(next);
            if (update.outcome() != TableUpdate.Outcome.NEW_VERSION) {
                throw new IllegalStateException("expected a new version, got " + update);
            }
        }
    }

    static Table shared() {
        return table(SHARED, List.of(Column.of("writer", "string"), Column.of("round", "int")));
    }

    static Partition partition(String writer, int round) {
        return Partition.of(SHARED, List.of(writer, String.valueOf(round)), storage("/" + writer + "/" + round));
    }

    private static Table table(TableId id, List<Column> partitionKeys) {
        return Table.builder(id)
                .storageDescriptor(storage("/" + id.name()))
                .partitionKeys(partitionKeys)
                .build();
    }

    private static StorageDescriptor storage(String path) {
        return StorageDescriptor.of(
                List.of(Column.of("id", "bigint")), "hdfs:///warehouse/sales" + path, StorageFormat.ORC);
    }
}
