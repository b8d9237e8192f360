package io.sluice.runtime.mr;

import io.sluice.row.Row;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes the rows of a MapReduce job that is not the plan's last, for the next one to read ({@link
 * IntermediateInputFormat}): Hadoop SequenceFiles of {@code NullWritable} keys and {@link RowWritable} values in
 * {@link RowCodec}'s compact bytes, with the rows' schema in the file's metadata ({@value #SCHEMA_METADATA}), so each
 * file is read without anything else. Sync marks let the next job split the files.
 */
public final class IntermediateOutputFormat extends FileOutputFormat<NullWritable, Row> {
    /** The schema of the rows written, as a Hive struct type. */
    static final String SCHEMA = "sluice.intermediate.schema";

    static final Text SCHEMA_METADATA = new Text("sluice.schema");

    private SignallingCommitter committer;

    @Override
    public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
        if (committer == null) {
            committer = new SignallingCommitter(getOutputPath(context), context);
        }
        return committer;
    }

    @Override
    public RecordWriter<NullWritable, Row> getRecordWriter(TaskAttemptContext context) throws IOException {
        Configuration conf = context.getConfiguration();
        String schema = conf.get(SCHEMA);
        if (schema == null) {
            throw new IOException("the job configuration has no " + SCHEMA);
        }
        RowCodec codec = RowCodec.of((StructType) DataType.parse(schema));
        Path file = getDefaultWorkFile(context, ".rows");
        SequenceFile.Metadata metadata = new SequenceFile.Metadata();
        metadata.set(SCHEMA_METADATA, new Text(schema));
        SequenceFile.Writer writer = SequenceFile.createWriter(
                conf,
                SequenceFile.Writer.file(file),
                SequenceFile.Writer.keyClass(NullWritable.class),
                SequenceFile.Writer.valueClass(RowWritable.class),
                SequenceFile.Writer.metadata(metadata),
                SequenceFile.Writer.compression(SequenceFile.CompressionType.NONE));
        RowWritable value = new RowWritable();
        return new RecordWriter<>() {
            @Override
            public void write(NullWritable key, Row row) throws IOException {
                writer.append(NullWritable.get(), value.encode(codec, row));
            }

            @Override
            public void close(TaskAttemptContext context) throws IOException {
                writer.close();
            }
        };
    }
}
