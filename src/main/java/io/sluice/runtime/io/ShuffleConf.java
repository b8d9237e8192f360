package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * The job settings that shuffle rows as {@link KeyWritable} / {@link RowWritable} pairs. The bytes on the wire carry
 * no schema; tasks rebuild the codecs from these settings:
 *
 * <ul>
 *   <li>{@value #VALUE_SCHEMA}: the Hive type ({@code struct<...>}) of the shuffled rows;
 *   <li>{@value #KEY_COLUMNS}: the number of key columns, and {@code sluice.shuffle.key.<i>} each column as {@code
 *       <field> <ASC|DESC> <FIRST|LAST> <type>};
 *   <li>{@value #KEY_GROUPING}: how many leading key columns group (the rest order each group's rows);
 *   <li>{@value #PARTITION_COLUMNS}: when rows go to reducers by other columns than the grouping ones, their number,
 *       and {@code sluice.shuffle.partition.<i>} each column, as key columns are written;
 *   <li>{@value #VALUE_KEY_POSITIONS}: when set, the positions (comma-separated) of the grouping columns that the
 *       values leave out because the key gives them back ({@link ShuffleRows});
 *   <li>{@value #SPLIT_POINTS}: {@link KeyRangePartitioner}'s split points, comma-separated base64 (meant for up to a
 *       few thousand reducers; the value lives in every task's configuration).
 * </ul>
 */
public final class ShuffleConf {
    public static final String VALUE_SCHEMA = "sluice.shuffle.value.schema";
    public static final String KEY_COLUMNS = "sluice.shuffle.key.columns";
    public static final String KEY_GROUPING = "sluice.shuffle.key.grouping";
    public static final String SPLIT_POINTS = "sluice.shuffle.range.split-points";
    public static final String PARTITION_COLUMNS = "sluice.shuffle.partition.columns";
    public static final String VALUE_KEY_POSITIONS = "sluice.shuffle.value.key-positions";
    private static final String KEY_COLUMN = "sluice.shuffle.key.";
    private static final String PARTITION_COLUMN = "sluice.shuffle.partition.";

    private ShuffleConf() {}

    /**
     * Sets everything a job needs to shuffle rows of {@code valueSchema} by {@code key}: both codecs, the map output
     * classes, the raw sort and grouping comparators, and {@code partitioner} ({@link KeyHashPartitioner} to group,
     * {@link KeyRangePartitioner} for a total order).
     */
    @SuppressWarnings("rawtypes")
    public static void configure(
            Configuration conf, StructType valueSchema, KeyCodec key, Class<? extends Partitioner> partitioner) {
        setValueSchema(conf, valueSchema);
        setKey(conf, key);
        conf.setClass(MRJobConfig.MAP_OUTPUT_KEY_CLASS, KeyWritable.class, Object.class);
        conf.setClass(MRJobConfig.MAP_OUTPUT_VALUE_CLASS, RowWritable.class, Object.class);
        conf.setClass(MRJobConfig.KEY_COMPARATOR, KeyWritable.Comparator.class, RawComparator.class);
        conf.setClass(MRJobConfig.GROUP_COMPARATOR_CLASS, KeyGroupingComparator.class, RawComparator.class);
        conf.setClass(MRJobConfig.PARTITIONER_CLASS_ATTR, partitioner, Partitioner.class);
    }

    public static void setValueSchema(Configuration conf, StructType schema) {
        conf.set(VALUE_SCHEMA, schema.toString());
    }

    /** The codec of the shuffled rows. */
    public static RowCodec valueCodec(Configuration conf) {
        return RowCodec.of((StructType) DataType.parse(required(conf, VALUE_SCHEMA)));
    }

    /**
     * Makes the values leave out the key's grouping columns that it decodes exactly (see {@link ShuffleRows}); set
     * the value schema and the key first. Not for partial aggregates, whose values are not the rows the key was made
     * of.
     */
    public static void leaveGroupingColumnsOutOfValues(Configuration conf) {
        StructType rows = (StructType) DataType.parse(required(conf, VALUE_SCHEMA));
        int[] positions = ShuffleRows.leftOut(rows, keyCodec(conf));
        conf.set(
                VALUE_KEY_POSITIONS,
                String.join(
                        ",", Arrays.stream(positions).mapToObj(String::valueOf).toList()));
    }

    /** How the shuffled rows are split between the key and the value. */
    public static ShuffleRows rows(Configuration conf) {
        StructType rows = (StructType) DataType.parse(required(conf, VALUE_SCHEMA));
        KeyCodec key = keyCodec(conf);
        String positions = conf.get(VALUE_KEY_POSITIONS, "");
        if (positions.isEmpty()) {
            return ShuffleRows.whole(rows, key);
        }
        return ShuffleRows.of(
                rows,
                key,
                Arrays.stream(positions.split(",")).mapToInt(Integer::parseInt).toArray());
    }

    public static void setKey(Configuration conf, KeyCodec key) {
        conf.setInt(KEY_GROUPING, key.groupingColumns());
        setColumns(conf, KEY_COLUMNS, KEY_COLUMN, key.columns());
    }

    /** The key codec the job was set up with. */
    public static KeyCodec keyCodec(Configuration conf) {
        List<KeyColumn> columns = columns(conf, KEY_COLUMNS, KEY_COLUMN);
        return KeyCodec.of(columns, conf.getInt(KEY_GROUPING, columns.size()));
    }

    /**
     * Makes rows go to reducers by the columns of {@code partitionKey} rather than by the key's grouping columns: the
     * key then only orders the rows within each reducer.
     */
    public static void setPartitionKey(Configuration conf, KeyCodec partitionKey) {
        setColumns(conf, PARTITION_COLUMNS, PARTITION_COLUMN, partitionKey.columns());
    }

    /** The columns rows go to reducers by, when {@link #setPartitionKey} set them. */
    public static Optional<KeyCodec> partitionKey(Configuration conf) {
        if (conf.get(PARTITION_COLUMNS) == null) {
            return Optional.empty();
        }
        return Optional.of(KeyCodec.of(columns(conf, PARTITION_COLUMNS, PARTITION_COLUMN)));
    }

    private static void setColumns(Configuration conf, String countName, String prefix, List<KeyColumn> columns) {
        conf.setInt(countName, columns.size());
        for (int i = 0; i < columns.size(); i++) {
            KeyColumn column = columns.get(i);
            conf.set(prefix + i, column.field() + " " + column.order() + " " + column.nulls() + " " + column.type());
        }
    }

    private static List<KeyColumn> columns(Configuration conf, String countName, String prefix) {
        int count = Integer.parseInt(required(conf, countName));
        List<KeyColumn> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] parts = required(conf, prefix + i).split(" ", 4);
            columns.add(new KeyColumn(
                    Integer.parseInt(parts[0]),
                    DataType.parse(parts[3]),
                    KeyColumn.Order.valueOf(parts[1]),
                    KeyColumn.Nulls.valueOf(parts[2])));
        }
        return columns;
    }

    public static void setSplitPoints(Configuration conf, List<byte[]> splitPoints) {
        Base64.Encoder base64 = Base64.getEncoder();
        conf.set(
                SPLIT_POINTS,
                String.join(
                        ",", splitPoints.stream().map(base64::encodeToString).toList()));
    }

    /** The split points set with {@link #setSplitPoints}; none when unset. */
    public static List<byte[]> splitPoints(Configuration conf) {
        String value = conf.get(SPLIT_POINTS, "");
        if (value.isEmpty()) {
            return List.of();
        }
        Base64.Decoder base64 = Base64.getDecoder();
        List<byte[]> points = new ArrayList<>();
        for (String point : value.split(",", -1)) {
            points.add(base64.decode(point));
        }
        return points;
    }

    private static String required(Configuration conf, String name) {
        String value = requireNonNull(conf, "conf is null").get(name);
        if (value == null) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "the job configuration has no " + name + ": set the shuffle up with ShuffleConf.configure");
        }
        return value;
    }
}
