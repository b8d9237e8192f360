package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.job.JoinStage;
import io.sluice.row.Row;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.stage.JoinLayout;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * The mapper of a shuffle join ({@link JoinShuffle}): rows of the input (key {@link MapInput#INPUT}) run through the
 * map-side stages, rows of the other source (key {@link MapInput#OTHER}) as they are; each is sent with its widened
 * join keys and its side's tag. A row with a null key matches nothing: it is sent only when the join keeps unmatched
 * rows of its side, else dropped here.
 */
public final class JoinMapper extends Mapper<IntWritable, Row, KeyWritable, RowWritable> {
    private JoinLayout layout;
    private KeyCodec keys;
    private RowCodec inputCodec;
    private RowCodec otherCodec;
    private Row keyRow;
    private final KeyWritable key = new KeyWritable();
    private final RowWritable value = new RowWritable();
    private final BinaryOutput scratch = new BinaryOutput(256);
    private RowConsumer input;
    private BadRecords badRecords;
    private Context context;

    @Override
    protected void setup(Context context) {
        this.context = context;
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        JoinStage stage = (JoinStage) job.stages().get(conf.getInt(PlanStages.SHUFFLE_STAGE, -1));
        StructType left = PlanStages.schema(conf, PlanStages.SHUFFLE_INPUT_SCHEMA);
        StructType right = PlanStages.schema(conf, JoinShuffle.OTHER_SCHEMA);
        layout = JoinLayout.of(stage, left, right);
        keys = ShuffleConf.keyCodec(conf);
        inputCodec = RowCodec.of(left);
        otherCodec = RowCodec.of(right);
        keyRow = new Row(layout.keyTypes().size() + 1);
        input = PlanStages.chain(
                context,
                job,
                PlanStages.indexes(conf, PlanStages.MAP_STAGES),
                PlanStages.schema(conf, StageMapper.INPUT_SCHEMA),
                row -> emit(MapInput.INPUT, row));
        badRecords = BadRecords.of(context);
    }

    @Override
    protected void map(IntWritable side, Row row, Context context) throws IOException {
        try {
            if (side.get() == MapInput.OTHER) {
                emit(MapInput.OTHER, row);
            } else {
                input.accept(row);
            }
        } catch (ExpressionEvaluationException e) {
            badRecords.add("row " + row + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void emit(int side, Row row) {
        boolean other = side == MapInput.OTHER;
        boolean matchable = other ? layout.rightKey(row, keyRow) : layout.leftKey(row, keyRow);
        if (!matchable && !(other ? layout.keepsUnmatchedRight() : layout.keepsUnmatchedLeft())) {
            return;
        }
        keyRow.set(keyRow.width() - 1, JoinShuffle.tag(side));
        TaskOutput.write(
                context,
                key.encode(keys, keyRow),
                JoinShuffle.encode(side, other ? otherCodec : inputCodec, row, scratch, value));
    }

    /** Runs the task; a failure's reason is left for the runner ({@link TaskFailures}). */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        TaskFailures.run(context, () -> super.run(context));
    }
}
