package io.sluice.classify.orc;

import io.sluice.classify.InferredColumn;
import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.orc.TypeDescription;

/**
 * Maps an ORC schema to Hive types. ORC was made for Hive, so most categories map one to one ({@code byte →
 * tinyint}, {@code short → smallint}, {@code long → bigint}, {@code decimal(p,s)}, {@code char(n)}, {@code
 * varchar(n)}, lists, maps, structs); the rest are choices:
 *
 * <ul>
 *   <li>{@code timestamp with local time zone} → {@code timestamp}: the values are instants, read in UTC (the catalog
 *       type model has no zoned timestamp);
 *   <li>{@code uniontype<T0,T1,...>} → {@code struct<tag:tinyint,field0:T0,field1:T1,...>}, the layout Trino gives
 *       Hive unions: {@code tag} says which member is set, the others are null. Nothing is lost, and engines without
 *       union support can still read the table;
 *   <li>{@code geometry}/{@code geography} → {@code binary} (their well-known binary form);
 *   <li>{@code char}/{@code varchar} longer than Hive allows → {@code string}; maps with non-primitive keys, which
 *       Hive maps cannot have → {@code array<struct<key:K,value:V>>}.
 * </ul>
 *
 * <p>A file whose root type is not a struct (ORC allows it, Hive does not write it) has one column, {@code _col0}.
 */
public final class OrcSchemaMapper {
    private final Set<String> notes = new LinkedHashSet<>();

    private OrcSchemaMapper() {}

    /** The columns of a file with this root type, in file order. */
    public static List<InferredColumn> columns(TypeDescription schema) {
        List<InferredColumn> columns = new ArrayList<>();
        if (schema.getCategory() != TypeDescription.Category.STRUCT) {
            columns.add(column("_col0", schema, "the file's root type is not a struct"));
            return columns;
        }
        List<String> names = schema.getFieldNames();
        List<TypeDescription> types = schema.getChildren();
        for (int i = 0; i < names.size(); i++) {
            columns.add(column(names.get(i), types.get(i), null));
        }
        return columns;
    }

    /** The Hive type of one ORC type. */
    public static DataType hiveType(TypeDescription type) {
        return new OrcSchemaMapper().map(type);
    }

    private static InferredColumn column(String name, TypeDescription type, String note) {
        OrcSchemaMapper mapper = new OrcSchemaMapper();
        if (note != null) {
            mapper.notes.add(note);
        }
        DataType hive = mapper.map(type);
        String orc = type.getCategory().isPrimitive()
                ? type.toString()
                : type.getCategory().getName();
        StringBuilder reason =
                new StringBuilder(hive.toString()).append(": ORC ").append(orc);
        for (String each : mapper.notes) {
            reason.append("; ").append(each);
        }
        return new InferredColumn(name, hive, reason.toString());
    }

    private DataType map(TypeDescription type) {
        return switch (type.getCategory()) {
            case BOOLEAN -> PrimitiveType.BOOLEAN;
            case BYTE -> PrimitiveType.TINYINT;
            case SHORT -> PrimitiveType.SMALLINT;
            case INT -> PrimitiveType.INT;
            case LONG -> PrimitiveType.BIGINT;
            case FLOAT -> PrimitiveType.FLOAT;
            case DOUBLE -> PrimitiveType.DOUBLE;
            case STRING -> PrimitiveType.STRING;
            case DATE -> PrimitiveType.DATE;
            case TIMESTAMP -> PrimitiveType.TIMESTAMP;
            case TIMESTAMP_INSTANT -> {
                notes.add("timestamp with local time zone read as UTC timestamps");
                yield PrimitiveType.TIMESTAMP;
            }
            case BINARY -> PrimitiveType.BINARY;
            case DECIMAL -> DecimalType.of(type.getPrecision(), type.getScale());
            case CHAR -> text(type, CharType.MAX_LENGTH, CharType::of);
            case VARCHAR -> text(type, VarcharType.MAX_LENGTH, VarcharType::of);
            case LIST -> ArrayType.of(map(type.getChildren().get(0)));
            case MAP -> map(type.getChildren().get(0), type.getChildren().get(1));
            case STRUCT -> struct(type);
            case UNION -> union(type);
            case Geometry, Geography -> {
                notes.add(type.getCategory().getName() + " kept as its well-known binary form");
                yield PrimitiveType.BINARY;
            }
        };
    }

    private DataType text(TypeDescription type, int maxLength, IntFunction<DataType> of) {
        if (type.getMaxLength() > maxLength) {
            notes.add(type + " is longer than Hive allows; read as string");
            return PrimitiveType.STRING;
        }
        return of.apply(type.getMaxLength());
    }

    private DataType map(TypeDescription keyType, TypeDescription valueType) {
        DataType key = map(keyType);
        DataType value = map(valueType);
        if (!key.isPrimitive()) {
            notes.add("map keys of type " + key + " are not allowed in Hive; read as an array of key/value structs");
            return ArrayType.of(StructType.of(StructField.of("key", key), StructField.of("value", value)));
        }
        return MapType.of(key, value);
    }

    private DataType struct(TypeDescription type) {
        if (type.getChildren().isEmpty()) {
            notes.add("empty struct read as string (Hive structs need a field)");
            return PrimitiveType.STRING;
        }
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < type.getFieldNames().size(); i++) {
            fields.add(StructField.of(
                    type.getFieldNames().get(i), map(type.getChildren().get(i))));
        }
        return new StructType(fields);
    }

    private DataType union(TypeDescription type) {
        notes.add("uniontype read as struct<tag,field0,...>: tag is the index of the member set");
        List<StructField> fields = new ArrayList<>();
        fields.add(StructField.of("tag", PrimitiveType.TINYINT));
        List<TypeDescription> members = type.getChildren();
        for (int i = 0; i < members.size(); i++) {
            fields.add(StructField.of("field" + i, map(members.get(i))));
        }
        return new StructType(fields);
    }
}
