package io.sluice.runtime.mr;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.cluster.JobClasspath;
import io.sluice.job.BadRecordLimit;
import io.sluice.job.Output;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.Plan;
import io.sluice.runs.Deadline;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * Runs a planned job on Hadoop MapReduce (the LocalJobRunner unless the configuration names a cluster): its MapReduce
 * jobs one after another, each set up by {@link JobSetup}. The first reads the job's source (catalog tables, files
 * under a path, unions of them); each of the others reads the intermediate rows the one before it wrote into a hidden
 * folder beside the output ({@link IntermediateOutputFormat}), which is deleted when the run ends, whether it
 * succeeded or not.
 *
 * <p>Output is atomic: the last MapReduce job's tasks write into a hidden staging folder beside the output through
 * Hadoop's output committer, and only a successful run's files are moved into place ({@code overwrite} replaces the
 * partitions written, {@code append} adds files, {@code error} refuses an output that has data). Bad records of every
 * MapReduce job are in {@code _errors/} of the output. Then the output table, if the job names one, is created or
 * updated in the catalog with its partitions.
 */
public final class JobRunner {
    /** How often a running job's progress and counters are read for the {@link ProgressListener}. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /** How long a killed MapReduce job is given to stop its tasks before its folders are deleted. */
    static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Catalog catalog;
    private final Configuration base;
    private final ProgressListener listener;
    private final Deadline deadline;

    public JobRunner(Catalog catalog, Configuration base) {
        this(catalog, base, ProgressListener.NONE);
    }

    /** A runner that tells {@code listener} how each MapReduce job is doing while it runs. */
    public JobRunner(Catalog catalog, Configuration base, ProgressListener listener) {
        this(catalog, base, listener, Deadline.none());
    }

    /**
     * A runner that also stops at {@code deadline}: it checks the deadline before each MapReduce job and while one
     * runs, and when it has passed kills the running job, deletes the staging and intermediate folders and fails with
     * the deadline's {@link io.sluice.ErrorCode#TIMEOUT} error.
     */
    public JobRunner(Catalog catalog, Configuration base, ProgressListener listener, Deadline deadline) {
        this.catalog = catalog;
        this.base = base;
        this.listener = java.util.Objects.requireNonNull(listener, "listener is null");
        this.deadline = java.util.Objects.requireNonNull(deadline, "deadline is null");
    }

    /** What a run did. */
    public record Result(long rowsRead, long rowsWritten, long badRecords, Path output, List<String> partitions) {}

    public Result run(ValidatedJob job, Plan plan, String yaml, String fileName, Map<String, String> arguments) {
        Output output = job.definition().output();
        String name = job.definition().name();
        try {
            Configuration conf = new Configuration(base);
            boolean yarn = JobClasspath.runsOnYarn(conf);
            if (yarn) {
                JobClasspath.ship(conf);
            }
            try (LocalScratch scratch = yarn ? null : LocalScratch.of(conf)) {
                return run(job, plan, yaml, fileName, arguments, conf);
            }
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, "job " + name + " failed: " + e, e);
        }
    }

    private Result run(
            ValidatedJob job,
            Plan plan,
            String yaml,
            String fileName,
            Map<String, String> arguments,
            Configuration conf) {
        Output output = job.definition().output();
        String name = job.definition().name();
        try {
            Path outputPath = new Path(output.path());
            FileSystem fs = outputPath.getFileSystem(conf);
            Path target = fs.makeQualified(outputPath);
            RowOutputFormat.writer(output.format().spelling(), output.options()); // before any work: bad output options
            OutputPublisher.checkMode(fs, target, output.mode());
            long run = System.nanoTime();
            Path staging = new Path(target.getParent(), "." + target.getName() + ".sluice-staging-" + run);
            Path temporary = new Path(target.getParent(), "." + target.getName() + ".sluice-tmp-" + run);
            try {
                return runJobs(
                        job,
                        plan,
                        new JobSetup(job, new SourceFiles(catalog, conf), yaml, fileName, arguments),
                        conf,
                        fs,
                        target,
                        staging,
                        temporary);
            } finally {
                fs.delete(temporary, true);
                fs.delete(staging, true);
            }
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, "job " + name + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.JOB_FAILED, "job " + name + " was interrupted", e);
        } catch (ClassNotFoundException e) {
            throw new SluiceException(ErrorCode.INTERNAL_ERROR, "job " + name + ": " + e, e);
        }
    }

    /**
     * Submits a Hadoop job and waits for it, telling the listener its progress every {@link #POLL_INTERVAL} and once
     * more when it completes. A job whose waiting is interrupted, whose listener fails or whose deadline passes is
     * killed, and given {@link #KILL_WAIT} to stop its tasks.
     */
    private void awaitCompletion(Job hadoop, int number, int jobs, boolean mapOnly)
            throws IOException, InterruptedException, ClassNotFoundException {
        deadline.check();
        hadoop.submit();
        // The local runner's committer tells when the job ends (LocalJobEnds): until then, only the reports wake this
        // thread; after, its status is a few microseconds from saying so.
        boolean local = "local".equals(hadoop.getConfiguration().get("mapreduce.framework.name", "local"));
        try {
            long nextReport = System.nanoTime();
            while (!hadoop.isComplete()) {
                deadline.check();
                if (System.nanoTime() - nextReport >= 0) {
                    listener.progress(HadoopProgress.of(hadoop, number, jobs, mapOnly, false));
                    nextReport = System.nanoTime() + POLL_INTERVAL.toNanos();
                }
                if (!local) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                } else if (LocalJobEnds.await(hadoop.getJobID(), (nextReport - System.nanoTime()) / 1_000_000)) {
                    Thread.sleep(1);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                kill(hadoop, local);
            } catch (IOException | RuntimeException killFailure) {
                e.addSuppressed(killFailure);
            }
            throw e;
        }
    }

    /**
     * Tells the listener how a completed MapReduce job ended, and, when it failed, throws its first cause: the error
     * its first failed task recorded ({@link TaskFailures}), else what Hadoop says. What the failed tasks counted is
     * added to Hadoop's counters, which hold the tasks that succeeded.
     */
    private void completed(
            Job hadoop, MapReduceJob mr, int jobs, String name, Path failures, long readBefore, long badBefore)
            throws IOException, InterruptedException {
        JobProgress done = HadoopProgress.of(hadoop, mr.number(), jobs, mr.mapOnly(), true);
        if (hadoop.isSuccessful()) {
            listener.progress(done);
            return;
        }
        List<TaskFailures.Failure> failed = TaskFailures.read(hadoop.getConfiguration(), failures);
        long read = done.rowsRead()
                + failed.stream().mapToLong(TaskFailures.Failure::rowsRead).sum();
        long bad = done.badRecords()
                + failed.stream().mapToLong(TaskFailures.Failure::badRecords).sum();
        listener.progress(new JobProgress(
                done.job(),
                done.jobs(),
                done.mapOnly(),
                done.mapProgress(),
                done.reduceProgress(),
                read,
                done.rowsWritten(),
                bad,
                done.counters(),
                true));
        String cause = TaskFailures.firstCause(failed).orElseGet(() -> hadoopFailure(hadoop));
        throw new SluiceException(
                ErrorCode.JOB_FAILED,
                "job " + name + " failed in MapReduce job " + mr.number() + " of " + jobs + " ("
                        + (mr.number() == 1 ? read : readBefore) + " rows read, " + (badBefore + bad)
                        + " bad records): " + cause);
    }

    /** Why Hadoop says a job failed: its failure info, or the diagnostics of its first failed task attempt. */
    private static String hadoopFailure(Job hadoop) {
        try {
            String info = hadoop.getStatus().getFailureInfo();
            if (info != null && !info.isBlank() && !info.equals("NA")) {
                return info;
            }
            for (TaskCompletionEvent event : hadoop.getTaskCompletionEvents(0, 1000)) {
                if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
                    String[] diagnostics = hadoop.getTaskDiagnostics(event.getTaskAttemptId());
                    if (diagnostics != null && diagnostics.length > 0) {
                        return diagnostics[0].lines().findFirst().orElse(diagnostics[0]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "no reason known (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "no reason known: see the task logs";
    }

    /**
     * Kills a job and waits a while ({@link #KILL_WAIT}) for its tasks to stop, so that none writes into the folders
     * about to be deleted. The kill is repeated every second: the LocalJobRunner kills by interrupting a thread, and an
     * interrupt that comes while the job sets up its output is lost. The local runner calls a killed job complete while
     * its task threads still wind down (closing their writers, which may create files): those are waited for too.
     */
    private static void kill(Job hadoop, boolean local) throws IOException {
        long end = System.nanoTime() + KILL_WAIT.toNanos();
        if (local) {
            LocalKills.kill(hadoop.getJobID());
        }
        try {
            for (int polls = 0; !hadoop.isComplete() && System.nanoTime() - end < 0; polls++) {
                if (polls % 20 == 0) {
                    hadoop.killJob();
                }
                Thread.sleep(50);
            }
            while (local && localTasksRunning() && System.nanoTime() - end < 0) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while a thread of this JVM runs a task of the local runner (one MapReduce job runs at a time here). */
    private static boolean localTasksRunning() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                String name = frame.getClassName();
                if (name.equals("org.apache.hadoop.mapred.MapTask")
                        || name.equals("org.apache.hadoop.mapred.ReduceTask")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Result runJobs(
            ValidatedJob job,
            Plan plan,
            JobSetup setup,
            Configuration conf,
            FileSystem fs,
            Path target,
            Path staging,
            Path temporary)
            throws IOException, InterruptedException, ClassNotFoundException {
        String name = job.definition().name();
        OutputPublisher publisher = new OutputPublisher(fs);
        Optional<Path> previous = Optional.empty();
        long read = 0;
        long written = 0;
        long bad = 0;
        for (MapReduceJob mr : plan.jobs()) {
            Path out = mr.finalOutput() ? staging : new Path(temporary, "job-" + mr.number());
            Path scratch = new Path(temporary, "sample-" + mr.number());
            Job hadoop = setup.configure(conf, mr, previous, out, scratch);
            Path failures = new Path(temporary, "failures-" + mr.number());
            TaskFailures.setFolder(hadoop.getConfiguration(), failures);
            awaitCompletion(hadoop, mr.number(), plan.jobs().size(), mr.mapOnly());
            completed(hadoop, mr, plan.jobs().size(), name, failures, read, bad);
            Counters counters = hadoop.getCounters();
            long jobWritten = counters.findCounter(
                            mr.mapOnly() ? TaskCounter.MAP_OUTPUT_RECORDS : TaskCounter.REDUCE_OUTPUT_RECORDS)
                    .getValue();
            // Rows read from sources: what the mappers read, but the previous job's intermediate rows.
            read += counters.findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue()
                    - (previous.isPresent() ? written : 0);
            written = jobWritten;
            bad += counters.findCounter(BadRecords.COUNTER_GROUP, BadRecords.COUNTER)
                    .getValue();
            if (job.definition().maxBadRecords() instanceof BadRecordLimit.Count count && bad > count.max()) {
                throw new SluiceException(
                        ErrorCode.JOB_FAILED,
                        "job " + name + " failed after MapReduce job " + mr.number() + " of "
                                + plan.jobs().size()
                                + " (" + read + " rows read, " + bad + " bad records): more than max_bad_records ("
                                + count.max() + ") bad records");
            }
            previous.ifPresent(done -> delete(fs, done));
            previous = Optional.of(out);
        }
        for (MapReduceJob mr : plan.jobs()) {
            if (!mr.finalOutput()) {
                publisher.gatherErrors(new Path(temporary, "job-" + mr.number()), staging);
            }
        }
        if (job.definition().maxBadRecords() instanceof BadRecordLimit.Percent percent
                && read + bad > 0
                && bad * 100.0 / (read + bad) > percent.max()) {
            throw new SluiceException(
                    ErrorCode.JOB_FAILED,
                    "job " + name + ": " + bad + " bad records of " + (read + bad) + ", more than " + percent.max()
                            + "%");
        }
        Output output = job.definition().output();
        List<String> partitions = publisher.publish(staging, target, output);
        output.table().ifPresent(table -> register(table, job, output, target, partitions));
        return new Result(read, written, bad, target, partitions);
    }

    /** Deletes an intermediate output the next job has read, but its bad records. */
    private static void delete(FileSystem fs, Path intermediate) {
        try {
            for (FileStatus file : fs.listStatus(intermediate)) {
                if (!file.getPath().getName().equals("_errors")) {
                    fs.delete(file.getPath(), true);
                }
            }
        } catch (IOException e) {
            // the whole temporary folder is deleted when the run ends
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
