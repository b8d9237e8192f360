package io.sluice.types;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code struct<name:T,...>}: at least one field, names unique regardless of case. */
public record StructType(List<StructField> fields) implements DataType {
    public StructType {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a struct needs at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (StructField field : fields) {
            if (!seen.add(field.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate struct field name '" + field.name() + "'");
            }
        }
    }

    public static StructType of(StructField... fields) {
        return new StructType(List.of(fields));
    }

    /** The field with this name, compared without case as Hive does. */
    public Optional<StructField> field(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /*
     * equals and hashCode are written out: a record's generated ones link a method handle chain at their first call
     * (java.lang.runtime.ObjectMethods), and comparing schemas is among the first things every job does (~50 classes
     * spun at start-up for these two records).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof StructType that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.stream().map(StructField::toString).collect(Collectors.joining(",", "struct<", ">"));
    }
}
