package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row-by-row work. Every part is optional and they apply in this order, each to the result of the one before:
 *
 * <ol>
 *   <li>{@code flatten}: each struct column is replaced by one column per field, named {@code column_field};
 *   <li>{@code explode}: an array column is replaced by one row per element, in a column named {@code as};
 *   <li>{@code filter}: keeps the rows for which the condition is true (not false, not null);
 *   <li>{@code select}: the row becomes exactly these columns, each computed from the row before the select;
 *   <li>{@code derive}: adds columns, or replaces those of the same name, in order: each sees the ones above it;
 *   <li>{@code rename}: {@code old: new};
 *   <li>{@code drop}: removes columns;
 *   <li>{@code cast}: changes the type of columns ({@code CAST(col AS type)});
 *   <li>{@code function}: a {@link Function custom row function}, which gives zero or more rows per row.
 * </ol>
 */
public record MapStage(
        List<ColumnRef> flatten,
        Optional<Explode> explode,
        Optional<Expr> filter,
        List<NamedExpr> select,
        List<NamedExpr> derive,
        List<Rename> rename,
        List<ColumnRef> drop,
        List<Cast> cast,
        Optional<Function> function,
        int line)
        implements Stage {

    public MapStage {
        flatten = List.copyOf(requireNonNull(flatten, "flatten is null"));
        requireNonNull(explode, "explode is null");
        requireNonNull(filter, "filter is null");
        select = List.copyOf(requireNonNull(select, "select is null"));
        derive = List.copyOf(requireNonNull(derive, "derive is null"));
        rename = List.copyOf(requireNonNull(rename, "rename is null"));
        drop = List.copyOf(requireNonNull(drop, "drop is null"));
        cast = List.copyOf(requireNonNull(cast, "cast is null"));
        requireNonNull(function, "function is null");
    }

    @Override
    public String kind() {
        return "map";
    }

    /**
     * One row per element of an array column, the element in column {@code as} (at the array's place); rows whose
     * array is empty or null are dropped unless {@code outer}, which keeps them once with a null element.
     */
    public record Explode(ColumnRef column, String as, boolean outer) {
        public Explode {
            requireNonNull(column, "column is null");
            requireNonNull(as, "as is null");
        }
    }

    /** A column renamed: {@code from: to}. */
    public record Rename(ColumnRef from, String to) {
        public Rename {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** A column cast to another type: {@code column: type}. */
    public record Cast(ColumnRef column, DataType type) {
        public Cast {
            requireNonNull(column, "column is null");
            requireNonNull(type, "type is null");
        }
    }

    /**
     * A user's row function: the class, which implements {@code io.sluice.api.RowFunction}, and its options.
     *
     * @param line where the function is named, for problems with the class
     */
    public record Function(String className, Map<String, String> options, int line) {
        public Function {
            requireNonNull(className, "className is null");
            options = java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(requireNonNull(options, "options is null")));
        }
    }
}
