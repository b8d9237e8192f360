package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

/** What {@link Catalog#updateTable} did, and the table as now stored. */
public record TableUpdate(Outcome outcome, Table table) {
    public TableUpdate {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(table, "table is null");
    }

    public enum Outcome {
        /** The definition was identical: nothing was written. */
        UNCHANGED,
        /** Only {@link Table#STATISTICS_PARAMETERS} changed: updated in place, same version. */
        STATISTICS_UPDATED,
        /** The definition changed: the previous version was archived and the version id went up by one. */
        NEW_VERSION
    }
}
