package io.sluice.format.orc;

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
import java.util.regex.Pattern;
import org.apache.orc.TypeDescription;
import org.apache.orc.TypeDescription.Category;

/**
 * Which columns of an ORC file a table reads, and how: the file schema pruned to the table's columns (matched by
 * name without case, recursively into structs, list elements and map values) for ORC to read alone, and the reader of
 * each. A struct none of whose fields the file has reads as a struct of nulls.
 *
 * <p>Files written before Hive 0.13 name their columns {@code _col0, _col1...}; as Hive does, their top-level columns
 * are matched by position instead.
 */
final class OrcProjection {
    private static final Pattern UNNAMED = Pattern.compile("_col\\d+");

    private final String file;
    private final TypeDescription readSchema;
    private final int[] positions;
    private final VectorReader[] readers;

    private OrcProjection(String file, TypeDescription fileSchema, StructType table) {
        this.file = file;
        Fields fields = isUnnamed(fileSchema) ? byPosition(fileSchema, table) : struct(fileSchema, table, "");
        this.readSchema = fields.schema();
        this.positions = fields.positions();
        this.readers = fields.readers();
    }

    static OrcProjection of(TypeDescription fileSchema, StructType table, String file) {
        return new OrcProjection(file, fileSchema, table);
    }

    /** The file schema with only the columns the table reads, in file order. */
    TypeDescription readSchema() {
        return readSchema;
    }

    /** The table position of each column of {@link #readSchema()}. */
    int[] positions() {
        return positions.clone();
    }

    /** The reader of each column of {@link #readSchema()}. */
    VectorReader[] readers() {
        return readers.clone();
    }

    private record Fields(TypeDescription schema, int[] positions, VectorReader[] readers) {}

    private record Projected(TypeDescription type, VectorReader reader) {}

    private static boolean isUnnamed(TypeDescription schema) {
        return !schema.getFieldNames().isEmpty()
                && schema.getFieldNames().stream()
                        .allMatch(n -> UNNAMED.matcher(n).matches());
    }

    private Fields struct(TypeDescription struct, StructType table, String path) {
        List<String> names = struct.getFieldNames();
        // ORC's reader matches the read schema to the file by name: keep the file's spelling and order.
        Map<Integer, Integer> positionByIndex = new TreeMap<>();
        for (int position = 0; position < table.fields().size(); position++) {
            int index = FieldNames.find(names, table.fields().get(position).name());
            if (index >= 0) {
                positionByIndex.put(index, position);
            }
        }
        return fields(struct, table, path, positionByIndex);
    }

    /** The first columns of the file, as many as the table has: in such files only the order tells them apart. */
    private Fields byPosition(TypeDescription struct, StructType table) {
        Map<Integer, Integer> positionByIndex = new TreeMap<>();
        for (int i = 0; i < Math.min(table.fields().size(), struct.getChildren().size()); i++) {
            positionByIndex.put(i, i);
        }
        return fields(struct, table, "", positionByIndex);
    }

    private Fields fields(
            TypeDescription struct, StructType table, String path, Map<Integer, Integer> positionByIndex) {
        TypeDescription schema = TypeDescription.createStruct();
        List<Integer> positions = new ArrayList<>();
        List<VectorReader> readers = new ArrayList<>();
        positionByIndex.forEach((index, position) -> {
            StructField column = table.fields().get(position);
            Projected projected = value(struct.getChildren().get(index), column.type(), path + column.name());
            schema.addField(struct.getFieldNames().get(index), projected.type());
            positions.add(position);
            readers.add(projected.reader());
        });
        return new Fields(
                schema, positions.stream().mapToInt(Integer::intValue).toArray(), readers.toArray(VectorReader[]::new));
    }

    private Projected value(TypeDescription type, DataType tableType, String path) {
        if (tableType instanceof StructType struct) {
            require(type, Category.STRUCT, tableType, path);
            Fields fields = struct(type, struct, path + ".");
            return new Projected(
                    fields.schema(),
                    VectorReaders.struct(struct.fields().size(), fields.positions(), fields.readers()));
        }
        if (tableType instanceof ArrayType array) {
            require(type, Category.LIST, tableType, path);
            Projected element = value(type.getChildren().get(0), array.elementType(), path + ".element");
            return new Projected(TypeDescription.createList(element.type()), VectorReaders.list(element.reader()));
        }
        if (tableType instanceof MapType map) {
            require(type, Category.MAP, tableType, path);
            Projected key = value(type.getChildren().get(0), map.keyType(), path + ".key");
            Projected value = value(type.getChildren().get(1), map.valueType(), path + ".value");
            return new Projected(
                    TypeDescription.createMap(key.type(), value.type()),
                    VectorReaders.map(key.reader(), value.reader()));
        }
        return leaf(type, tableType, path);
    }

    private Projected leaf(TypeDescription type, DataType tableType, String path) {
        DataType fileType = OrcLeafTypes.hiveType(type)
                .orElseThrow(() -> incompatible(path, OrcLeafTypes.describe(type), tableType));
        ValueConversion conversion = ValueConversions.between(fileType, tableType)
                .orElseThrow(() -> incompatible(path, fileType.toString(), tableType));
        return new Projected(type.clone(), VectorReaders.leaf(type, fileType, conversion));
    }

    private void require(TypeDescription type, Category category, DataType tableType, String path) {
        if (type.getCategory() != category) {
            throw incompatible(path, OrcLeafTypes.describe(type), tableType);
        }
    }

    private IncompatibleColumnException incompatible(String path, String fileType, DataType tableType) {
        return new IncompatibleColumnException(file, path, fileType, tableType);
    }
}
