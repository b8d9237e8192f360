package io.sluice.format.parquet;

import io.sluice.format.FieldNames;
import io.sluice.format.IncompatibleColumnException;
import io.sluice.format.ValueConversion;
import io.sluice.format.ValueConversions;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Which columns of a Parquet file a table reads, and how: the file schema pruned to the table's columns (matched by
 * name without case, recursively into structs, list elements and map values), which Parquet then reads alone, and the
 * {@link ReadNode} plan that turns what it reads into rows.
 *
 * <p>Lists are recognised in the standard three-level form and in the legacy forms the format's backward-compatibility
 * rules describe (two-level lists, {@code array} and {@code _tuple} groups, bare repeated fields). A column the file
 * lacks reads as null; a struct of which the file has none of the table's fields, as a struct of nulls.
 *
 * <p>{@link #of} throws {@link IncompatibleColumnException} for a column whose file type does not convert to the
 * table's.
 */
final class ParquetProjection {
    private final String file;
    private final MessageType requested;
    private final ReadNode.Struct root;

    private ParquetProjection(String file, MessageType fileSchema, StructType table) {
        this.file = file;
        Fields fields = fields(fileSchema, table, "");
        this.requested = new MessageType(fileSchema.getName(), fields.types());
        this.root = new ReadNode.Struct(table.fields().size(), fields.nodes());
    }

    static ParquetProjection of(MessageType fileSchema, StructType table, String file) {
        return new ParquetProjection(file, fileSchema, table);
    }

    /** The file schema with only the columns the table reads. */
    MessageType requested() {
        return requested;
    }

    /** The plan that turns the requested columns into rows. */
    ReadNode.Struct root() {
        return root;
    }

    private record Fields(List<Type> types, List<ReadNode.Field> nodes) {}

    private record Projected(Type type, ReadNode node) {}

    private Fields fields(GroupType group, StructType table, String path) {
        List<String> names = group.getFields().stream().map(Type::getName).toList();
        // Requested fields keep the file's order: Parquet numbers a group's converters in that order.
        Map<Integer, Projected> byFileIndex = new TreeMap<>();
        Map<Integer, ReadNode.Field> fields = new TreeMap<>();
        for (int position = 0; position < table.fields().size(); position++) {
            StructField column = table.fields().get(position);
            int index = FieldNames.find(names, column.name());
            if (index < 0) {
                continue;
            }
            Type field = group.getType(index);
            String columnPath = path + column.name();
            boolean bare = field.isRepetition(Repetition.REPEATED);
            Projected projected =
                    bare ? bareRepeated(field, column.type(), columnPath) : value(field, column.type(), columnPath);
            byFileIndex.put(index, projected);
            fields.put(index, new ReadNode.Field(position, projected.node(), bare));
        }
        List<Type> types = byFileIndex.values().stream().map(Projected::type).toList();
        return new Fields(types, new ArrayList<>(fields.values()));
    }

    /** A repeated field outside a LIST group: a list whose elements are the field's values. */
    private Projected bareRepeated(Type field, DataType tableType, String path) {
        if (!(tableType instanceof ArrayType array)) {
            throw incompatible(path, "array<" + describe(field) + ">", tableType);
        }
        return value(field, array.elementType(), path + ".element");
    }

    private Projected value(Type field, DataType tableType, String path) {
        if (tableType instanceof StructType struct) {
            return struct(field, struct, path);
        }
        if (tableType instanceof ArrayType array) {
            return list(field, array, path);
        }
        if (tableType instanceof MapType map) {
            return map(field, map, path);
        }
        return leaf(field, tableType, path);
    }

    private Projected struct(Type field, StructType table, String path) {
        if (field.isPrimitive() || field.getLogicalTypeAnnotation() != null) {
            throw incompatible(path, describe(field), table);
        }
        GroupType group = field.asGroupType();
        Fields fields = fields(group, table, path + ".");
        if (fields.types().isEmpty()) {
            // The file has none of the struct's fields: one column of the group, read and dropped, still tells a
            // struct of nulls from a null struct, as in the other formats.
            Type presence = firstColumn(group.getType(0));
            ReadNode.Field ignored = new ReadNode.Field(-1, new ReadNode.Ignored(presence), false);
            return new Projected(
                    group.withNewFields(presence),
                    new ReadNode.Struct(table.fields().size(), List.of(ignored)));
        }
        return new Projected(
                group.withNewFields(fields.types()),
                new ReadNode.Struct(table.fields().size(), fields.nodes()));
    }

    /** The field pruned to the path to its first primitive column. */
    private static Type firstColumn(Type field) {
        return field.isPrimitive()
                ? field
                : field.asGroupType()
                        .withNewFields(firstColumn(field.asGroupType().getType(0)));
    }

    private Projected list(Type field, ArrayType table, String path) {
        if (!isList(field)) {
            throw incompatible(path, describe(field), table);
        }
        GroupType list = field.asGroupType();
        Type repeated = list.getType(0);
        String elementPath = path + ".element";
        if (isTwoLevel(list, repeated)) {
            Projected element = value(repeated, table.elementType(), elementPath);
            return new Projected(list.withNewFields(element.type()), new ReadNode.List(false, element.node()));
        }
        GroupType wrapper = repeated.asGroupType();
        Projected element = value(wrapper.getType(0), table.elementType(), elementPath);
        return new Projected(
                list.withNewFields(wrapper.withNewFields(element.type())), new ReadNode.List(true, element.node()));
    }

    private static boolean isList(Type field) {
        return !field.isPrimitive()
                && field.getLogicalTypeAnnotation() instanceof ListLogicalTypeAnnotation
                && field.asGroupType().getFieldCount() == 1
                && field.asGroupType().getType(0).isRepetition(Repetition.REPEATED);
    }

    /** The backward-compatibility rules of the Parquet format's LIST: when the repeated field is the element. */
    private static boolean isTwoLevel(GroupType list, Type repeated) {
        return repeated.isPrimitive()
                || repeated.asGroupType().getFieldCount() > 1
                || repeated.getName().equals("array")
                || repeated.getName().equals(list.getName() + "_tuple");
    }

    private Projected map(Type field, MapType table, String path) {
        if (!isMap(field)) {
            throw incompatible(path, describe(field), table);
        }
        GroupType map = field.asGroupType();
        GroupType keyValue = map.getType(0).asGroupType();
        Projected key = leaf(keyValue.getType(0), table.keyType(), path + ".key");
        if (keyValue.getFieldCount() < 2) {
            // A map of keys alone (a set, as some writers store one): every value is null.
            return new Projected(
                    map.withNewFields(keyValue.withNewFields(key.type())), new ReadNode.Map(key.node(), null));
        }
        Projected value = value(keyValue.getType(1), table.valueType(), path + ".value");
        return new Projected(
                map.withNewFields(keyValue.withNewFields(key.type(), value.type())),
                new ReadNode.Map(key.node(), value.node()));
    }

    private static boolean isMap(Type field) {
        if (field.isPrimitive()) {
            return false;
        }
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        GroupType group = field.asGroupType();
        return (logical instanceof MapLogicalTypeAnnotation || logical instanceof MapKeyValueTypeAnnotation)
                && group.getFieldCount() == 1
                && group.getType(0).isRepetition(Repetition.REPEATED)
                && !group.getType(0).isPrimitive()
                && group.getType(0).asGroupType().getFieldCount() <= 2
                && group.getType(0).asGroupType().getType(0).isPrimitive();
    }

    private Projected leaf(Type field, DataType tableType, String path) {
        if (!field.isPrimitive() || !tableType.isPrimitive()) {
            throw incompatible(path, describe(field), tableType);
        }
        PrimitiveType primitive = field.asPrimitiveType();
        DataType fileType = ParquetLeafTypes.hiveType(primitive)
                .orElseThrow(() -> incompatible(path, ParquetLeafTypes.describe(primitive), tableType));
        ValueConversion conversion = ValueConversions.between(fileType, tableType)
                .orElseThrow(() -> incompatible(path, fileType.toString(), tableType));
        return new Projected(field, new ReadNode.Leaf(path, primitive, fileType, tableType, conversion));
    }

    /** A file field's type in a few words, for messages. */
    private static String describe(Type field) {
        if (field.isPrimitive()) {
            return ParquetLeafTypes.describe(field.asPrimitiveType());
        }
        if (isList(field)) {
            return "array";
        }
        if (isMap(field)) {
            return "map";
        }
        return field.getLogicalTypeAnnotation() == null ? "struct" : "group (" + field.getLogicalTypeAnnotation() + ")";
    }

    private IncompatibleColumnException incompatible(String path, String fileType, DataType tableType) {
        return new IncompatibleColumnException(file, path, fileType, tableType);
    }
}
