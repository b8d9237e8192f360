package io.sluice.classify.avro;

import io.sluice.classify.InferredColumn;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Maps an Avro schema to Hive types, as Hive's AvroSerDe reads the data, with these choices:
 *
 * <ul>
 *   <li>the top-level record's fields are the columns; nested records → {@code struct}; enums → {@code string};
 *       arrays → {@code array}; maps → {@code map<string,V>}; {@code fixed} and {@code bytes} → {@code binary};
 *   <li>a union of {@code null} and one type → that type (Hive columns are nullable); a union of several non-null
 *       types → {@code struct<tag:tinyint,field0:T0,field1:T1,...>}, numbered over the non-null members, the layout
 *       Trino gives Hive unions (see {@link io.sluice.classify.orc.OrcSchemaMapper}), so no value is lost;
 *   <li>logical types: {@code decimal(p,s)} on bytes or fixed → {@code decimal(p,s)} (beyond 38 digits → {@code
 *       string}); {@code date → date}; {@code timestamp-millis/micros/nanos} and their {@code local-} forms → {@code
 *       timestamp}; {@code time-millis/micros} → {@code bigint}, the count of that unit since midnight (Hive has no
 *       time of day); {@code uuid → string} (also on {@code fixed(16)}, as its canonical text); unknown or invalid
 *       logical types → the underlying type;
 *   <li>a record that contains itself (a linked list, a tree) cannot be a Hive type: the recursive reference →
 *       {@code string}, to be read as the value's JSON text;
 *   <li>a schema whose root is not a record (which Hive's AvroSerDe refuses) → one column, {@code _col0}.
 * </ul>
 */
public final class AvroSchemaMapper {
    /** Timestamps newer than this Avro version, recognised by name. */
    private static final Set<String> NANOS_TIMESTAMPS = Set.of("timestamp-nanos", "local-timestamp-nanos");

    private static final int UUID_BYTES = 16;

    private final Set<String> notes = new LinkedHashSet<>();
    private final Deque<String> recordsInProgress = new ArrayDeque<>();

    private AvroSchemaMapper() {}

    /** The columns of a file with this schema, in field order. */
    public static List<InferredColumn> columns(Schema schema) {
        List<InferredColumn> columns = new ArrayList<>();
        if (schema.getType() != Schema.Type.RECORD) {
            columns.add(column("_col0", schema, null, "the schema's root is not a record"));
            return columns;
        }
        for (Schema.Field field : schema.getFields()) {
            columns.add(column(field.name(), field.schema(), schema.getFullName(), null));
        }
        return columns;
    }

    /** The Hive type of one Avro schema. */
    public static DataType hiveType(Schema schema) {
        return new AvroSchemaMapper().map(schema);
    }

    private static InferredColumn column(String name, Schema schema, String enclosingRecord, String note) {
        AvroSchemaMapper mapper = new AvroSchemaMapper();
        if (enclosingRecord != null) {
            mapper.recordsInProgress.push(enclosingRecord);
        }
        if (note != null) {
            mapper.notes.add(note);
        }
        DataType type = mapper.map(schema);
        StringBuilder reason =
                new StringBuilder(type.toString()).append(": Avro ").append(describe(schema));
        for (String each : mapper.notes) {
            reason.append("; ").append(each);
        }
        return new InferredColumn(name, type, reason.toString());
    }

    private DataType map(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> record(schema);
            case ENUM, STRING -> PrimitiveType.STRING;
            case ARRAY -> ArrayType.of(map(schema.getElementType()));
            case MAP -> MapType.of(PrimitiveType.STRING, map(schema.getValueType()));
            case UNION -> union(schema);
            case FIXED, BYTES -> bytes(schema);
            case INT -> integer(schema, PrimitiveType.INT);
            case LONG -> integer(schema, PrimitiveType.BIGINT);
            case FLOAT -> PrimitiveType.FLOAT;
            case DOUBLE -> PrimitiveType.DOUBLE;
            case BOOLEAN -> PrimitiveType.BOOLEAN;
            case NULL -> {
                notes.add("a field of type null is always null; read as string");
                yield PrimitiveType.STRING;
            }
        };
    }

    private DataType record(Schema record) {
        if (recordsInProgress.contains(record.getFullName())) {
            notes.add("record " + record.getFullName() + " contains itself, which no Hive type can; the recursive"
                    + " reference is read as its JSON text");
            return PrimitiveType.STRING;
        }
        if (record.getFields().isEmpty()) {
            notes.add("record " + record.getFullName() + " has no fields; read as string");
            return PrimitiveType.STRING;
        }
        recordsInProgress.push(record.getFullName());
        List<StructField> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(StructField.of(field.name(), map(field.schema())));
        }
        recordsInProgress.pop();
        return new StructType(fields);
    }

    private DataType union(Schema union) {
        List<Schema> members = union.getTypes().stream()
                .filter(member -> member.getType() != Schema.Type.NULL)
                .toList();
        if (members.isEmpty()) {
            notes.add("a union of null only is always null; read as string");
            return PrimitiveType.STRING;
        }
        if (members.size() == 1) {
            return map(members.get(0));
        }
        notes.add("union of several types read as struct<tag,field0,...>: tag is the index of the member set,"
                + " counting non-null members");
        List<StructField> fields = new ArrayList<>();
        fields.add(StructField.of("tag", PrimitiveType.TINYINT));
        for (int i = 0; i < members.size(); i++) {
            fields.add(StructField.of("field" + i, map(members.get(i))));
        }
        return new StructType(fields);
    }

    private DataType bytes(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            if (decimal.getPrecision() > DecimalType.MAX_PRECISION) {
                notes.add("decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ") exceeds Hive's "
                        + DecimalType.MAX_PRECISION + " digits; read as text");
                return PrimitiveType.STRING;
            }
            return DecimalType.of(decimal.getPrecision(), decimal.getScale());
        }
        String name = logicalTypeName(schema);
        if ("uuid".equals(name) && schema.getType() == Schema.Type.FIXED && schema.getFixedSize() == UUID_BYTES) {
            notes.add("uuid read as its canonical text (8-4-4-4-12 hex digits)");
            return PrimitiveType.STRING;
        }
        if (name != null) {
            notes.add("logical type " + name + " is invalid or not known here; read as binary");
        }
        return PrimitiveType.BINARY;
    }

    private DataType integer(Schema schema, PrimitiveType plain) {
        String logical = logicalTypeName(schema);
        if (logical == null) {
            return plain;
        }
        boolean known = schema.getLogicalType() != null
                || (schema.getType() == Schema.Type.LONG && NANOS_TIMESTAMPS.contains(logical));
        if (!known) {
            notes.add("logical type " + logical + " is invalid or not known here; read as its underlying " + plain);
            return plain;
        }
        return switch (logical) {
            case "date" -> PrimitiveType.DATE;
            case "time-millis", "time-micros" -> {
                String unit = logical.endsWith("millis") ? "milliseconds" : "microseconds";
                notes.add(logical + " as bigint: " + unit + " since midnight (Hive has no time-of-day type)");
                yield PrimitiveType.BIGINT;
            }
            default -> PrimitiveType.TIMESTAMP; // timestamp-* and local-timestamp-*, the only others on int/long
        };
    }

    /** The declared logical type, also when this Avro version does not know it ({@code timestamp-nanos}). */
    private static String logicalTypeName(Schema schema) {
        return schema.getProp(LogicalType.LOGICAL_TYPE_PROP);
    }

    /** A short description: {@code long (timestamp-micros)}, {@code union [null, string]}, {@code record Address}. */
    static String describe(Schema schema) {
        String type = schema.getType().getName().toLowerCase(Locale.ROOT);
        return switch (schema.getType()) {
            case RECORD, ENUM -> type + " " + schema.getFullName();
            case FIXED -> "fixed(" + schema.getFixedSize() + ")" + logicalSuffix(schema);
            case UNION -> schema.getTypes().stream()
                    .map(AvroSchemaMapper::describe)
                    .collect(Collectors.joining(", ", "union [", "]"));
            default -> type + logicalSuffix(schema);
        };
    }

    private static String logicalSuffix(Schema schema) {
        String logical = logicalTypeName(schema);
        return logical == null ? "" : " (" + logical + ")";
    }
}
