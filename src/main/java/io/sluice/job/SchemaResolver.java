package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Optional;

/**
 * Tells {@link JobValidator} the schemas of a job's sources: catalog tables, and the files of path sources that do not
 * declare a schema.
 */
public interface SchemaResolver {

    /** The table's columns and partition keys, or empty when there is no such table. */
    Optional<TableSchema> table(TableId id);

    /** The names of the tables of a database, to suggest one for a misspelt name; empty when not known. */
    default List<TableId> tables(String database) {
        return List.of();
    }

    /**
     * The schema of the files of a path source that declares none (read from Parquet, ORC or Avro files), or empty
     * when it cannot be known before the job runs. By default, empty.
     */
    default Optional<StructType> files(PathSource source) {
        return Optional.empty();
    }

    /** Tables from a catalog; path sources need a declared schema. */
    static SchemaResolver of(Catalog catalog) {
        requireNonNull(catalog, "catalog is null");
        return new SchemaResolver() {
            @Override
            public Optional<TableSchema> table(TableId id) {
                return catalog.getTable(id).map(SchemaResolver::schema);
            }

            @Override
            public List<TableId> tables(String database) {
                if (catalog.getDatabase(database).isEmpty()) {
                    return List.of();
                }
                return catalog.listTables(database).stream().map(Table::id).toList();
            }
        };
    }

    private static TableSchema schema(Table table) {
        return new TableSchema(table.storageDescriptor().columns(), table.partitionKeys());
    }
}
