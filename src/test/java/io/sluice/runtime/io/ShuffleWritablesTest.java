package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

class ShuffleWritablesTest {
    private static final StructType SCHEMA =
            (StructType) DataType.parse("struct<dept:string,salary:int,name:string,tags:array<string>>");
    private static final List<KeyColumn> COLUMNS = List.of(
            KeyColumn.asc(0, PrimitiveType.STRING),
            KeyColumn.desc(1, PrimitiveType.INT),
            KeyColumn.asc(2, PrimitiveType.STRING));
    /** Groups by department; orders each department's rows by salary descending, then name. */
    private static final KeyCodec SECONDARY = KeyCodec.of(COLUMNS, 1);

    private final RandomValues random = new RandomValues(11, 0.2);

    @Test
    void rawComparatorOrdersSerializedKeysAsTheirBytes() throws IOException {
        RawComparator<?> comparator = WritableComparator.get(KeyWritable.class);
        List<KeyWritable> keys = randomKeys(150);

        assertThat(comparator).isInstanceOf(KeyWritable.Comparator.class);
        for (KeyWritable a : keys) {
            byte[] sa = serialize(a);
            for (KeyWritable b : keys) {
                byte[] sb = serialize(b);
                int expected = Integer.signum(Arrays.compareUnsigned(
                        Arrays.copyOf(a.bytes(), a.length()), Arrays.copyOf(b.bytes(), b.length())));
                assertThat(Integer.signum(comparator.compare(sa, 0, sa.length, sb, 0, sb.length)))
                        .isEqualTo(expected);
                assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
            }
        }
    }

    @Test
    void rawComparatorSkipsTheLengthsAtAnyOffset() throws IOException {
        KeyWritable small = key(Row.of("a", 1, "x", null));
        // A key longer than 127 bytes has a multi-byte vint length; it must not be compared as key bytes.
        KeyWritable large = key(Row.of("a" + "b".repeat(300), 1, "x", null));
        byte[] first = withPrefix(serialize(small), 3);
        byte[] second = withPrefix(serialize(large), 5);

        int result = new KeyWritable.Comparator().compare(first, 3, first.length - 3, second, 5, second.length - 5);

        assertThat(result).isNegative();
    }

    @Test
    void groupingComparatorComparesTheGroupingPartOnly() throws IOException {
        KeyGroupingComparator grouping = new KeyGroupingComparator();
        List<KeyWritable> keys = randomKeys(120);
        List<Row> groups = new ArrayList<>();
        for (KeyWritable key : keys) {
            groups.add(key.decodeGroup(SECONDARY, new Row(1)));
        }

        for (int i = 0; i < keys.size(); i++) {
            byte[] si = serialize(keys.get(i));
            for (int j = 0; j < keys.size(); j++) {
                byte[] sj = serialize(keys.get(j));
                int expected = Integer.signum(SqlOrder.column(COLUMNS.get(0))
                        .compare(groups.get(i).get(0), groups.get(j).get(0)));
                assertThat(Integer.signum(grouping.compare(si, 0, si.length, sj, 0, sj.length)))
                        .isEqualTo(expected);
                assertThat(Integer.signum(grouping.compare(keys.get(i), keys.get(j))))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void keysAndRowsSurviveSerialization() throws IOException {
        RowCodec codec = RowCodec.of(SCHEMA);
        Row row = Row.of("sales", 100, "ann", List.of("a", "b"));
        KeyWritable key = key(row);
        RowWritable value = new RowWritable().encode(codec, row);

        KeyWritable keyCopy = new KeyWritable();
        keyCopy.readFields(input(serialize(key)));
        RowWritable valueCopy = new RowWritable();
        valueCopy.readFields(input(serialize(value)));

        assertThat(keyCopy).isEqualTo(key);
        assertThat(keyCopy.groupLength()).isEqualTo(key.groupLength()).isLessThan(key.length());
        assertThat(keyCopy.decode(SECONDARY, new Row(3))).isEqualTo(Row.of("sales", 100, "ann"));
        assertThat(keyCopy.decodeGroup(SECONDARY, new Row(1))).isEqualTo(Row.of("sales"));
        assertThat(valueCopy.decode(codec, new Row(4))).isEqualTo(row);
        assertThat(valueCopy).isEqualTo(value).hasSameHashCodeAs(value);
    }

    @Test
    void hashPartitionerKeepsEachGroupTogether() {
        KeyHashPartitioner partitioner = new KeyHashPartitioner();
        List<KeyWritable> keys = randomKeys(400);
        int[] used = new int[7];

        for (KeyWritable a : keys) {
            int partition = partitioner.getPartition(a, null, 7);
            used[partition]++;
            assertThat(partition).isBetween(0, 6);
            for (KeyWritable b : keys) {
                if (a.compareGroup(b) == 0) {
                    assertThat(partitioner.getPartition(b, null, 7)).isEqualTo(partition);
                    assertThat(b.hashCode()).isEqualTo(a.hashCode());
                }
            }
        }
        assertThat(Arrays.stream(used).filter(n -> n > 0).count()).isGreaterThan(3);
    }

    @Test
    void partitionColumnsApartFromTheKeyChooseThePartitionAndAreNotWritten() throws IOException {
        KeyCodec byName = KeyCodec.of(List.of(KeyColumn.asc(2, PrimitiveType.STRING)));
        KeyCodec byDept = KeyCodec.of(List.of(KeyColumn.asc(0, PrimitiveType.STRING)));
        KeyHashPartitioner partitioner = new KeyHashPartitioner();
        Configuration conf = new Configuration(false);
        ShuffleConf.setPartitionKey(conf, byDept);

        assertThat(ShuffleConf.partitionKey(conf))
                .hasValueSatisfying(k -> assertThat(k.columns()).isEqualTo(byDept.columns()));
        assertThat(ShuffleConf.partitionKey(new Configuration(false))).isEmpty();
        for (int i = 0; i < 50; i++) {
            KeyWritable key = new KeyWritable().encode(byName, byDept, Row.of("sales", i, "n" + i, null));
            KeyWritable dept = new KeyWritable().encode(byDept, Row.of("sales", 0, "", null));
            assertThat(partitioner.getPartition(key, null, 7)).isEqualTo(partitioner.getPartition(dept, null, 7));
            assertThat(key.decode(byName, new Row(1)).get(0)).isEqualTo("n" + i);
        }
        KeyWritable key = new KeyWritable().encode(byName, byDept, Row.of("sales", 1, "n1", null));
        KeyWritable copy = new KeyWritable();
        copy.readFields(new java.io.DataInputStream(new java.io.ByteArrayInputStream(serialize(key))));
        assertThat(copy).isEqualTo(key);
        assertThat(copy.partitionLength()).isEqualTo(copy.groupLength());
    }

    @Test
    void rangePartitionerCutsAtTheSampledSplitPoints() {
        KeyCodec byAmount = KeyCodec.of(List.of(KeyColumn.asc(0, PrimitiveType.INT)));
        KeySampler sampler = new KeySampler(byAmount, 100, 5);
        for (int i = 0; i < 10_000; i++) {
            sampler.add(Row.of(i));
        }
        List<byte[]> points = sampler.splitPoints(4);
        Configuration conf = new Configuration(false);
        ShuffleConf.setSplitPoints(conf, points);
        KeyRangePartitioner partitioner = new KeyRangePartitioner();
        partitioner.setConf(conf);

        assertThat(points).hasSize(3);
        int[] counts = new int[4];
        int previous = 0;
        for (int i = -5; i < 10_005; i++) {
            int partition = partitioner.getPartition(new KeyWritable().encode(byAmount, Row.of(i)), null, 4);
            assertThat(partition).isGreaterThanOrEqualTo(previous);
            previous = partition;
            counts[partition]++;
        }
        // A uniform sample of 100 cuts 10,000 keys into quarters give or take a sampling error.
        assertThat(Arrays.stream(counts).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(1500, 3500));
    }

    @Test
    void rangePartitionerSendsEqualKeysToOnePartitionAndRefusesTooFewReducers() {
        KeyCodec byName = KeyCodec.of(List.of(KeyColumn.asc(0, PrimitiveType.STRING)));
        KeySampler sampler = new KeySampler(byName, 50, 1);
        for (int i = 0; i < 1000; i++) {
            sampler.add(Row.of(i % 10 == 0 ? "rare" + i : "common"));
        }
        List<byte[]> points = sampler.splitPoints(8);
        Configuration conf = new Configuration(false);
        ShuffleConf.setSplitPoints(conf, points);
        KeyRangePartitioner partitioner = new KeyRangePartitioner();
        partitioner.setConf(conf);

        assertThat(points.size()).isLessThan(7);
        assertThat(points).isSortedAccordingTo(Arrays::compareUnsigned);
        KeyWritable common = new KeyWritable().encode(byName, Row.of("common"));
        assertThat(partitioner.getPartition(common, null, 8))
                .isEqualTo(partitioner.getPartition(new KeyWritable().encode(byName, Row.of("common")), null, 8));
        assertThatThrownBy(() -> partitioner.getPartition(common, null, points.size()))
                .hasMessageContaining("split points need at least");
    }

    @Test
    void configurationCarriesCodecsComparatorsAndPartitioner() {
        JobConf conf = new JobConf(false);

        ShuffleConf.configure(conf, SCHEMA, SECONDARY, KeyHashPartitioner.class);

        assertThat(ShuffleConf.valueCodec(conf).schema()).isEqualTo(SCHEMA);
        assertThat(ShuffleConf.keyCodec(conf).columns()).isEqualTo(COLUMNS);
        assertThat(ShuffleConf.keyCodec(conf).groupingColumns()).isEqualTo(1);
        assertThat(conf.getOutputKeyComparator()).isInstanceOf(KeyWritable.Comparator.class);
        assertThat(conf.getOutputValueGroupingComparator()).isInstanceOf(KeyGroupingComparator.class);
        assertThat(conf.getMapOutputKeyClass()).isEqualTo(KeyWritable.class);
        assertThat(conf.getMapOutputValueClass()).isEqualTo(RowWritable.class);
        assertThatThrownBy(() -> ShuffleConf.valueCodec(new Configuration(false)))
                .hasMessageContaining("no sluice.shuffle.value.schema");
    }

    @Test
    void keyColumnsWithAnyTypeSurviveTheConfiguration() {
        KeyCodec key = KeyCodec.of(List.of(
                KeyColumn.desc(3, DataType.parse("struct<`a b`:string,c:array<decimal(20,2)>>"))
                        .nullsFirst(),
                KeyColumn.asc(0, DataType.parse("char(3)")).nullsLast()));
        Configuration conf = new Configuration(false);

        ShuffleConf.setKey(conf, key);

        assertThat(ShuffleConf.keyCodec(conf).columns()).isEqualTo(key.columns());
        assertThat(ShuffleConf.keyCodec(conf).groupingColumns()).isEqualTo(2);
    }

    private List<KeyWritable> randomKeys(int count) {
        List<KeyWritable> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Row row = random.row(SCHEMA);
            row.set(
                    0,
                    random.random().nextInt(6) == 0
                            ? null
                            : "d" + random.random().nextInt(4));
            keys.add(key(row));
        }
        return keys;
    }

    private static KeyWritable key(Row row) {
        return new KeyWritable().encode(SECONDARY, row);
    }

    static byte[] serialize(org.apache.hadoop.io.Writable writable) throws IOException {
        DataOutputBuffer out = new DataOutputBuffer();
        writable.write(out);
        return Arrays.copyOf(out.getData(), out.getLength());
    }

    private static DataInputBuffer input(byte[] bytes) {
        DataInputBuffer in = new DataInputBuffer();
        in.reset(bytes, bytes.length);
        return in;
    }

    private static byte[] withPrefix(byte[] bytes, int prefix) {
        byte[] shifted = new byte[prefix + bytes.length];
        Arrays.fill(shifted, 0, prefix, (byte) 0x7F);
        System.arraycopy(bytes, 0, shifted, prefix, bytes.length);
        return shifted;
    }

    @Test
    void aKeyGoesAfterEverySplitPointItIsNotBelowComparingBytesUnsigned() {
        byte[][] points = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x90}};

        assertThat(KeyRangePartitioner.partition(points, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 8))
                .as("a prefix of the first point")
                .isZero();
        assertThat(KeyRangePartitioner.partition(points, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 9))
                .as("equal to the first point")
                .isEqualTo(1);
        assertThat(KeyRangePartitioner.partition(points, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0}, 9))
                .as("only the first length bytes count")
                .isEqualTo(1);
        assertThat(KeyRangePartitioner.partition(points, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x8F}, 9))
                .as("0x8F sorts below 0x90, unsigned")
                .isEqualTo(1);
        assertThat(KeyRangePartitioner.partition(points, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xFF}, 9))
                .isEqualTo(2);
        assertThat(KeyRangePartitioner.partition(points, new byte[] {2}, 1)).isEqualTo(2);
    }
}
