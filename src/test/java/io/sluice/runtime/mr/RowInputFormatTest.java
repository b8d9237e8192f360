package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cluster.HadoopConfigurations;
import io.sluice.row.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowInputFormatTest {
    private static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";

    @TempDir
    Path folder;

    private static InputFile csv(Path file) throws IOException {
        return new InputFile(
                file.toUri().toString(),
                Files.size(file),
                "struct<id:int,name:string>",
                TEXT_INPUT,
                LAZY_SIMPLE,
                Map.of("field.delim", ","),
                Map.of("classification", "csv", "skip.header.line.count", "1"),
                List.of(),
                List.of());
    }

    private Path write(String name, int rows) throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",name-").append(i).append('\n');
        }
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Configuration conf(List<InputFile> files, long splitBytes) {
        Configuration conf = HadoopConfigurations.local();
        conf.set(RowInputFormat.FILES, InputFile.toJson(files));
        conf.setLong(RowInputFormat.MIN_SPLIT, splitBytes);
        conf.setLong(RowInputFormat.MAX_SPLIT, splitBytes);
        return conf;
    }

    private static List<Integer> readAll(Configuration conf, List<InputSplit> splits) throws Exception {
        List<Integer> ids = new ArrayList<>();
        for (InputSplit split : splits) {
            try (RowRecordReader reader = new RowRecordReader()) {
                reader.initialize(split, new TaskAttemptContextImpl(conf, new TaskAttemptID()));
                while (reader.nextKeyValue()) {
                    Row row = reader.getCurrentValue();
                    ids.add((Integer) row.get(0));
                }
            }
        }
        return ids;
    }

    @Test
    void rowsOfAPartitionEndWithItsValuesAlsoWhenTheReaderFillsTheRowItself() throws Exception {
        Path file = folder.resolve("part.csv");
        Files.writeString(file, "id,name\n1,Ann\n2x,Bob\n3,\"Cy, Jr\"\n4\n", StandardCharsets.UTF_8);
        InputFile input = new InputFile(
                file.toUri().toString(),
                Files.size(file),
                "struct<id:int,name:string>",
                TEXT_INPUT,
                "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                Map.of("separatorChar", ",", "quoteChar", "\"", "escapeChar", "\""),
                Map.of("classification", "csv", "skip.header.line.count", "1"),
                List.of("2024", "__HIVE_DEFAULT_PARTITION__"),
                List.of("int", "string"));
        Configuration conf = conf(List.of(input), 1 << 20);
        conf.set(
                "mapreduce.output.fileoutputformat.outputdir",
                folder.resolve("out").toUri().toString());
        conf.setLong(BadRecords.LIMIT, -1);
        List<String> rows = new ArrayList<>();

        for (InputSplit split : new RowInputFormat().getSplits(Job.getInstance(conf))) {
            try (RowRecordReader reader = new RowRecordReader()) {
                reader.initialize(split, new TaskAttemptContextImpl(conf, new TaskAttemptID()));
                while (reader.nextKeyValue()) {
                    Row row = reader.getCurrentValue();
                    rows.add(row.toString());
                    row.set(2, "changed by a stage");
                }
            }
        }

        assertThat(rows).containsExactly("[1, Ann, 2024, null]", "[3, Cy, Jr, 2024, null]", "[4, null, 2024, null]");
        try (var paths = Files.walk(folder.resolve("out"))) {
            Path errors = paths.filter(p -> p.toString().contains("_errors") && Files.isRegularFile(p))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(errors)).contains(":3: column id: '2x' is not a valid int");
        }
    }

    @Test
    void aLargeTextFileIsCutIntoRangesThatTogetherReadEveryRecordOnce() throws Exception {
        Path file = write("big.csv", 20_000);
        Configuration conf = conf(List.of(csv(file)), 32 * 1024);

        List<InputSplit> splits = new RowInputFormat().getSplits(Job.getInstance(conf));

        assertThat(splits).hasSizeGreaterThan(5);
        assertThat(splits.stream().mapToLong(RowInputFormatTest::length).sum()).isEqualTo(Files.size(file));
        List<Integer> ids = readAll(conf, splits);
        assertThat(ids).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id >= 0 && id < 20_000);
    }

    @Test
    void aTextSplitReportsTheShareOfItsBytesRead() throws Exception {
        Path file = write("progress.csv", 20_000); // rows of 12 to 20 bytes, not the 64 a row count assumes
        Configuration conf = conf(List.of(csv(file)), 64 * 1024);
        List<InputSplit> splits = new RowInputFormat().getSplits(Job.getInstance(conf));
        InputSplit middle = splits.get(splits.size() / 2);

        try (RowRecordReader reader = new RowRecordReader()) {
            reader.initialize(middle, new TaskAttemptContextImpl(conf, new TaskAttemptID()));
            assertThat(reader.getProgress()).isLessThan(0.01f);
            List<Float> progress = new ArrayList<>();
            int rows = 0;
            while (reader.nextKeyValue()) {
                if (++rows % 500 == 0) {
                    progress.add(reader.getProgress());
                }
            }
            assertThat(progress).isSorted();
            // Half the rows read is about half the bytes read (the ids grow longer by at most a byte in a split).
            assertThat(progress.get(progress.size() / 2)).isBetween(0.45f, 0.55f);
            assertThat(reader.getProgress()).isEqualTo(1f);
        }
    }

    @Test
    void aCompressedFileIsOneSplit() throws Exception {
        Path plain = write("data.csv", 20_000);
        Path gzip = folder.resolve("data.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(plain, out);
        }
        Configuration conf = conf(List.of(csv(gzip)), 1024);

        List<InputSplit> splits = new RowInputFormat().getSplits(Job.getInstance(conf));

        assertThat(splits).hasSize(1);
        assertThat(readAll(conf, splits)).hasSize(20_000);
    }

    @Test
    void smallFilesAreOneSplitEach() throws Exception {
        Configuration conf = conf(List.of(csv(write("a.csv", 10)), csv(write("b.csv", 20))), 16L << 20);

        List<InputSplit> splits = new RowInputFormat().getSplits(Job.getInstance(conf));

        assertThat(splits).hasSize(2);
        assertThat(readAll(conf, splits)).hasSize(30);
    }

    @Test
    void theSplitSizeSpreadsTheInputOverTheMapSlotsWithinBounds() {
        Configuration conf = new Configuration(false);
        conf.setInt("mapreduce.local.map.tasks.maximum", 2);
        assertThat(RowInputFormat.splitSize(conf, 100L << 20)).isEqualTo(50L << 20);
        assertThat(RowInputFormat.splitSize(conf, 1L << 20)).isEqualTo(RowInputFormat.DEFAULT_MIN_SPLIT);
        assertThat(RowInputFormat.splitSize(conf, 10L << 30)).isEqualTo(RowInputFormat.DEFAULT_MAX_SPLIT);
    }

    private static long length(InputSplit split) {
        try {
            return split.getLength();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
