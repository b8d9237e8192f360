package io.sluice.runtime.mr;

import io.sluice.format.Compression;
import io.sluice.format.FormatWriter;
import io.sluice.format.RowWriter;
import io.sluice.format.TextForms;
import io.sluice.format.csv.DelimitedOutput;
import io.sluice.format.csv.DelimitedWriteOptions;
import io.sluice.format.json.JsonOutput;
import io.sluice.format.orc.OrcFormat;
import io.sluice.format.parquet.ParquetFormat;
import io.sluice.row.Row;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes rows as Parquet, ORC, CSV or JSON-lines files through Sluice's writers ({@link #writer} chooses), inside the task's work folder so that Hadoop's output
 * committer makes them visible only when the job succeeds. With partition columns, each row goes to the file of its
 * partition folder ({@code country=DE/part-m-00000.parquet}) and the partition columns are not stored in the files.
 *
 * <p>The output folder is set with {@link FileOutputFormat#setOutputPath}, and the committer is a {@link
 * FileOutputCommitter}, but the class is not a {@code FileOutputFormat}: Hadoop's tasks measure the bytes such a format
 * wrote by walking every file system's statistics twice per record, which costs more than writing a record.
 */
public final class RowOutputFormat extends OutputFormat<NullWritable, Row> {
    static final String SCHEMA = "sluice.output.schema";
    static final String FORMAT = "sluice.output.format";
    static final String COMPRESSION = "sluice.output.compression";
    static final String PARTITION_COLUMNS = "sluice.output.partition.columns";
    static final String OPTION_PREFIX = "sluice.output.option.";

    /** Passes a job's output options (CSV's {@code delimiter}, {@code header}...) to the tasks. */
    public static void setOptions(Configuration conf, Map<String, String> options) {
        options.forEach((name, value) -> conf.set(OPTION_PREFIX + name, value));
    }

    /** The writer of a format, as job definitions name it: the one place where formats are told apart. */
    static FormatWriter writer(String format, Map<String, String> options) {
        return switch (format) {
            case "parquet" -> new ParquetFormat();
            case "orc" -> new OrcFormat();
            case "csv" -> new DelimitedOutput(DelimitedWriteOptions.of(options));
            case "json" -> new JsonOutput();
            default -> throw new IllegalArgumentException("unknown output format '" + format + "'");
        };
    }

    private FileOutputCommitter committer;

    @Override
    public RecordWriter<NullWritable, Row> getRecordWriter(TaskAttemptContext context) throws IOException {
        Configuration conf = context.getConfiguration();
        StructType schema = (StructType) DataType.parse(conf.get(SCHEMA));
        String format = conf.get(FORMAT, "parquet");
        Map<String, String> options = new HashMap<>(conf.getPropsWithPrefix(OPTION_PREFIX));
        FormatWriter writer = writer(format, options);
        Compression compression = Compression.valueOf(conf.get(COMPRESSION, "SNAPPY"));
        List<String> partitionColumns = List.of(conf.getTrimmedStrings(PARTITION_COLUMNS));
        Path work = ((FileOutputCommitter) getOutputCommitter(context)).getWorkPath();
        String file = FileOutputFormat.getUniqueFile(context, "part", writer.extension(compression));
        PartitionedWriter opened = new PartitionedWriter(
                conf, writer, compression, schema, partitionColumns, work, file, context.getTaskAttemptID());
        OPENED.set(opened);
        return opened;
    }

    /**
     * A consumer that writes a task's rows straight to the writer the task opened through this format on this
     * thread. Hadoop's output collector around that writer counts a record and notes progress for every row (its
     * counter updates were 1-2% of a CSV-to-Parquet job's CPU); this consumer counts every {@value #COUNT_EVERY}
     * rows, and the rest when the writer closes. Empty when the task writes elsewhere (a shuffle, intermediate rows,
     * a test driver's collector).
     */
    static Optional<RowConsumer> direct(TaskInputOutputContext<?, ?, ?, ?> context) {
        PartitionedWriter writer = OPENED.get();
        OPENED.remove();
        if (writer == null || !writer.task.equals(context.getTaskAttemptID())) {
            return Optional.empty();
        }
        TaskCounter records = context.getTaskAttemptID().getTaskType() == TaskType.MAP
                ? TaskCounter.MAP_OUTPUT_RECORDS
                : TaskCounter.REDUCE_OUTPUT_RECORDS;
        return Optional.of(writer.direct(context.getCounter(records), context));
    }

    @Override
    public void checkOutputSpecs(JobContext context) throws IOException {
        if (FileOutputFormat.getOutputPath(context) == null) {
            throw new IOException("the job has no output folder");
        }
    }

    @Override
    public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
        if (committer == null) {
            committer = new SignallingCommitter(FileOutputFormat.getOutputPath(context), context);
        }
        return committer;
    }

    /** Every how many rows written straight to the writer ({@link #direct}) the task's output counter is added to. */
    static final int COUNT_EVERY = 4096;

    /** The writer the task on this thread opened, until its rows are routed to it ({@link #direct}). */
    private static final ThreadLocal<PartitionedWriter> OPENED = new ThreadLocal<>();

    /** One writer per partition folder, opened on the first row of that partition. */
    private static final class PartitionedWriter extends RecordWriter<NullWritable, Row> {
        private final TaskAttemptID task;
        private Counter records;
        private TaskAttemptContext progress;
        private int uncounted;
        private final Configuration conf;
        private final FormatWriter format;
        private final Compression compression;
        private final int[] partitionPositions;
        private final int[] dataPositions;
        private final StructType dataSchema;
        private final List<String> partitionNames;
        private final Path work;
        private final String file;
        private final Map<Object, RowWriter> writers = new HashMap<>();
        private Object lastKey;
        private RowWriter lastWriter;
        private final Row data;

        PartitionedWriter(
                Configuration conf,
                FormatWriter format,
                Compression compression,
                StructType schema,
                List<String> partitionColumns,
                Path work,
                String file,
                TaskAttemptID task) {
            this.task = task;
            this.conf = conf;
            this.format = format;
            this.compression = compression;
            this.work = work;
            this.file = file;
            this.partitionNames = partitionColumns.stream()
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .toList();
            List<StructField> dataFields = new ArrayList<>();
            List<Integer> data = new ArrayList<>();
            int[] partitions = new int[partitionNames.size()];
            for (int i = 0; i < schema.fields().size(); i++) {
                int partition = partitionNames.indexOf(schema.fields().get(i).name());
                if (partition >= 0) {
                    partitions[partition] = i;
                } else {
                    data.add(i);
                    dataFields.add(schema.fields().get(i));
                }
            }
            this.partitionPositions = partitions;
            this.dataPositions = data.stream().mapToInt(Integer::intValue).toArray();
            this.dataSchema = new StructType(dataFields);
            this.data = new Row(dataPositions.length);
        }

        /** A consumer writing rows to this writer, counting them in {@code records} every {@value #COUNT_EVERY}. */
        RowConsumer direct(Counter records, TaskAttemptContext progress) {
            this.records = records;
            this.progress = progress;
            return this::writeCounted;
        }

        private void writeCounted(Row row) {
            try {
                write(null, row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++uncounted == COUNT_EVERY) {
                count();
            }
        }

        private void count() {
            records.increment(uncounted);
            uncounted = 0;
            progress.progress();
        }

        @Override
        public void write(NullWritable key, Row row) throws IOException {
            RowWriter writer = writer(row);
            if (partitionPositions.length == 0) {
                writer.write(row); // the row is the data row
                return;
            }
            for (int i = 0; i < dataPositions.length; i++) {
                data.setFrom(i, row, dataPositions[i]);
            }
            writer.write(data);
        }

        /** The writer of the row's partition, found by the partition values (the folder name is built once). */
        private RowWriter writer(Row row) throws IOException {
            Object partition = partitionKey(row);
            if (lastWriter != null && Objects.equals(partition, lastKey)) {
                return lastWriter;
            }
            RowWriter writer = writers.get(partition);
            if (writer == null) {
                writer = open(partition, row);
            }
            lastKey = partition;
            lastWriter = writer;
            return writer;
        }

        /** Opens the file of a new partition (kept out of the compiled row path: bin/compiler-directives.json). */
        private RowWriter open(Object partition, Row row) throws IOException {
            String folder = folder(row);
            Path path = folder.isEmpty() ? new Path(work, file) : new Path(new Path(work, folder), file);
            RowWriter writer = format.create(conf, path, dataSchema, compression);
            writers.put(partition, writer);
            return writer;
        }

        /** The partition values of a row: none, the value of the one column, or a list of them. */
        private Object partitionKey(Row row) {
            switch (partitionPositions.length) {
                case 0:
                    return List.of();
                case 1:
                    return row.get(partitionPositions[0]);
                default:
                    Object[] values = new Object[partitionPositions.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.get(partitionPositions[i]);
                    }
                    return Arrays.asList(values);
            }
        }

        /** Hive's partition folder of a row: {@code k1=v1/k2=v2}, nulls as {@code __HIVE_DEFAULT_PARTITION__}. */
        private String folder(Row row) {
            if (partitionPositions.length == 0) {
                return "";
            }
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < partitionPositions.length; i++) {
                Object value = row.get(partitionPositions[i]);
                String text = value == null ? "__HIVE_DEFAULT_PARTITION__" : TextForms.of(value);
                if (i > 0) {
                    folder.append('/');
                }
                folder.append(partitionNames.get(i)).append('=').append(escape(text));
            }
            return folder.toString();
        }

        /** Hive escapes characters that cannot be in a folder name as {@code %XX}. */
        private static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (char c : value.toCharArray()) {
                if (c < 0x20 || "\"#%'*/:=?\\\u007f{[]^".indexOf(c) >= 0) {
                    out.append('%').append(String.format("%02X", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public void close(TaskAttemptContext context) throws IOException {
            if (records != null) {
                count(); // the rows written since the last count
            }
            IOException failure = null;
            for (RowWriter writer : writers.values()) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
