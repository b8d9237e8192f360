package io.sluice.runtime.mr;

import io.sluice.job.BadRecordLimit;
import io.sluice.job.JoinStage;
import io.sluice.job.Output;
import io.sluice.job.ReduceStage;
import io.sluice.job.ResolvedSource;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.PlannedStage;
import io.sluice.plan.Shuffle;
import io.sluice.plan.ShuffleKey;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.runtime.io.KeyHashPartitioner;
import io.sluice.runtime.io.KeyRangePartitioner;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.stage.HashAggregator;
import io.sluice.runtime.stage.JoinLayout;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.MapOutputCollector;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Sets up the Hadoop job of one planned MapReduce job: what its mappers read (the job's source, the previous
 * MapReduce job's intermediate rows, a shuffle join's other source), the sources of its broadcast joins, the stages
 * each side runs, the shuffle (hash, single or sampled range partitioning; a join's tagged keys) and where it writes
 * (the job's output format for the last MapReduce job, intermediate rows for the others).
 */
final class JobSetup {
    /** Reducers of a shuffle whose job does not say how many. */
    static final int DEFAULT_REDUCERS = 2;

    /** The share of the heap that all local reducers together hold map outputs in (Hadoop's default for one). */
    static final float SHUFFLE_HEAP_SHARE = 0.7f;

    private final ValidatedJob job;
    private final SourceFiles files;
    private final String yaml;
    private final String fileName;
    private final Map<String, String> arguments;

    JobSetup(ValidatedJob job, SourceFiles files, String yaml, String fileName, Map<String, String> arguments) {
        this.job = job;
        this.files = files;
        this.yaml = yaml;
        this.fileName = fileName;
        this.arguments = arguments;
    }

    /**
     * The Hadoop job of {@code mr}, reading {@code previous} (the intermediate rows of the MapReduce job before it) or,
     * for the first, the job's source, and writing to {@code output}; {@code scratch} is a folder for sampling range
     * split points.
     */
    Job configure(Configuration base, MapReduceJob mr, Optional<Path> previous, Path output, Path scratch)
            throws IOException {
        Job hadoop = Job.getInstance(
                runsLocally(base) ? withoutDefaults(base) : new Configuration(base),
                "sluice " + job.definition().name() + " (" + mr.number() + ")");
        Configuration conf = hadoop.getConfiguration();
        common(conf);
        StructType input = inputSchema(mr);
        List<MapInput> inputs = new ArrayList<>();
        if (previous.isPresent()) {
            inputs.add(MapInput.intermediate(MapInput.INPUT, previous.get().toString(), input));
        } else {
            inputs.addAll(pruned(sourceInputs(MapInput.INPUT, job.source(), input), input));
        }
        Optional<ResolvedSource> other = joinSource(mr);
        if (other.isPresent()) {
            inputs.addAll(sourceInputs(MapInput.OTHER, other.get(), other.get().schema()));
        }
        MapInput.set(conf, MapInput.INPUTS, inputs);
        conf.set(StageMapper.INPUT_SCHEMA, input.toString());
        broadcasts(conf, mr);
        conf.set(PlanStages.MAP_STAGES, indexes(mr.mapSide()));
        conf.set(PlanStages.REDUCE_STAGES, indexes(mr.reduceSide()));
        output(hadoop, mr, output);
        if (!runsLocally(conf)) {
            // Tasks on a cluster load Sluice from the job's jar; the local runner's tasks run in this JVM, whose class
            // path has Sluice already, and copying the jar into the staging folder was a few percent of a small job.
            hadoop.setJarByClass(StageMapper.class);
        }
        if (mr.mapOnly()) {
            hadoop.setInputFormatClass(TaggedInputFormat.class);
            hadoop.setMapperClass(StageMapper.class);
            hadoop.setNumReduceTasks(0);
        } else {
            shuffle(hadoop, mr, scratch);
        }
        splitBounds(conf, mr);
        return hadoop;
    }

    /** The schema of the rows a MapReduce job's mappers read: that of the input of its first stage. */
    StructType inputSchema(MapReduceJob mr) {
        return firstStage(mr).map(job::inputOf).orElse(job.source().schema());
    }

    /** The schema of the rows a MapReduce job gives: that after its last stage. */
    StructType outputSchema(MapReduceJob mr) {
        return stages(mr).mapToInt(PlannedStage::index).max().stream()
                .mapToObj(job::schemaAfter)
                .findFirst()
                .orElseGet(() -> inputSchema(mr));
    }

    private void common(Configuration conf) {
        conf.set(StageMapper.JOB_YAML, yaml);
        conf.set(StageMapper.JOB_NAME, fileName);
        conf.setStrings(
                StageMapper.ARGUMENTS,
                arguments.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        conf.setLong(
                BadRecords.LIMIT,
                job.definition().maxBadRecords() instanceof BadRecordLimit.Count count ? count.max() : -1);
        conf.setIfUnset("mapreduce.framework.name", "local");
        conf.setInt("mapreduce.local.map.tasks.maximum", Runtime.getRuntime().availableProcessors());
        conf.setInt("mapreduce.local.reduce.tasks.maximum", Runtime.getRuntime().availableProcessors());
        conf.setInt("mapreduce.client.completion.pollinterval", 100);
        conf.setBoolean("mapreduce.client.genericoptionsparser.used", true); // options come from the job file
    }

    private List<MapInput> sourceInputs(int side, ResolvedSource source, StructType target) throws IOException {
        List<MapInput> inputs = new ArrayList<>();
        for (SourceFiles.Part part : files.parts(job, source)) {
            inputs.add(MapInput.files(side, part.files(), part.schema(), target));
        }
        return inputs;
    }

    /**
     * The job's input with the columns its first stage does not read marked for the readers to skip ({@link
     * SourceColumns}); unions are read whole.
     */
    private List<MapInput> pruned(List<MapInput> inputs, StructType input) {
        Optional<java.util.BitSet> read = SourceColumns.read(job);
        if (read.isEmpty() || inputs.size() != 1 || !inputs.get(0).readSchema().equals(input)) {
            return inputs;
        }
        String columns = SourceColumns.parameter(read.get());
        MapInput only = inputs.get(0);
        List<InputFile> files = only.files().stream()
                .map(file -> file.withParameter(SourceColumns.READ_COLUMNS, columns))
                .toList();
        return List.of(new MapInput(only.side(), files, only.folder(), only.schema(), only.target()));
    }

    /** The other source of the job's shuffle join, if its shuffle is one. */
    private Optional<ResolvedSource> joinSource(MapReduceJob mr) {
        return mr.shuffleStage()
                .map(PlannedStage::stage)
                .filter(JoinStage.class::isInstance)
                .map(stage -> other((JoinStage) stage));
    }

    private ResolvedSource other(JoinStage join) {
        ResolvedSource source = job.sources().get(join.with().name());
        if (source == null) {
            throw new IllegalStateException("source '" + join.with().name() + "' of the join was not resolved");
        }
        return source;
    }

    /**
     * Map tasks that sort every row they read (a shuffle without map-side aggregation) get splits that fit their sort
     * buffer, the input format's default bound; others, of map-only jobs or pre-aggregating mappers, one split per slot.
     */
    static void splitBounds(Configuration conf, MapReduceJob mr) {
        boolean sortsEveryRow = mr.shuffle().map(shuffle -> !shuffle.combine()).orElse(false);
        if (!sortsEveryRow) {
            setUnlessConfigured(conf, RowInputFormat.MAX_SPLIT, Long.toString(RowInputFormat.UNSORTED_MAX_SPLIT));
        }
    }

    /** The sources of the broadcast joins run row by row in the mapper or after the shuffle. */
    private void broadcasts(Configuration conf, MapReduceJob mr) throws IOException {
        for (PlannedStage stage :
                Stream.concat(mr.mapSide().stream(), mr.reduceSide().stream()).toList()) {
            if (stage.stage() instanceof JoinStage join) {
                ResolvedSource other = other(join);
                BroadcastRows.configure(
                        conf, stage.index(), sourceInputs(MapInput.OTHER, other, other.schema()), other.schema());
            }
        }
    }

    private void output(Job hadoop, MapReduceJob mr, Path path) {
        Configuration conf = hadoop.getConfiguration();
        hadoop.setOutputKeyClass(NullWritable.class);
        hadoop.setOutputValueClass(Row.class);
        FileOutputFormat.setOutputPath(hadoop, path);
        if (!mr.finalOutput()) {
            conf.set(IntermediateOutputFormat.SCHEMA, outputSchema(mr).toString());
            hadoop.setOutputFormatClass(IntermediateOutputFormat.class);
            return;
        }
        Output output = job.definition().output();
        conf.set(RowOutputFormat.SCHEMA, job.outputSchema().toString());
        conf.set(RowOutputFormat.FORMAT, output.format().spelling());
        RowOutputFormat.setOptions(conf, output.options());
        conf.set(RowOutputFormat.COMPRESSION, output.compression().name());
        conf.setStrings(
                RowOutputFormat.PARTITION_COLUMNS,
                output.partitionBy().stream().map(c -> c.name()).toArray(String[]::new));
        hadoop.setOutputFormatClass(RowOutputFormat.class);
    }

    /** The shuffle by the planned key, the stage that consumes it in the reducer and what is fused after it. */
    private void shuffle(Job hadoop, MapReduceJob mr, Path scratch) throws IOException {
        Configuration conf = hadoop.getConfiguration();
        Shuffle shuffle = mr.shuffle().orElseThrow();
        PlannedStage stage = mr.shuffleStage().orElseThrow();
        StructType shuffled = job.inputOf(stage.index());
        conf.setInt(PlanStages.SHUFFLE_STAGE, stage.index());
        conf.set(PlanStages.SHUFFLE_INPUT_SCHEMA, shuffled.toString());
        if (!conf.getBoolean(MRJobConfig.MR_ENCRYPTED_INTERMEDIATE_DATA, false)) {
            conf.setClass(
                    MRJobConfig.MAP_OUTPUT_COLLECTOR_CLASS_ATTR, SortingCollector.class, MapOutputCollector.class);
            setUnlessConfigured(conf, MRJobConfig.IO_SORT_MB, "256");
        }
        if (runsLocally(conf)) {
            localReduceMemory(conf);
        }
        // The local runner's map outputs merged where they lie, elsewhere Hadoop's shuffle; a pass-through reducer
        // reads the merged records in place.
        setUnlessConfigured(conf, MRConfig.SHUFFLE_CONSUMER_PLUGIN, MergedInput.class.getName());
        int reducers = shuffle.reducers().orElse(DEFAULT_REDUCERS);
        if (stage.stage() instanceof JoinStage join) {
            StructType other = other(join).schema();
            conf.set(JoinShuffle.OTHER_SCHEMA, other.toString());
            KeyCodec key =
                    JoinShuffle.keyCodec(JoinLayout.of(join, shuffled, other).keyTypes());
            ShuffleConf.configure(conf, shuffled, key, KeyHashPartitioner.class);
            hadoop.setInputFormatClass(JoinInputFormat.class);
            hadoop.setMapperClass(JoinMapper.class);
            hadoop.setReducerClass(JoinReducer.class);
            hadoop.setNumReduceTasks(reducers);
            return;
        }
        KeyCodec key = shuffleKey(shuffle, shuffled);
        hadoop.setInputFormatClass(TaggedInputFormat.class);
        hadoop.setMapperClass(ShuffleMapper.class);
        hadoop.setReducerClass(shuffle.kind() == Shuffle.Kind.GROUP ? StageReducer.class : PassThroughReducer.class);
        switch (shuffle.partitioning()) {
            case SINGLE -> {
                ShuffleConf.configure(conf, shuffled, key, KeyHashPartitioner.class);
                hadoop.setNumReduceTasks(1);
            }
            case HASH -> {
                ShuffleConf.configure(conf, shuffled, key, KeyHashPartitioner.class);
                partitionKey(conf, shuffle, shuffled);
                hadoop.setNumReduceTasks(reducers);
            }
            case RANGE -> {
                ShuffleConf.configure(conf, shuffled, key, KeyRangePartitioner.class);
                partitionKey(conf, shuffle, shuffled);
                hadoop.setNumReduceTasks(reducers);
                ShuffleConf.setSplitPoints(conf, RangeSampling.splitPoints(hadoop, reducers, scratch));
            }
        }
        if (shuffle.combine()) {
            combine(conf, (ReduceStage) stage.stage(), shuffled);
        } else {
            ShuffleConf.leaveGroupingColumnsOutOfValues(conf);
        }
    }

    /**
     * What of {@code base} does not come from Hadoop's default files ({@code core-default.xml}...), for a local job.
     * Hadoop writes a job's whole configuration into its {@code job.xml}, which the local runner reads back, writes
     * again and reads once more before a task starts (~180 KB each time, most of it the defaults); its tasks read the
     * default files themselves, so they see the same configuration. On a cluster the whole configuration goes, as
     * Hadoop ships it.
     */
    static Configuration withoutDefaults(Configuration base) {
        Configuration conf = new Configuration(false);
        for (Map.Entry<String, String> property : base) {
            if (!fromDefaultsOnly(base.getPropertySources(property.getKey()))) {
                conf.set(property.getKey(), property.getValue());
            }
        }
        return conf;
    }

    private static boolean fromDefaultsOnly(String[] sources) {
        if (sources == null || sources.length == 0) {
            return false;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return false;
            }
        }
        return true;
    }

    /** True when the job's tasks run in this JVM, on Hadoop's LocalJobRunner. */
    static boolean runsLocally(Configuration conf) {
        return "local".equals(conf.get("mapreduce.framework.name", "local"));
    }

    /**
     * How local reducers keep map outputs in memory. They run side by side in this JVM, and Hadoop gives each one a
     * share of the heap for map outputs as if it were alone (70%): they split that share instead, so memory stays
     * bounded however large the input (past it, map outputs go to disk). Each reads what it holds in memory straight
     * into the reduce instead of writing it to disk first (Hadoop's default).
     */
    static void localReduceMemory(Configuration conf) {
        int reduceSlots = Math.max(1, conf.getInt("mapreduce.local.reduce.tasks.maximum", 1));
        setUnlessConfigured(
                conf, MRJobConfig.SHUFFLE_INPUT_BUFFER_PERCENT, String.valueOf(SHUFFLE_HEAP_SHARE / reduceSlots));
        setUnlessConfigured(conf, MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, "0.5");
    }

    /**
     * Sets a Hadoop option unless the configuration the job started from sets it. Hadoop's own defaults ({@code
     * mapred-default.xml} and the like) do not count: {@link Configuration#setIfUnset} would see them as set and
     * never apply Sluice's value.
     */
    static void setUnlessConfigured(Configuration conf, String name, String value) {
        String[] sources = conf.getPropertySources(name);
        if (sources == null || Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"))) {
            conf.set(name, value);
        }
    }

    /** Rows go to reducers by the shuffle's partition keys, when it has some apart from the keys it sorts by. */
    private static void partitionKey(Configuration conf, Shuffle shuffle, StructType shuffled) {
        if (!shuffle.partitionKeys().isEmpty()) {
            ShuffleConf.setPartitionKey(conf, KeyCodec.of(keyColumns(shuffle.partitionKeys(), shuffled)));
        }
    }

    /**
     * Makes the mappers pre-aggregate a reduce stage over rows of {@code shuffled}: the shuffle then carries its
     * partial rows, which the reducer merges.
     */
    static void combine(Configuration conf, ReduceStage reduce, StructType shuffled) {
        conf.setBoolean(PlanStages.COMBINE, true);
        ShuffleConf.setValueSchema(conf, HashAggregator.partialSchema(reduce, shuffled));
    }

    /** The encoding of the key a (not join) shuffle sorts and groups rows of {@code shuffled} by. */
    static KeyCodec shuffleKey(Shuffle shuffle, StructType shuffled) {
        return KeyCodec.of(keyColumns(shuffle.keys(), shuffled), shuffle.groupingKeys());
    }

    private static List<KeyColumn> keyColumns(List<ShuffleKey> shuffleKeys, StructType shuffled) {
        List<KeyColumn> keys = new ArrayList<>();
        for (ShuffleKey key : shuffleKeys) {
            int position = position(shuffled, key.column());
            DataType type = shuffled.fields().get(position).type();
            keys.add(new KeyColumn(
                    position,
                    type,
                    key.descending() ? KeyColumn.Order.DESC : KeyColumn.Order.ASC,
                    key.nullsFirst() ? KeyColumn.Nulls.FIRST : KeyColumn.Nulls.LAST));
        }
        return keys;
    }

    private static int position(StructType schema, String column) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("shuffle key '" + column + "' not in " + schema);
    }

    private static Optional<Integer> firstStage(MapReduceJob mr) {
        return stages(mr).map(PlannedStage::index).min(Integer::compare);
    }

    private static Stream<PlannedStage> stages(MapReduceJob mr) {
        return Stream.of(mr.mapSide().stream(), mr.shuffleStage().stream(), mr.reduceSide().stream())
                .flatMap(s -> s);
    }

    private static String indexes(List<PlannedStage> stages) {
        return String.join(
                ",", stages.stream().map(s -> String.valueOf(s.index())).toList());
    }
}
