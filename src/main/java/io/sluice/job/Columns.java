package io.sluice.job;

import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of the rows between two stages while a job is checked. A column whose type could not be found (its
 * expression has a problem, already reported) keeps its place with an unknown type, so that the stages after it are
 * not blamed for it. Names compare without case.
 */
final class Columns {
    /** A column; an empty type is unknown. */
    record Col(String name, Optional<DataType> type) {}

    private final List<Col> columns;
    private final boolean open;

    private Columns(List<Col> columns, boolean open) {
        this.columns = List.copyOf(columns);
        this.open = open;
    }

    static Columns of(StructType schema) {
        return new Columns(
                schema.fields().stream()
                        .map(f -> new Col(f.name(), Optional.of(f.type())))
                        .toList(),
                false);
    }

    static Columns empty() {
        return new Columns(List.of(), false);
    }

    /**
     * These columns and possibly others not known: those of a source whose schema could not be found (a problem
     * reported already). Names not found in open columns are not problems of their own.
     */
    Columns opened() {
        return new Columns(columns, true);
    }

    boolean isOpen() {
        return open;
    }

    List<Col> all() {
        return columns;
    }

    List<String> names() {
        return columns.stream().map(Col::name).toList();
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    Optional<Col> get(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    boolean has(String name) {
        return get(name).isPresent();
    }

    /** Adds a column at the end, or replaces the one of the same name in its place. */
    Columns with(String name, Optional<DataType> type) {
        List<Col> copy = new ArrayList<>(columns);
        Col column = new Col(name, type);
        int index = indexOf(name);
        if (index >= 0) {
            copy.set(index, column);
        } else {
            copy.add(column);
        }
        return new Columns(copy, open);
    }

    /** Replaces one column by others, in its place. */
    Columns replace(String name, List<Col> replacements) {
        List<Col> copy = new ArrayList<>(columns);
        int index = indexOf(name);
        copy.remove(index);
        copy.addAll(index, replacements);
        return new Columns(copy, open);
    }

    Columns without(String name) {
        return replace(name, List.of());
    }

    Columns renamed(String from, String to) {
        Col column = get(from).orElseThrow();
        return replace(from, List.of(new Col(to, column.type())));
    }

    /** The names of the columns of unknown type, lower case. */
    Set<String> unknown() {
        return columns.stream()
                .filter(c -> c.type().isEmpty())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** The columns whose type is known, as a schema for expressions; empty when there is none. */
    Optional<StructType> known() {
        List<StructField> fields = columns.stream()
                .filter(c -> c.type().isPresent())
                .map(c -> StructField.of(c.name(), c.type().get()))
                .toList();
        return fields.isEmpty() ? Optional.empty() : Optional.of(new StructType(fields));
    }

    /** The schema, when every column and type is known and there is at least one column. */
    Optional<StructType> schema() {
        return unknown().isEmpty() && !open && !columns.isEmpty() ? known() : Optional.empty();
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
