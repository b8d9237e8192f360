package io.sluice.format.parquet;

import io.sluice.format.ValueConversion;
import io.sluice.types.DataType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** How one requested part of a Parquet file becomes part of a row: the plan {@link ParquetProjection} makes. */
sealed interface ReadNode {

    /** A group read as a struct (or the file's root read as the row), with the fields the table has, in file order. */
    record Struct(int width, java.util.List<Field> fields) implements ReadNode {
        public Struct {
            fields = java.util.List.copyOf(fields);
        }
    }

    /**
     * One requested field of a group and the table position it fills (-1 for an {@link Ignored} field). A {@code
     * repeated} field outside any LIST group (as protobuf and thrift writers make them) is a list by itself: each value
     * is one element.
     */
    record Field(int tablePosition, ReadNode node, boolean bareRepeated) {}

    /**
     * A LIST group. In the standard three-level form a repeated group wraps each element; in the legacy two-level form
     * the repeated field is the element.
     */
    record List(boolean threeLevel, ReadNode element) implements ReadNode {}

    /** A MAP group: the repeated key-value group holds the key, then the value (null when it holds keys alone). */
    record Map(ReadNode key, ReadNode value) implements ReadNode {}

    /** A requested part of the file whose values are dropped: read only to know whether its group is there. */
    record Ignored(Type type) implements ReadNode {}

    /** A primitive column, of the Hive type {@code fileType} in the file, converted to the table's type. */
    record Leaf(String column, PrimitiveType type, DataType fileType, DataType tableType, ValueConversion conversion)
            implements ReadNode {}
}
