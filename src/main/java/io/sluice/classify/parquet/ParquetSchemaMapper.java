package io.sluice.classify.parquet;

import io.sluice.classify.InferredColumn;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Maps a Parquet schema to Hive types, column by column, the way Hive's Parquet SerDe reads the file.
 *
 * <ul>
 *   <li>Integers by annotation: {@code INT(8/16/32/64, signed)} → {@code tinyint/smallint/int/bigint}; unsigned ones
 *       take the next wider type ({@code uint8 → smallint}, {@code uint16 → int}, {@code uint32 → bigint}) and {@code
 *       uint64 → decimal(20,0)}, since no Hive integer holds it.
 *   <li>{@code DECIMAL(p,s)} → {@code decimal(p,s)} on every physical type; beyond Hive's 38 digits → {@code
 *       string}, so no digit is lost.
 *   <li>{@code DATE → date}; {@code TIMESTAMP} of any unit, adjusted to UTC or not, and the legacy {@code INT96} →
 *       {@code timestamp}.
 *   <li>{@code TIME} → {@code bigint}, the count of the annotation's unit since midnight: Hive has no time of day,
 *       and a number keeps the value exact and sortable (the column's reason names the unit).
 *   <li>Binary: {@code STRING/ENUM/JSON} and {@code UUID} (written as its canonical text) → {@code string}; plain,
 *       {@code BSON}, {@code INTERVAL} and geospatial → {@code binary}; {@code FLOAT16} → {@code float}.
 *   <li>{@code LIST} groups → {@code array}, in the standard 3-level form and every legacy 2-level form the Parquet
 *       specification's backward-compatibility rules list; a repeated field without {@code LIST} → {@code array} of
 *       it; {@code MAP} and {@code MAP_KEY_VALUE} → {@code map}; other groups → {@code struct}.
 * </ul>
 *
 * <p>Each column's reason names its Parquet type and, where the mapping made a choice, why.
 */
public final class ParquetSchemaMapper {
    private final Set<String> notes = new LinkedHashSet<>();

    private ParquetSchemaMapper() {}

    /** The columns of a file with this schema, in file order. */
    public static List<InferredColumn> columns(MessageType schema) {
        List<InferredColumn> columns = new ArrayList<>();
        for (Type field : schema.getFields()) {
            columns.add(column(field));
        }
        return columns;
    }

    /** The Hive type of one field, as a column of that name would have. */
    public static DataType hiveType(Type field) {
        return new ParquetSchemaMapper().field(field);
    }

    private static InferredColumn column(Type field) {
        ParquetSchemaMapper mapper = new ParquetSchemaMapper();
        DataType type = mapper.field(field);
        StringBuilder reason =
                new StringBuilder(type.toString()).append(": Parquet ").append(describe(field));
        for (String note : mapper.notes) {
            reason.append("; ").append(note);
        }
        return new InferredColumn(field.getName(), type, reason.toString());
    }

    /** The field as a struct member or column: its type, wrapped in an array when the field repeats. */
    private DataType field(Type field) {
        if (!field.isRepetition(Repetition.REPEATED)) {
            return type(field);
        }
        if (!field.isPrimitive() && isKeyValueGroup(field.asGroupType())) {
            // Legacy maps: the repeated key/value group is the map itself, not a list of maps.
            return map(field.asGroupType());
        }
        notes.add("repeated field '" + field.getName() + "' without LIST annotation read as an array");
        return ArrayType.of(type(field));
    }

    /** The type of the field's values, whatever its repetition. */
    private DataType type(Type field) {
        return field.isPrimitive() ? primitive(field.asPrimitiveType()) : group(field.asGroupType());
    }

    private DataType group(GroupType group) {
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        if (annotation instanceof ListLogicalTypeAnnotation) {
            return list(group);
        }
        if (annotation instanceof MapLogicalTypeAnnotation || annotation instanceof MapKeyValueTypeAnnotation) {
            return map(group);
        }
        return struct(group);
    }

    private DataType struct(GroupType group) {
        if (group.getFieldCount() == 0) {
            notes.add("empty group '" + group.getName() + "' read as string (Hive structs need a field)");
            return PrimitiveType.STRING;
        }
        List<StructField> fields = new ArrayList<>();
        for (Type field : group.getFields()) {
            fields.add(StructField.of(field.getName(), field(field)));
        }
        return new StructType(fields);
    }

    /** The backward-compatibility rules of the Parquet specification (LogicalTypes.md, Lists), in its order. */
    private DataType list(GroupType list) {
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Repetition.REPEATED)) {
            notes.add("group '" + list.getName() + "' is annotated LIST but has no single repeated field; read as a"
                    + " struct");
            return struct(list);
        }
        Type repeated = list.getType(0);
        if (repeated.isPrimitive()) {
            return ArrayType.of(type(repeated));
        }
        GroupType repeatedGroup = repeated.asGroupType();
        boolean legacyElement = repeatedGroup.getFieldCount() > 1
                || repeatedGroup.getName().equals("array")
                || repeatedGroup.getName().equals(list.getName() + "_tuple");
        if (legacyElement) {
            return ArrayType.of(type(repeatedGroup));
        }
        return ArrayType.of(field(repeatedGroup.getType(0)));
    }

    private DataType map(GroupType map) {
        GroupType keyValue = isKeyValueGroup(map) ? map : map.getType(0).asGroupType();
        if (keyValue.getFieldCount() == 0 || keyValue.getFieldCount() > 2) {
            notes.add("map '" + map.getName() + "' has no key/value pair; read as a struct");
            return struct(keyValue);
        }
        DataType key = type(keyValue.getType(0));
        if (keyValue.getFieldCount() == 1) {
            notes.add("map '" + map.getName() + "' has keys only; read as an array of its keys");
            return ArrayType.of(key);
        }
        DataType value = field(keyValue.getType(1));
        if (!key.isPrimitive()) {
            notes.add("map '" + map.getName() + "' has " + key + " keys, which Hive maps cannot have; read as an array"
                    + " of key/value structs");
            return ArrayType.of(StructType.of(StructField.of("key", key), StructField.of("value", value)));
        }
        return MapType.of(key, value);
    }

    /** True for a map group holding key and value directly, rather than through one repeated key_value group. */
    private static boolean isKeyValueGroup(GroupType group) {
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        boolean mapAnnotated =
                annotation instanceof MapLogicalTypeAnnotation || annotation instanceof MapKeyValueTypeAnnotation;
        boolean wrapsRepeatedGroup = group.getFieldCount() == 1
                && !group.getType(0).isPrimitive()
                && group.getType(0).isRepetition(Repetition.REPEATED);
        return mapAnnotated && !wrapsRepeatedGroup;
    }

    private DataType primitive(org.apache.parquet.schema.PrimitiveType primitive) {
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
            return decimal(decimal.getPrecision(), decimal.getScale());
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> PrimitiveType.BOOLEAN;
            case INT32 -> int32(annotation);
            case INT64 -> int64(annotation);
            case INT96 -> {
                notes.add("INT96 is the legacy nanosecond timestamp of Impala, Hive and Spark");
                yield PrimitiveType.TIMESTAMP;
            }
            case FLOAT -> PrimitiveType.FLOAT;
            case DOUBLE -> PrimitiveType.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes(primitive, annotation);
        };
    }

    private DataType int32(LogicalTypeAnnotation annotation) {
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            return integer(integer);
        }
        if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return PrimitiveType.DATE;
        }
        if (annotation instanceof TimeLogicalTypeAnnotation time) {
            return time(time);
        }
        return PrimitiveType.INT;
    }

    private DataType int64(LogicalTypeAnnotation annotation) {
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            return integer(integer);
        }
        if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
            if (timestamp.isAdjustedToUTC()) {
                notes.add("the instants are adjusted to UTC and read as UTC timestamps");
            }
            return PrimitiveType.TIMESTAMP;
        }
        if (annotation instanceof TimeLogicalTypeAnnotation time) {
            return time(time);
        }
        return PrimitiveType.BIGINT;
    }

    private DataType integer(IntLogicalTypeAnnotation integer) {
        int bits = integer.getBitWidth();
        if (integer.isSigned()) {
            return switch (bits) {
                case 8 -> PrimitiveType.TINYINT;
                case 16 -> PrimitiveType.SMALLINT;
                case 32 -> PrimitiveType.INT;
                default -> PrimitiveType.BIGINT;
            };
        }
        notes.add("unsigned " + bits + "-bit integers need the next wider Hive type");
        return switch (bits) {
            case 8 -> PrimitiveType.SMALLINT;
            case 16 -> PrimitiveType.INT;
            case 32 -> PrimitiveType.BIGINT;
            default -> DecimalType.of(20, 0);
        };
    }

    private DataType time(TimeLogicalTypeAnnotation time) {
        String unit =
                switch (time.getUnit()) {
                    case MILLIS -> "milliseconds";
                    case MICROS -> "microseconds";
                    case NANOS -> "nanoseconds";
                };
        notes.add("TIME as bigint: " + unit + " since midnight (Hive has no time-of-day type)");
        return PrimitiveType.BIGINT;
    }

    private DataType bytes(org.apache.parquet.schema.PrimitiveType primitive, LogicalTypeAnnotation annotation) {
        if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return PrimitiveType.STRING;
        }
        if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            notes.add("UUID read as its canonical text (8-4-4-4-12 hex digits)");
            return PrimitiveType.STRING;
        }
        if (annotation instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
            return PrimitiveType.FLOAT;
        }
        if (annotation instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
            notes.add("INTERVAL kept as its 12 bytes (months, days, milliseconds): Hive has no interval column type");
        }
        return PrimitiveType.BINARY;
    }

    private DataType decimal(int precision, int scale) {
        if (precision > DecimalType.MAX_PRECISION) {
            notes.add("decimal(" + precision + "," + scale + ") exceeds Hive's " + DecimalType.MAX_PRECISION
                    + " digits; read as text");
            return PrimitiveType.STRING;
        }
        return DecimalType.of(precision, scale);
    }

    /** One line per field: {@code optional int64 ts (TIMESTAMP(MICROS,true))}, {@code optional group tags (LIST)}. */
    static String describe(Type field) {
        if (field.isPrimitive()) {
            return field.toString();
        }
        LogicalTypeAnnotation annotation = field.getLogicalTypeAnnotation();
        return field.getRepetition().name().toLowerCase(Locale.ROOT) + " group " + field.getName()
                + (annotation == null ? "" : " (" + annotation + ")");
    }
}
