package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MapReduce job on the LocalJobRunner: map output is sorted, spilled, merged and grouped by Hadoop itself on
 * the serialized keys, through the raw comparators, and split over two reducers by {@link KeyRangePartitioner}.
 */
class ShuffleLocalJobIT {
    private static final StructType SCHEMA =
            (StructType) DataType.parse("struct<dept:string,salary:double,name:string>");
    /** Departments ascending (nulls first), across both reducers; within one, salaries descending, then names. */
    private static final List<KeyColumn> COLUMNS = List.of(
            KeyColumn.asc(0, PrimitiveType.STRING),
            KeyColumn.desc(1, PrimitiveType.DOUBLE),
            KeyColumn.asc(2, PrimitiveType.STRING));

    /** Reads {@code dept,salary,name} lines; an empty field is null. */
    static final class ParseRows extends Mapper<LongWritable, Text, KeyWritable, RowWritable> {
        private final KeyWritable key = new KeyWritable();
        private final RowWritable value = new RowWritable();
        private final Row row = new Row(3);
        private KeyCodec keys;
        private RowCodec rows;

        @Override
        protected void setup(Context context) {
            keys = ShuffleConf.keyCodec(context.getConfiguration());
            rows = ShuffleConf.valueCodec(context.getConfiguration());
        }

        @Override
        protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
            String[] fields = line.toString().split(",", -1);
            row.set(0, fields[0].isEmpty() ? null : fields[0]);
            row.set(1, fields[1].isEmpty() ? null : Double.valueOf(fields[1]));
            row.set(2, fields[2]);
            context.write(key.encode(keys, row), value.encode(rows, row));
        }
    }

    /** One line per group: the department, then its members in the order the reducer sees them. */
    static final class ListGroups extends Reducer<KeyWritable, RowWritable, Text, NullWritable> {
        private final Row row = new Row(3);
        private final Row group = new Row(1);
        private KeyCodec keys;
        private RowCodec rows;

        @Override
        protected void setup(Context context) {
            keys = ShuffleConf.keyCodec(context.getConfiguration());
            rows = ShuffleConf.valueCodec(context.getConfiguration());
        }

        @Override
        protected void reduce(KeyWritable key, Iterable<RowWritable> values, Context context)
                throws IOException, InterruptedException {
            key.decodeGroup(keys, group);
            StringBuilder line = new StringBuilder(String.valueOf(group.get(0)));
            for (RowWritable value : values) {
                value.decode(rows, row);
                line.append(' ').append(row.get(2)).append(':').append(row.get(1));
            }
            context.write(new Text(line.toString()), NullWritable.get());
        }
    }

    @Test
    void hadoopSortsGroupsAndRangePartitionsTheRawKeys(@TempDir Path dir) throws Exception {
        sortsGroupsAndRangePartitions(dir, localConf(dir));
    }

    @Test
    void sluicesCollectorSortsSpillsAndMergesTheSameWay(@TempDir Path dir) throws Exception {
        Configuration conf = localConf(dir);
        conf.setClass(
                MRJobConfig.MAP_OUTPUT_COLLECTOR_CLASS_ATTR,
                io.sluice.runtime.mr.SortingCollector.class,
                org.apache.hadoop.mapred.MapOutputCollector.class);
        sortsGroupsAndRangePartitions(dir, conf);
    }

    private static void sortsGroupsAndRangePartitions(Path dir, Configuration conf) throws Exception {
        List<Row> input = randomRows(15_000);
        Path inputFile = dir.resolve("in/rows.csv");
        Files.createDirectories(inputFile.getParent());
        Files.write(inputFile, input.stream().map(ShuffleLocalJobIT::line).toList(), StandardCharsets.UTF_8);
        KeyCodec key = KeyCodec.of(COLUMNS, 1);
        KeySampler sampler = new KeySampler(key, 500, 3);
        input.forEach(sampler::add);

        Job job = Job.getInstance(conf, "shuffle");
        ShuffleConf.configure(job.getConfiguration(), SCHEMA, key, KeyRangePartitioner.class);
        ShuffleConf.setSplitPoints(job.getConfiguration(), sampler.splitPoints(2));
        job.setMapperClass(ParseRows.class);
        job.setReducerClass(ListGroups.class);
        job.setNumReduceTasks(2);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(NullWritable.class);
        FileInputFormat.addInputPath(
                job, new org.apache.hadoop.fs.Path(inputFile.getParent().toUri()));
        FileOutputFormat.setOutputPath(
                job, new org.apache.hadoop.fs.Path(dir.resolve("out").toUri()));

        assertThat(job.waitForCompletion(false)).isTrue();
        long mapOutput =
                job.getCounters().findCounter(TaskCounter.MAP_OUTPUT_RECORDS).getValue();
        long spilled =
                job.getCounters().findCounter(TaskCounter.SPILLED_RECORDS).getValue();
        // Records written more than twice: the map output spilled several times and Hadoop merged the spills.
        assertThat(spilled).isGreaterThan(2 * mapOutput);

        List<String> first = Files.readAllLines(dir.resolve("out/part-r-00000"));
        List<String> second = Files.readAllLines(dir.resolve("out/part-r-00001"));
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyElementsOf(expectedGroups(input));
    }

    /** What the job must write, computed with the reference SQL order instead of the key bytes. */
    private static List<String> expectedGroups(List<Row> input) {
        List<Row> sorted = new ArrayList<>(input);
        Comparator<Row> order = SqlOrder.rows(COLUMNS);
        sorted.sort(order);
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (Row row : sorted) {
            String dept = String.valueOf(row.get(0));
            groups.computeIfAbsent(dept, d -> new StringBuilder(d))
                    .append(' ')
                    .append(row.get(2))
                    .append(':')
                    .append(row.get(1));
        }
        return groups.values().stream().map(StringBuilder::toString).toList();
    }

    private static List<Row> randomRows(int count) {
        Random random = new Random(42);
        String[] depts = {"", "eng", "engineering", "ops", "sales", "zeta", "é", "中"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dept = depts[random.nextInt(depts.length)];
            Double salary = random.nextInt(10) == 0 ? null : (double) (random.nextInt(200) - 50) / 4;
            rows.add(Row.of(dept.isEmpty() ? null : dept, salary, "n" + i));
        }
        return rows;
    }

    private static String line(Row row) {
        return (row.get(0) == null ? "" : row.get(0)) + "," + (row.get(1) == null ? "" : row.get(1)) + "," + row.get(2);
    }

    private static Configuration localConf(Path dir) {
        Configuration conf = new Configuration();
        conf.set("mapreduce.framework.name", "local");
        conf.set("fs.defaultFS", "file:///");
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("mapreduce.jobtracker.staging.root.dir", dir.resolve("staging").toString());
        conf.setInt("mapreduce.local.reduce.tasks.maximum", 2);
        conf.setInt("mapreduce.client.completion.pollinterval", 100);
        // A small sort buffer so that the map output spills several times and Hadoop merges the spills too.
        conf.setInt("mapreduce.task.io.sort.mb", 1);
        return conf;
    }
}
