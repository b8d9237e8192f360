package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import java.util.List;
import java.util.Optional;

/**
 * What a crawl does to one table of the catalog, decided before anything is written (so {@code --dry-run} can show
 * it).
 *
 * @param proposed the table as the crawl found it
 * @param existing the table as the catalog had it
 * @param added partitions new to the catalog
 * @param updated partitions whose definition changed
 * @param unchanged how many partitions stay as they were
 * @param vanished partitions in the catalog whose folder is gone
 * @param reasons why the crawl sees this table so
 */
public record TableChange(
        Kind kind,
        Table proposed,
        Optional<Table> existing,
        List<Partition> added,
        List<Partition> updated,
        int unchanged,
        List<Partition> vanished,
        List<String> reasons) {

    public TableChange {
        requireNonNull(kind, "kind is null");
        requireNonNull(proposed, "proposed is null");
        requireNonNull(existing, "existing is null");
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        vanished = List.copyOf(vanished);
        reasons = List.copyOf(reasons);
    }

    public enum Kind {
        CREATE,
        /** The schema or storage changed: a new table version. */
        UPDATE,
        /** Only statistics changed: updated in place. */
        REFRESH_STATISTICS,
        /** The schema changed but the update policy is {@code log}: reported, not applied. */
        SCHEMA_CHANGE_LOGGED,
        UNCHANGED
    }
}
