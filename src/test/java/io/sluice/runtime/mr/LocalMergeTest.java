package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.io.KeyWritable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.Counters;
import org.apache.hadoop.mapred.IFile;
import org.apache.hadoop.mapred.IndexRecord;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.MapOutputFile;
import org.apache.hadoop.mapred.ShuffleConsumerPlugin;
import org.apache.hadoop.mapred.SpillRecord;
import org.apache.hadoop.mapred.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Map outputs of two partitions written as Hadoop's map tasks write them, merged for the second reducer. */
class LocalMergeTest {
    private static final int REDUCER = 1;

    @TempDir
    java.nio.file.Path dir;

    private final JobConf job = job();
    private final Counters.Counter shuffledMaps = new Counters.Counter();
    private final Counters.Counter shuffleBytes = new Counters.Counter();

    private static JobConf job() {
        JobConf job = new JobConf(false);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(Text.class);
        return job;
    }

    @Test
    void mergesTheSegmentsByKeyWithEqualKeysInTheOrderOfTheirMaps() throws IOException {
        Map<TaskAttemptID, MapOutputFile> maps = new LinkedHashMap<>();
        // Listed out of task order: the merge orders the maps itself.
        maps.put(map(2), mapOutput(2, List.of("a:2", "c:2", "x:2"), List.of("b:2", "c:2a", "c:2b", "z:2")));
        maps.put(map(0), mapOutput(0, List.of("b:0"), List.of("a:0", "c:0", "y:0")));
        maps.put(map(1), mapOutput(1, List.of(), List.of()));
        String longValue = "v".repeat(LocalMerge.WINDOW + 10);
        maps.put(map(3), mapOutput(3, List.of(), List.of("c:3 " + longValue, "d:3")));

        List<String> merged = new ArrayList<>();
        try (LocalMerge merge = LocalMerge.open(context(maps))) {
            while (merge.next()) {
                merged.add(text(merge.getKey()) + "=" + text(merge.getValue()));
            }
            assertThat(merge.getProgress().getProgress()).isEqualTo(1f);
        }

        assertThat(merged)
                .containsExactly(
                        "a=a:0", "b=b:2", "c=c:0", "c=c:2a", "c=c:2b", "c=c:3 " + longValue, "d=d:3", "y=y:0", "z=z:2");
        assertThat(shuffledMaps.getValue()).isEqualTo(4);
        assertThat(shuffleBytes.getValue()).isGreaterThan(LocalMerge.WINDOW);
    }

    @Test
    void mergesShuffleKeysThatShareTheirFirstBytesInByteOrder() throws IOException {
        // Shuffle keys are compared by their first eight bytes, then the next eight, then whole: keys of 0 to 20
        // bytes of few distinct values tie at each step, and keys that begin others sort before them.
        JobConf shuffle = new JobConf(job);
        shuffle.setMapOutputKeyClass(KeyWritable.class);
        java.util.Random random = new java.util.Random(5);
        byte[] alphabet = {0, 1, (byte) 0x80, (byte) 0xFF};
        Map<TaskAttemptID, MapOutputFile> maps = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        List<byte[]> all = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<byte[]> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                byte[] key = new byte[random.nextInt(21)];
                for (int b = 0; b < key.length; b++) {
                    key[b] = b < 12 && random.nextInt(4) > 0 ? 1 : alphabet[random.nextInt(alphabet.length)];
                }
                keys.add(key);
            }
            keys.sort(java.util.Arrays::compareUnsigned);
            for (int i = 0; i < keys.size(); i++) {
                all.add(keys.get(i));
                labels.add(m + "/" + i);
            }
            maps.put(map(m), keyedOutput(shuffle, m, keys));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> java.util.Arrays.compareUnsigned(all.get(a), all.get(b))); // stable: map order on ties
        order.forEach(i -> expected.add(labels.get(i)));

        List<String> merged = new ArrayList<>();
        try (LocalMerge merge = LocalMerge.open(context(shuffle, maps))) {
            while (merge.next()) {
                merged.add(text(merge.getValue()));
            }
        }

        assertThat(merged).containsExactlyElementsOf(expected);
    }

    @Test
    void aDamagedSegmentFailsItsChecksumNamingTheMap() throws IOException {
        Map<TaskAttemptID, MapOutputFile> maps = new LinkedHashMap<>();
        maps.put(map(0), mapOutput(0, List.of(), List.of("a:0", "b:0")));
        maps.put(map(1), mapOutput(1, List.of("x:1"), List.of("a:1", "b:1", "c:1")));
        IndexRecord segment = new SpillRecord(output(1).suffix(".index"), job).getIndex(REDUCER);
        try (RandomAccessFile file = new RandomAccessFile(output(1).toString(), "rw")) {
            file.seek(segment.startOffset + segment.partLength - 7); // the last byte of the last value
            int b = file.read();
            file.seek(segment.startOffset + segment.partLength - 7);
            file.write(b ^ 1);
        }

        assertThatThrownBy(() -> {
                    try (LocalMerge merge = LocalMerge.open(context(maps))) {
                        while (merge.next()) {
                            // read to the end
                        }
                    }
                })
                .isInstanceOf(ChecksumException.class)
                .hasMessageContaining(map(1).toString())
                .hasMessageContaining("CRC-32");
    }

    @Test
    void aSegmentShorterThanItsIndexSaysFailsNamingTheMap() throws IOException {
        Map<TaskAttemptID, MapOutputFile> maps = new LinkedHashMap<>();
        maps.put(map(0), mapOutput(0, List.of(), List.of("a:0", "b:0")));
        try (RandomAccessFile file = new RandomAccessFile(output(0).toString(), "rw")) {
            file.setLength(file.length() - 8);
        }

        assertThatThrownBy(() -> {
                    try (LocalMerge merge = LocalMerge.open(context(maps))) {
                        while (merge.next()) {
                            // read to the end
                        }
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining(map(0).toString());
    }

    @Test
    void appliesOnlyToUncompressedLocalMapOutputUnlessTurnedOff() throws IOException {
        Map<TaskAttemptID, MapOutputFile> maps = Map.of(map(0), mapOutput(0, List.of(), List.of("a:0")));
        assertThat(LocalMerge.applies(context(maps))).isTrue();
        assertThat(LocalMerge.applies(context(null))).as("not the local runner").isFalse();
        job.setBoolean(LocalMerge.ENABLED, false);
        assertThat(LocalMerge.applies(context(maps))).isFalse();
    }

    private static String text(DataInputBuffer buffer) throws IOException {
        Text text = new Text();
        text.readFields(buffer);
        return text.toString();
    }

    private static TaskAttemptID map(int number) {
        return new TaskAttemptID("local", 1, TaskType.MAP, number, 0);
    }

    private Path output(int map) {
        return new Path(dir.resolve("map" + map + ".out").toString());
    }

    /** A map's output file with a segment per reducer; each entry of a list is "key:value". */
    private MapOutputFile mapOutput(int map, List<String> first, List<String> second) throws IOException {
        List<List<Map.Entry<Text, Text>>> partitions = new ArrayList<>();
        for (List<String> records : List.of(first, second)) {
            partitions.add(records.stream()
                    .map(record -> Map.entry(new Text(record.substring(0, record.indexOf(':'))), new Text(record)))
                    .toList());
        }
        return mapOutput(job, map, Text.class, partitions);
    }

    /** A map output file whose second segment holds {@code keys} as shuffle keys, valued "map/index". */
    private MapOutputFile keyedOutput(JobConf shuffle, int map, List<byte[]> keys) throws IOException {
        List<Map.Entry<KeyWritable, Text>> records = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            records.add(Map.entry(new KeyWritable().set(key, 0, key.length, key.length), new Text(map + "/" + i)));
        }
        return mapOutput(shuffle, map, KeyWritable.class, List.of(List.of(), records));
    }

    /** A map's output file as Hadoop's map tasks write it: an IFile segment per partition, and its index. */
    private <K> MapOutputFile mapOutput(
            JobConf conf, int map, Class<K> keyClass, List<List<Map.Entry<K, Text>>> partitions) throws IOException {
        Path file = output(map);
        SpillRecord index = new SpillRecord(partitions.size());
        try (FSDataOutputStream out = FileSystem.getLocal(conf).getRaw().create(file, true)) {
            for (int p = 0; p < partitions.size(); p++) {
                long start = out.getPos();
                IFile.Writer<K, Text> writer = new IFile.Writer<>(conf, out, keyClass, Text.class, null, null);
                for (Map.Entry<K, Text> record : partitions.get(p)) {
                    writer.append(record.getKey(), record.getValue());
                }
                writer.close();
                index.putIndex(new IndexRecord(start, writer.getRawLength(), writer.getCompressedLength()), p);
            }
        }
        index.writeToFile(file.suffix(".index"), conf);
        return new FixedOutput(file);
    }

    private ShuffleConsumerPlugin.Context<Text, Text> context(Map<TaskAttemptID, MapOutputFile> maps) {
        return context(job, maps);
    }

    private <K, V> ShuffleConsumerPlugin.Context<K, V> context(JobConf conf, Map<TaskAttemptID, MapOutputFile> maps) {
        TaskAttemptID reduce = new TaskAttemptID("local", 1, TaskType.REDUCE, REDUCER, 0);
        return new ShuffleConsumerPlugin.Context<>(
                reduce,
                conf,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                shuffledMaps,
                shuffleBytes,
                null,
                null,
                null,
                new Progress(),
                new Progress(),
                null,
                null,
                maps);
    }

    /** A map output file at a known place. */
    private static final class FixedOutput extends MapOutputFile {
        private final Path file;

        FixedOutput(Path file) {
            this.file = file;
        }

        @Override
        public Path getOutputFile() {
            return file;
        }

        @Override
        public Path getOutputIndexFile() {
            return file.suffix(".index");
        }

        @Override
        public Path getOutputFileForWrite(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getOutputFileForWriteInVolume(Path existing) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getOutputIndexFileForWrite(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getOutputIndexFileForWriteInVolume(Path existing) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getSpillFile(int spillNumber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getSpillFileForWrite(int spillNumber, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getSpillIndexFile(int spillNumber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getSpillIndexFileForWrite(int spillNumber, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getInputFile(int mapId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getInputFileForWrite(org.apache.hadoop.mapreduce.TaskID mapId, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeAll() {
            throw new UnsupportedOperationException();
        }
    }
}
