package io.sluice.runtime.mr;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.job.BadRecordLimit;
import io.sluice.job.Output;
import io.sluice.job.TableSource;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.Plan;
import io.sluice.plan.PlannedStage;
import io.sluice.plan.Shuffle;
import io.sluice.plan.ShuffleKey;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.runtime.io.KeyHashPartitioner;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Runs a planned job on Hadoop MapReduce (the LocalJobRunner unless the configuration names a cluster). This version
 * runs plans of one MapReduce job over catalog tables — map-only, or one shuffle serving a {@code reduce} (with the
 * stages fused around it) — writing Parquet or ORC, Hive-partitioned when asked.
 *
 * <p>Output is atomic: tasks write into a hidden staging folder beside the output through Hadoop's output committer,
 * and only a successful job's files are moved into place ({@code overwrite} replaces the partitions written, {@code
 * append} adds files, {@code error} refuses an output that has data). Bad records are in {@code _errors/} of the
 * output. Then the output table, if the job names one, is created or updated in the catalog with its partitions.
 */
public final class JobRunner {
    private final Catalog catalog;
    private final Configuration base;

    public JobRunner(Catalog catalog, Configuration base) {
        this.catalog = catalog;
        this.base = base;
    }

    /** What a run did. */
    public record Result(long rowsRead, long rowsWritten, long badRecords, Path output, List<String> partitions) {}

    public Result run(ValidatedJob job, Plan plan, String yaml, String fileName, Map<String, String> arguments) {
        MapReduceJob mr = runnable(plan);
        Output output = job.definition().output();
        try {
            Configuration conf = new Configuration(base);
            List<InputFile> inputs = inputs(job, conf);
            Path outputPath = new Path(output.path());
            FileSystem fs = outputPath.getFileSystem(conf);
            Path target = fs.makeQualified(outputPath);
            checkMode(fs, target, output.mode());
            Path staging =
                    new Path(target.getParent(), "." + target.getName() + ".sluice-staging-" + System.nanoTime());
            Job hadoop = configure(conf, job, mr, inputs, yaml, fileName, arguments, staging);
            boolean succeeded = hadoop.waitForCompletion(false);
            if (!succeeded) {
                fs.delete(staging, true);
                throw new SluiceException(
                        ErrorCode.JOB_FAILED,
                        "job " + job.definition().name() + " failed: "
                                + hadoop.getStatus().getFailureInfo());
            }
            Counters counters = hadoop.getCounters();
            long read = counters.findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue();
            long written = counters.findCounter(
                            mr.mapOnly() ? TaskCounter.MAP_OUTPUT_RECORDS : TaskCounter.REDUCE_OUTPUT_RECORDS)
                    .getValue();
            long bad = counters.findCounter(BadRecords.COUNTER_GROUP, BadRecords.COUNTER)
                    .getValue();
            if (job.definition().maxBadRecords() instanceof BadRecordLimit.Percent percent
                    && read + bad > 0
                    && bad * 100.0 / (read + bad) > percent.max()) {
                fs.delete(staging, true);
                throw new SluiceException(
                        ErrorCode.JOB_FAILED,
                        "job " + job.definition().name() + ": " + bad + " bad records of " + (read + bad)
                                + ", more than " + percent.max() + "%");
            }
            List<String> partitions = publish(fs, staging, target, output);
            output.table().ifPresent(table -> register(table, job, output, target, partitions));
            return new Result(read, written, bad, target, partitions);
        } catch (IOException e) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE, "job " + job.definition().name() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(
                    ErrorCode.JOB_FAILED, "job " + job.definition().name() + " was interrupted", e);
        } catch (ClassNotFoundException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR, "job " + job.definition().name() + ": " + e, e);
        }
    }

    /** This version runs plans of one MapReduce job: map-only, or with one shuffle (reduce, sort, partition, distinct). */
    private static MapReduceJob runnable(Plan plan) {
        MapReduceJob mr = plan.jobs().get(0);
        boolean supported = plan.jobs().size() == 1
                && (mr.mapOnly() || mr.shuffle().orElseThrow().kind() != Shuffle.Kind.JOIN);
        if (!supported) {
            throw new SluiceException(
                    ErrorCode.JOB_FAILED,
                    "job " + plan.job() + " needs " + plan.jobs().size()
                            + " MapReduce job(s) with a "
                            + mr.shuffle()
                                    .map(s -> s.kind().name().toLowerCase(java.util.Locale.ROOT))
                                    .orElse("map-only")
                            + " shuffle; this version runs plans of one MapReduce job without a shuffle join"
                            + " ('sluice submit --explain' shows the plan)");
        }
        return mr;
    }

    private Job configure(
            Configuration conf,
            ValidatedJob job,
            MapReduceJob mr,
            List<InputFile> inputs,
            String yaml,
            String fileName,
            Map<String, String> arguments,
            Path staging)
            throws IOException {
        conf.set(RowInputFormat.FILES, InputFile.toJson(inputs));
        conf.set(StageMapper.JOB_YAML, yaml);
        conf.set(StageMapper.JOB_NAME, fileName);
        conf.setStrings(
                StageMapper.ARGUMENTS,
                arguments.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        conf.set(StageMapper.INPUT_SCHEMA, job.inputOf(0).toString());
        Output output = job.definition().output();
        conf.set(RowOutputFormat.SCHEMA, job.outputSchema().toString());
        conf.set(RowOutputFormat.FORMAT, output.format().spelling());
        RowOutputFormat.setOptions(conf, output.options());
        conf.set(RowOutputFormat.COMPRESSION, output.compression().name());
        conf.setStrings(
                RowOutputFormat.PARTITION_COLUMNS,
                output.partitionBy().stream().map(c -> c.name()).toArray(String[]::new));
        conf.setLong(
                BadRecords.LIMIT,
                job.definition().maxBadRecords() instanceof BadRecordLimit.Count count ? count.max() : -1);
        conf.setIfUnset("mapreduce.framework.name", "local");
        conf.setInt("mapreduce.local.map.tasks.maximum", Runtime.getRuntime().availableProcessors());
        conf.setInt("mapreduce.client.completion.pollinterval", 100);
        conf.setBoolean("mapreduce.client.genericoptionsparser.used", true); // options come from the job file
        Job hadoop = Job.getInstance(conf, "sluice " + job.definition().name() + " (" + mr.number() + ")");
        hadoop.setJarByClass(StageMapper.class);
        hadoop.setInputFormatClass(RowInputFormat.class);
        if (mr.mapOnly()) {
            hadoop.setMapperClass(StageMapper.class);
            hadoop.setNumReduceTasks(0);
        } else {
            configureShuffle(hadoop, job, mr);
        }
        hadoop.setOutputKeyClass(NullWritable.class);
        hadoop.setOutputValueClass(io.sluice.row.Row.class);
        hadoop.setOutputFormatClass(RowOutputFormat.class);
        FileOutputFormat.setOutputPath(hadoop, staging);
        return hadoop;
    }

    /** Map-side stages, the shuffle by the planned key, the reduce stage and what is fused after it. */
    private static void configureShuffle(Job hadoop, ValidatedJob job, MapReduceJob mr) {
        Configuration conf = hadoop.getConfiguration();
        Shuffle shuffle = mr.shuffle().orElseThrow();
        int shuffleIndex = mr.shuffleStage().orElseThrow().index();
        StructType shuffled = job.inputOf(shuffleIndex);
        List<KeyColumn> keys = new ArrayList<>();
        for (ShuffleKey key : shuffle.keys()) {
            int position = position(shuffled, key.column());
            DataType type = shuffled.fields().get(position).type();
            keys.add(new KeyColumn(
                    position,
                    type,
                    key.descending() ? KeyColumn.Order.DESC : KeyColumn.Order.ASC,
                    key.nullsFirst() ? KeyColumn.Nulls.FIRST : KeyColumn.Nulls.LAST));
        }
        ShuffleConf.configure(conf, shuffled, KeyCodec.of(keys, shuffle.groupingKeys()), KeyHashPartitioner.class);
        conf.set(
                PlanStages.MAP_STAGES,
                join(mr.mapSide().stream().map(PlannedStage::index).toList()));
        conf.setInt(PlanStages.SHUFFLE_STAGE, shuffleIndex);
        conf.set(
                PlanStages.REDUCE_STAGES,
                join(mr.reduceSide().stream().map(PlannedStage::index).toList()));
        conf.set(PlanStages.SHUFFLE_INPUT_SCHEMA, shuffled.toString());
        hadoop.setMapperClass(ShuffleMapper.class);
        hadoop.setReducerClass(shuffle.kind() == Shuffle.Kind.GROUP ? StageReducer.class : PassThroughReducer.class);
        // A total order or a single group needs one reducer until range split points are sampled.
        boolean ordered = shuffle.partitioning() != Shuffle.Partitioning.HASH;
        hadoop.setNumReduceTasks(ordered ? 1 : shuffle.reducers().orElse(2));
    }

    private static int position(StructType schema, String column) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("shuffle key '" + column + "' not in " + schema);
    }

    private static String join(List<Integer> indexes) {
        return String.join(",", indexes.stream().map(String::valueOf).toList());
    }

    private List<InputFile> inputs(ValidatedJob job, Configuration conf) throws IOException {
        if (!(job.definition().source() instanceof TableSource source)) {
            throw new SluiceException(
                    ErrorCode.JOB_FAILED,
                    "job " + job.definition().name() + ": this version runs jobs over catalog tables only");
        }
        Table table = catalog.getTable(source.table())
                .orElseThrow(() -> SluiceException.notFound("table %s does not exist", source.table()));
        String schema = io.sluice.format.Schemas.struct(
                        table.storageDescriptor().columns())
                .toString();
        List<String> keyTypes =
                table.partitionKeys().stream().map(k -> k.type().toString()).toList();
        List<InputFile> files = new ArrayList<>();
        if (!table.isPartitioned()) {
            addFiles(files, conf, table, table.storageDescriptor(), schema, List.of(), keyTypes);
            return files;
        }
        List<Partition> partitions = job.source()
                .partitionFilter()
                .map(filter -> catalog.listPartitions(table.id(), filter))
                .orElseGet(() -> catalog.listPartitions(table.id()));
        for (Partition partition : partitions) {
            addFiles(files, conf, table, partition.storageDescriptor(), schema, partition.values(), keyTypes);
        }
        return files;
    }

    private static void addFiles(
            List<InputFile> files,
            Configuration conf,
            Table table,
            StorageDescriptor storage,
            String schema,
            List<String> values,
            List<String> keyTypes)
            throws IOException {
        Path location = new Path(storage.location());
        FileSystem fs = location.getFileSystem(conf);
        if (!fs.exists(location)) {
            return;
        }
        for (FileStatus file : dataFiles(fs, location)) {
            files.add(new InputFile(
                    file.getPath().toString(),
                    file.getLen(),
                    schema,
                    storage.inputFormat(),
                    storage.serdeInfo().serializationLibrary(),
                    storage.serdeInfo().parameters(),
                    table.parameters(),
                    values,
                    keyTypes));
        }
    }

    private static List<FileStatus> dataFiles(FileSystem fs, Path location) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        FileStatus status = fs.getFileStatus(location);
        if (status.isFile()) {
            files.add(status);
            return files;
        }
        for (FileStatus child : fs.listStatus(location)) {
            String name = child.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (child.isDirectory()) {
                files.addAll(dataFiles(fs, child.getPath()));
            } else if (child.getLen() > 0) {
                files.add(child);
            }
        }
        return files;
    }

    private static void checkMode(FileSystem fs, Path target, Output.Mode mode) throws IOException {
        if (mode == Output.Mode.ERROR && fs.exists(target) && fs.listStatus(target).length > 0) {
            throw SluiceException.alreadyExists(
                    "output %s has data; the job's mode is error (use mode: overwrite or append)", target);
        }
    }

    /** Moves a successful job's files from staging into place; returns the partition folders written. */
    private static List<String> publish(FileSystem fs, Path staging, Path target, Output output) throws IOException {
        fs.mkdirs(target);
        List<String> partitions = new ArrayList<>();
        collectPartitions(fs, staging, "", output.partitionBy().size(), partitions);
        if (output.mode() == Output.Mode.OVERWRITE) {
            if (partitions.isEmpty() || output.partitionBy().isEmpty()) {
                for (FileStatus old : fs.listStatus(target)) {
                    fs.delete(old.getPath(), true);
                }
            } else {
                for (String partition : partitions) {
                    fs.delete(new Path(target, partition), true);
                }
            }
        }
        moveContents(fs, staging, target);
        fs.delete(staging, true);
        return partitions;
    }

    private static void collectPartitions(FileSystem fs, Path folder, String prefix, int depth, List<String> out)
            throws IOException {
        if (depth == 0) {
            if (!prefix.isEmpty()) {
                out.add(prefix);
            }
            return;
        }
        for (FileStatus child : fs.listStatus(folder)) {
            String name = child.getPath().getName();
            if (child.isDirectory() && name.contains("=")) {
                collectPartitions(fs, child.getPath(), prefix.isEmpty() ? name : prefix + "/" + name, depth - 1, out);
            }
        }
    }

    /** Moves every file under {@code from} to the same relative place under {@code to}, folders created as needed. */
    private static void moveContents(FileSystem fs, Path from, Path to) throws IOException {
        for (FileStatus child : fs.listStatus(from)) {
            Path destination = new Path(to, child.getPath().getName());
            if (child.isDirectory()) {
                fs.mkdirs(destination);
                moveContents(fs, child.getPath(), destination);
            } else if (!child.getPath().getName().equals("_SUCCESS") || !fs.exists(destination)) {
                fs.delete(destination, false);
                if (!fs.rename(child.getPath(), destination)) {
                    throw new IOException("cannot move " + child.getPath() + " to " + destination);
                }
            }
        }
    }

    private void register(TableId id, ValidatedJob job, Output output, Path target, List<String> partitionFolders) {
        StorageDescriptor sd = OutputTables.storage(output, job.outputColumns(), target.toString());
        Map<String, String> parameters = new TreeMap<>(OutputTables.parameters(output, job.outputColumns()));
        parameters.put("sluice.job", job.definition().name());
        Table table = Table.builder(id)
                .storageDescriptor(sd)
                .partitionKeys(job.outputPartitionKeys())
                .parameters(parameters)
                .build();
        if (catalog.getDatabase(id.database()).isEmpty()) {
            catalog.createDatabase(io.sluice.catalog.Database.of(id.database()));
        }
        if (catalog.getTable(id).isPresent()) {
            catalog.updateTable(table);
        } else {
            catalog.createTable(table);
        }
        List<Partition> partitions = new ArrayList<>();
        for (String folder : partitionFolders) {
            List<String> values = new ArrayList<>();
            for (String part : folder.split("/")) {
                values.add(part.substring(part.indexOf('=') + 1));
            }
            partitions.add(Partition.of(id, values, sd.withLocation(new Path(target, folder).toString())));
        }
        if (!partitions.isEmpty()) {
            catalog.putPartitions(id, partitions);
        }
    }
}
