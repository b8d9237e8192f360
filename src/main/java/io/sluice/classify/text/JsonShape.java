package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.TemporalFormat;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the JSON values seen at one place of a record look like, merged over records: the Hive type they need, and for
 * strings the date/timestamp formats every one of them matched. Values of different kinds merge as {@link
 * TypeWidening#merge} says (int with double is double, a string with a number is string); nulls, empty arrays and
 * empty objects are {@link Absent} and change nothing.
 */
sealed interface JsonShape {
    Absent ABSENT = new Absent();
    int MAX_EXAMPLE = 40;

    /** The Hive type of the values; {@code string} when there were none. */
    DataType type();

    /** The JSON kind of the values ({@code string}, {@code number}, ...), for reasons. */
    String kind();

    /** The text of the first scalar value, for reasons. */
    default Optional<String> example() {
        return Optional.empty();
    }

    /** Puts the date/timestamp format of each string place under {@code path} ({@code a.b}, {@code a[]}) in out. */
    default void formats(String path, Map<String, TemporalFormat> out) {}

    /** The value as an example in a reason: at most {@value #MAX_EXAMPLE} characters. */
    static String abbreviate(String value) {
        return value.length() <= MAX_EXAMPLE ? value : value.substring(0, MAX_EXAMPLE) + "...";
    }

    /** The shape both values fit. */
    static JsonShape merge(JsonShape a, JsonShape b) {
        if (a instanceof Absent) {
            return b;
        }
        if (b instanceof Absent) {
            return a;
        }
        if (a instanceof Text ta && b instanceof Text tb) {
            return ta.merge(tb);
        }
        if (a instanceof Scalar sa && b instanceof Scalar sb) {
            return new Scalar(TypeWidening.merge(sa.type(), sb.type()), sa.first);
        }
        if (a instanceof Struct sa && b instanceof Struct sb) {
            return sa.merge(sb);
        }
        if (a instanceof Array aa && b instanceof Array ab) {
            return new Array(merge(aa.element(), ab.element()));
        }
        return new Scalar(
                TypeWidening.merge(a.type(), b.type()),
                a.example().or(b::example).orElse(""));
    }

    /** No value: only nulls, empty arrays or empty objects. */
    record Absent() implements JsonShape {
        @Override
        public DataType type() {
            return PrimitiveType.STRING;
        }

        @Override
        public String kind() {
            return "null";
        }
    }

    /** Numbers and booleans, or values of different kinds merged; {@code first} is the text of the first value. */
    record Scalar(DataType type, String first) implements JsonShape {
        public Scalar {
            requireNonNull(type, "type is null");
            requireNonNull(first, "first is null");
        }

        @Override
        public String kind() {
            return type == PrimitiveType.BOOLEAN ? "boolean" : type.isNumeric() ? "number" : "mixed";
        }

        @Override
        public Optional<String> example() {
            return Optional.of(first);
        }
    }

    /**
     * Strings; {@code formats} are the date/timestamp formats every one of them matches, in order of preference, and
     * {@code first} is the first of them.
     */
    record Text(List<TemporalFormat> formats, String first) implements JsonShape {
        private static final int MIN_TEMPORAL = 8;
        private static final int MAX_TEMPORAL = 40;

        public Text {
            formats = List.copyOf(formats);
            requireNonNull(first, "first is null");
        }

        static Text of(String value) {
            return new Text(temporalFormats(value), abbreviate(value));
        }

        private static List<TemporalFormat> temporalFormats(String value) {
            // Every format starts with a digit; checking that first spares most strings the parse attempts.
            if (value.length() < MIN_TEMPORAL || value.length() > MAX_TEMPORAL || !Character.isDigit(value.charAt(0))) {
                return List.of();
            }
            return TemporalFormat.all().stream().filter(f -> f.matches(value)).toList();
        }

        Text merge(Text other) {
            List<TemporalFormat> common = new ArrayList<>(formats);
            common.retainAll(other.formats);
            return new Text(common, first);
        }

        Optional<TemporalFormat> format() {
            return formats.stream().findFirst();
        }

        @Override
        public DataType type() {
            return format().map(f -> f.isTimestamp() ? PrimitiveType.TIMESTAMP : PrimitiveType.DATE)
                    .orElse(PrimitiveType.STRING);
        }

        @Override
        public String kind() {
            return "string";
        }

        @Override
        public Optional<String> example() {
            return Optional.of(first);
        }

        @Override
        public void formats(String path, Map<String, TemporalFormat> out) {
            format().ifPresent(f -> out.put(path, f));
        }
    }

    /** Objects: fields by lower-case name, in first-seen order; never empty. */
    record Struct(Map<String, JsonShape> fields) implements JsonShape {
        public Struct {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a struct shape needs a field");
            }
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        Struct merge(Struct other) {
            Map<String, JsonShape> merged = new LinkedHashMap<>(fields);
            other.fields.forEach((name, shape) -> merged.merge(name, shape, JsonShape::merge));
            return new Struct(merged);
        }

        @Override
        public DataType type() {
            List<StructField> structFields = new ArrayList<>(fields.size());
            fields.forEach((name, shape) -> structFields.add(StructField.of(name, shape.type())));
            return new StructType(structFields);
        }

        @Override
        public String kind() {
            return "object";
        }

        @Override
        public void formats(String path, Map<String, TemporalFormat> out) {
            fields.forEach((name, shape) -> shape.formats(path + "." + name, out));
        }
    }

    /** Non-empty arrays: the shape of all their elements. */
    record Array(JsonShape element) implements JsonShape {
        public Array {
            requireNonNull(element, "element is null");
        }

        @Override
        public DataType type() {
            return ArrayType.of(element.type());
        }

        @Override
        public String kind() {
            return "array";
        }

        @Override
        public void formats(String path, Map<String, TemporalFormat> out) {
            element.formats(path + "[]", out);
        }
    }
}
