package io.sluice.format.avro;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
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
import org.apache.avro.Schema;

/**
 * Which fields of an Avro data file a table reads, and how: a reader schema that is the file's schema pruned to the
 * table's columns (matched by name without case, recursively into records, arrays, maps and union branches), with
 * which Avro skips the other fields instead of building them, and the converter of each column.
 *
 * <p>A union of null and one type is that type, nullable. A union of several types reads when each converts to the
 * table's type (say {@code ["int","long"]} as bigint, anything as string). A record none of whose fields the table has
 * reads as a struct of nulls.
 */
final class AvroProjection {
    private final String file;
    private final Schema readerSchema;
    private final int[] positions;
    private final AvroConverter[] converters;

    private AvroProjection(String file, Schema writerSchema, StructType table) {
        this.file = file;
        if (writerSchema.getType() != Schema.Type.RECORD) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    file + " holds Avro " + writerSchema.getType().getName() + " values, not records: it has no"
                            + " columns to read");
        }
        Fields fields = record(writerSchema, table, "");
        this.readerSchema = fields.schema();
        this.positions = fields.positions();
        this.converters = fields.converters();
    }

    static AvroProjection of(Schema writerSchema, StructType table, String file) {
        return new AvroProjection(file, writerSchema, table);
    }

    /** The file's schema with only the fields the table reads. */
    Schema readerSchema() {
        return readerSchema;
    }

    /** The table position of each field of {@link #readerSchema()}. */
    int[] positions() {
        return positions.clone();
    }

    /** The converter of each field of {@link #readerSchema()}. */
    AvroConverter[] converters() {
        return converters.clone();
    }

    private record Fields(Schema schema, int[] positions, AvroConverter[] converters) {}

    private record Projected(Schema schema, AvroConverter converter) {}

    private Fields record(Schema record, StructType table, String path) {
        List<String> names = record.getFields().stream().map(Schema.Field::name).toList();
        Map<Integer, Integer> positionByIndex = new TreeMap<>();
        for (int position = 0; position < table.fields().size(); position++) {
            int index = FieldNames.find(names, table.fields().get(position).name());
            if (index >= 0) {
                positionByIndex.put(index, position);
            }
        }
        List<Schema.Field> fields = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<AvroConverter> converters = new ArrayList<>();
        positionByIndex.forEach((index, position) -> {
            Schema.Field field = record.getFields().get(index);
            StructField column = table.fields().get(position);
            Projected projected = value(field.schema(), column.type(), path + column.name());
            // No default: the field is the writer's own, so Avro never needs one.
            fields.add(new Schema.Field(field.name(), projected.schema(), field.doc(), (Object) null));
            positions.add(position);
            converters.add(projected.converter());
        });
        // The writer's name: Avro resolves a reader record against the writer's by name.
        Schema schema = Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), record.isError());
        schema.setFields(fields);
        return new Fields(
                schema,
                positions.stream().mapToInt(Integer::intValue).toArray(),
                converters.toArray(AvroConverter[]::new));
    }

    private Projected value(Schema schema, DataType tableType, String path) {
        if (schema.getType() == Schema.Type.UNION) {
            return union(schema, tableType, path);
        }
        if (tableType instanceof StructType struct) {
            require(schema, Schema.Type.RECORD, tableType, path);
            Fields fields = record(schema, struct, path + ".");
            return new Projected(
                    fields.schema(),
                    AvroConverters.struct(struct.fields().size(), fields.positions(), fields.converters()));
        }
        if (tableType instanceof ArrayType array) {
            require(schema, Schema.Type.ARRAY, tableType, path);
            Projected element = value(schema.getElementType(), array.elementType(), path + ".element");
            return new Projected(Schema.createArray(element.schema()), AvroConverters.array(element.converter()));
        }
        if (tableType instanceof MapType map) {
            require(schema, Schema.Type.MAP, tableType, path);
            // Avro map keys are strings.
            Projected key = leaf(Schema.create(Schema.Type.STRING), map.keyType(), path + ".key");
            Projected value = value(schema.getValueType(), map.valueType(), path + ".value");
            return new Projected(
                    Schema.createMap(value.schema()), AvroConverters.map(key.converter(), value.converter()));
        }
        return leaf(schema, tableType, path);
    }

    private Projected union(Schema union, DataType tableType, String path) {
        List<Schema> branches = new ArrayList<>();
        List<AvroConverter> converters = new ArrayList<>();
        AvroConverter typed = null;
        int types = 0;
        for (Schema branch : union.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                branches.add(branch);
                converters.add(datum -> null);
            } else {
                Projected projected = value(branch, tableType, path);
                branches.add(projected.schema());
                converters.add(projected.converter());
                typed = projected.converter();
                types++;
            }
        }
        if (types == 0) {
            throw incompatible(path, "null", tableType);
        }
        Schema projected = Schema.createUnion(branches);
        // Null and one type: the type's converter takes null too, there is no branch to resolve.
        return new Projected(
                projected,
                types == 1 ? typed : AvroConverters.union(projected, converters.toArray(AvroConverter[]::new)));
    }

    private Projected leaf(Schema schema, DataType tableType, String path) {
        if (!tableType.isPrimitive()) {
            throw incompatible(path, AvroLeafTypes.describe(schema), tableType);
        }
        DataType fileType = AvroLeafTypes.hiveType(schema)
                .orElseThrow(() -> incompatible(path, AvroLeafTypes.describe(schema), tableType));
        ValueConversion conversion = ValueConversions.between(fileType, tableType)
                .orElseThrow(() -> incompatible(path, fileType.toString(), tableType));
        return new Projected(schema, AvroConverters.leaf(schema, fileType, conversion));
    }

    private void require(Schema schema, Schema.Type type, DataType tableType, String path) {
        if (schema.getType() != type) {
            throw incompatible(path, AvroLeafTypes.describe(schema), tableType);
        }
    }

    private IncompatibleColumnException incompatible(String path, String fileType, DataType tableType) {
        return new IncompatibleColumnException(file, path, fileType, tableType);
    }
}
