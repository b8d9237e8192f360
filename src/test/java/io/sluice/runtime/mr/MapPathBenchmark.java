package io.sluice.runtime.mr;

import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.csv.DelimitedFormat;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.MapStage;
import io.sluice.job.PathSource;
import io.sluice.job.ReduceStage;
import io.sluice.job.Stage;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.PlannedStage;
import io.sluice.plan.Planner;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.stage.HashAggregator;
import io.sluice.runtime.stage.MapStageOperator;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.StructType;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Measures a job's map side in one thread, at steady state: the rows of its CSV path source read as a mapper reads
 * them (the columns the job does not use skipped), then the {@code map} stages before its first shuffle and, when
 * that shuffle feeds a {@code reduce}, the map-side aggregation with the planned shuffle key, over the whole file
 * again and again in one JVM (jobs with a join before their first shuffle are not measured). It prints the nanoseconds per
 * row of each pass, reading alone and with the stages, so that a change to the row path can be measured without the
 * start-up, the JIT's warm-up and the second core of a whole run. Not a test: run it by hand, after {@code mvn
 * test-compile}:
 *
 * <pre>
 * java -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=bin/compiler-directives.json \
 *     -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     io.sluice.runtime.mr.MapPathBenchmark bench/etl/W2.yaml events=/path/to/events_1000000.csv out=/tmp/unused \
 *     [passes=15]
 * </pre>
 *
 * <p>With the launcher's collector ({@code -XX:+UseParallelGC}; G1's write barriers on the rows' value arrays add
 * ~30 ns per W2 row) and its compiler directives, which keep the rare paths of the row loops out of them. W2 on 1M
 * rows, this way: ~110-120 ns per row reading, ~170-185 with the map side; passes vary by ±7 ns, so compare the best
 * passes of runs taken in turn.
 */
public final class MapPathBenchmark {
    private MapPathBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            arguments.put(pair[0], pair[1]);
        }
        int passes =
                Integer.parseInt(Optional.ofNullable(arguments.remove("passes")).orElse("15"));
        ValidatedJob job = new JobValidator(id -> Optional.empty(), ExpressionTyper.compiling())
                .validate(JobDefinitions.read(Path.of(args[0]), arguments));
        if (!(job.definition().source() instanceof PathSource source) || !new File(source.path()).isFile()) {
            throw new IllegalArgumentException("the job's source must be the path of one local file");
        }
        StructType schema = job.source().schema();
        PathStorage storage = PathStorage.of(source, schema);
        Map<String, String> parameters = new TreeMap<>(storage.parameters());
        SourceColumns.read(job)
                .ifPresent(read -> parameters.put(SourceColumns.READ_COLUMNS, SourceColumns.parameter(read)));
        ReadSpec spec = new ReadSpec(
                schema, storage.inputFormat(), SerDeInfo.of(storage.serde(), storage.serdeParameters()), parameters);
        long[] out = new long[1];
        for (int pass = 0; pass < passes; pass++) {
            double reading = nanosPerRow(source.path(), spec, row -> out[0]++);
            double staged = nanosPerRow(source.path(), spec, mapSide(job, out));
            System.out.printf("pass %2d: reading %.1f ns/row, with the map side %.1f ns/row%n", pass, reading, staged);
        }
        System.out.println("(rows and groups seen: " + out[0] + ")");
    }

    /**
     * The map stages before the job's first shuffle, then, when that shuffle feeds a reduce, its map-side aggregation
     * with the shuffle key the job's mappers encode.
     */
    private static RowConsumer mapSide(ValidatedJob job, long[] out) {
        MapReduceJob first = new Planner(name -> OptionalLong.empty(), Planner.DEFAULT_BROADCAST_LIMIT)
                .plan(job)
                .jobs()
                .get(0);
        List<Stage> stages = job.definition().stages();
        int maps = first.shuffleStage().map(PlannedStage::index).orElse(stages.size());
        RowConsumer consumer = row -> out[0]++;
        if (first.shuffleStage().map(PlannedStage::stage).orElse(null) instanceof ReduceStage reduce) {
            StructType input = job.inputOf(maps);
            KeyCodec key = JobSetup.shuffleKey(first.shuffle().orElseThrow(), input);
            consumer =
                    HashAggregator.of(reduce, input, key, 100_000, (bytes, length, groupLength, partial) -> out[0]++);
        }
        for (int i = maps - 1; i >= 0; i--) {
            if (!(stages.get(i) instanceof MapStage map)) {
                throw new IllegalArgumentException("stage " + (i + 1) + " before the first shuffle is not a map stage");
            }
            consumer = MapStageOperator.compile(map, job.inputOf(i), consumer);
        }
        return consumer;
    }

    private static double nanosPerRow(String file, ReadSpec spec, RowConsumer consumer) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (RowReader reader = new DelimitedFormat()
                .open(new Configuration(), new org.apache.hadoop.fs.Path(file), 0, new File(file).length(), spec)) {
            Row row = new Row(spec.schema().fields().size());
            while (reader.next(row)) {
                consumer.accept(row);
                rows++;
            }
        }
        return (double) (System.nanoTime() - start) / rows;
    }
}
