package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import io.sluice.types.DataType;
import java.util.Optional;

/** A column of a table or a partition key: lower-case name, Hive type, optional comment. */
public record Column(String name, DataType type, Optional<String> comment) {
    public Column {
        name = Names.columnName(name);
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }

    public static Column of(String name, DataType type) {
        return new Column(name, type, Optional.empty());
    }

    public static Column of(String name, String type) {
        return new Column(name, DataType.parse(type), Optional.empty());
    }

    public Column withComment(String comment) {
        return new Column(name, type, Optional.of(comment));
    }
}
