package io.sluice.catalog;

import io.sluice.SluiceException;

/** A table's address in the catalog: {@code database.table}, both lower case. */
public record TableId(String database, String name) implements Comparable<TableId> {
    public TableId {
        database = Names.objectName("database", database);
        name = Names.objectName("table", name);
    }

    public static TableId of(String database, String name) {
        return new TableId(database, name);
    }

    /** Reads {@code db.table}. */
    public static TableId parse(String qualifiedName) {
        int dot = qualifiedName == null ? -1 : qualifiedName.indexOf('.');
        if (dot <= 0 || dot == qualifiedName.length() - 1 || qualifiedName.indexOf('.', dot + 1) >= 0) {
            throw SluiceException.invalidArgument("expected a table as DATABASE.TABLE, got '%s'", qualifiedName);
        }
        return new TableId(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    @Override
    public int compareTo(TableId other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return database + "." + name;
    }
}
