package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cluster.HadoopConfigurations;
import io.sluice.row.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intermediate rows written by one MapReduce job and read back, split, by the next. */
class IntermediateFormatsTest {
    @TempDir
    Path dir;

    @Test
    void everyRowIsReadOnceWhateverTheSplits() throws IOException, InterruptedException {
        Configuration conf = HadoopConfigurations.local();
        org.apache.hadoop.fs.Path folder =
                new org.apache.hadoop.fs.Path(dir.resolve("job-1").toUri());
        conf.set(FileOutputFormat.OUTDIR, folder.toString());
        conf.set(IntermediateOutputFormat.SCHEMA, "struct<id:int,name:string,price:decimal(7,2),day:date>");
        TaskAttemptContext task = new TaskAttemptContextImpl(conf, new TaskAttemptID("t", 1, TaskType.REDUCE, 0, 0));
        IntermediateOutputFormat output = new IntermediateOutputFormat();
        RecordWriter<NullWritable, Row> writer = output.getRecordWriter(task);
        List<Row> written = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Row row = Row.of(
                    i,
                    i % 7 == 0 ? null : "name " + i,
                    BigDecimal.valueOf(i, 2),
                    LocalDate.ofEpochDay(19_000 + i % 400));
            written.add(row);
            writer.write(NullWritable.get(), row);
        }
        writer.close(task);
        output.getOutputCommitter(task).commitTask(task);

        Configuration read = new Configuration(conf);
        read.set(FileInputFormat.INPUT_DIR, folder.toString());
        read.setLong(FileInputFormat.SPLIT_MAXSIZE, 64 * 1024);
        IntermediateInputFormat input = new IntermediateInputFormat();
        List<InputSplit> splits = input.getSplits(new JobContextImpl(read, new JobID("t", 2)));
        List<Row> rows = new ArrayList<>();
        for (InputSplit split : splits) {
            TaskAttemptContext context =
                    new TaskAttemptContextImpl(read, new TaskAttemptID("t", 2, TaskType.MAP, 0, 0));
            try (RecordReader<NullWritable, Row> reader = input.createRecordReader(split, context)) {
                reader.initialize(split, context);
                while (reader.nextKeyValue()) {
                    rows.add(reader.getCurrentValue().copy());
                }
            }
        }

        assertThat(splits).hasSizeGreaterThan(3);
        assertThat(rows).containsExactlyElementsOf(written);
    }
}
