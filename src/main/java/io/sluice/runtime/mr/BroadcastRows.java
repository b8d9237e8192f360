package io.sluice.runtime.mr;

import io.sluice.format.BuiltinFormats;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.TextValueParser;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.runtime.stage.RowWidening;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * The rows of a broadcast join's other source, read whole by every task that joins with them. The source's files are
 * in the job configuration ({@code sluice.broadcast.<stage index>}, {@link MapInput}s as JSON), with the schema the
 * join sees ({@code sluice.broadcast.<stage index>.schema}). Bad records of the source are logged once, by the first
 * task; the others skip them, so that each is counted once.
 */
final class BroadcastRows {
    private static final String PREFIX = "sluice.broadcast.";

    private BroadcastRows() {}

    static void configure(Configuration conf, int stage, List<MapInput> inputs, StructType schema) {
        MapInput.set(conf, PREFIX + stage, inputs);
        conf.set(PREFIX + stage + ".schema", schema.toString());
    }

    static StructType schema(Configuration conf, int stage) {
        String schema = conf.get(PREFIX + stage + ".schema");
        if (schema == null) {
            throw new IllegalStateException("the job configuration has no " + PREFIX + stage + ".schema");
        }
        return (StructType) DataType.parse(schema);
    }

    /** Every row of the source of the broadcast join at stage {@code stage}, copied, widened to its schema. */
    static List<Row> read(TaskAttemptContext context, int stage) throws IOException {
        Configuration conf = context.getConfiguration();
        boolean reports = context.getTaskAttemptID().getTaskID().getId() == 0;
        BadRecords badRecords = reports ? BadRecords.of(context) : null;
        List<Row> rows = new ArrayList<>();
        for (MapInput input : MapInput.get(conf, PREFIX + stage)) {
            RowWidening widening = RowWidening.of(input.readSchema(), input.targetSchema());
            for (InputFile file : input.files()) {
                readFile(conf, file, widening, rows, badRecords);
            }
        }
        return rows;
    }

    private static void readFile(
            Configuration conf, InputFile file, RowWidening widening, List<Row> rows, BadRecords badRecords)
            throws IOException {
        ReadSpec spec = file.readSpec();
        int width = spec.schema().fields().size();
        Object[] partition = partitionValues(file);
        Row data = new Row(width);
        Row row = new Row(width + partition.length);
        try (RowReader reader =
                BuiltinFormats.formats().forSpec(spec).open(conf, new Path(file.path()), 0, file.length(), spec)) {
            while (true) {
                try {
                    if (!reader.next(data)) {
                        return;
                    }
                } catch (BadRecordException e) {
                    if (badRecords != null) {
                        badRecords.add(e.getMessage());
                    }
                    continue;
                }
                for (int i = 0; i < width; i++) {
                    row.setFrom(i, data, i);
                }
                for (int i = 0; i < partition.length; i++) {
                    row.set(width + i, partition[i]);
                }
                rows.add(widening.apply(row).copy());
            }
        }
    }

    private static Object[] partitionValues(InputFile file) {
        Object[] values = new Object[file.partitionValues().size()];
        for (int i = 0; i < values.length; i++) {
            String text = file.partitionValues().get(i);
            values[i] = "__HIVE_DEFAULT_PARTITION__".equals(text)
                    ? null
                    : TextValueParser.of(DataType.parse(file.partitionTypes().get(i)), Optional.empty())
                            .parse(text);
        }
        return values;
    }
}
