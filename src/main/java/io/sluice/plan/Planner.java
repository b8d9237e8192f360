package io.sluice.plan;

import io.sluice.job.Aggregate;
import io.sluice.job.AggregateFunction;
import io.sluice.job.ColumnRef;
import io.sluice.job.DistinctStage;
import io.sluice.job.JoinStage;
import io.sluice.job.MapStage;
import io.sluice.job.PartitionStage;
import io.sluice.job.PathSource;
import io.sluice.job.ReduceStage;
import io.sluice.job.SortKey;
import io.sluice.job.SortStage;
import io.sluice.job.Source;
import io.sluice.job.SourceRef;
import io.sluice.job.Stage;
import io.sluice.job.TableSource;
import io.sluice.job.UnionSource;
import io.sluice.job.ValidatedJob;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a validated job into the fewest MapReduce jobs, without touching Hadoop.
 *
 * <ul>
 *   <li>Row-by-row work ({@code map}, broadcast joins) is fused into the mapper, or into the reducer after the shuffle
 *       when it follows one: no job of its own.
 *   <li>A shuffle is placed only at {@code partition}, {@code sort}, {@code reduce}, {@code distinct} and shuffle
 *       joins; a second shuffle starts the next MapReduce job, which reads the previous one's output.
 *   <li>A {@code sort} right after a {@code reduce}, on group columns only, is served by the reduce's own shuffle
 *       (keys reordered as the sort asks, range partitioning for a global order): no second job.
 *   <li>A {@code sort} with {@code global: false} keeps the partitioning of the shuffle before it: right after a
 *       {@code partition} it is served by the partition's own shuffle (rows go to reducers by the partition keys and
 *       are ordered by the sort keys within each); later, its own shuffle partitions by the same columns, when they
 *       are still there.
 *   <li>A reduce whose aggregates are all algebraic ({@code count}, {@code sum}, {@code min}, {@code max}, {@code
 *       avg}, none with {@code DISTINCT}) gets a combiner.
 *   <li>A join with {@code strategy: auto} is a broadcast (map-side) join when the other source is known to be smaller
 *       than the broadcast limit, else a shuffle join.
 * </ul>
 */
public final class Planner {
    /** Sources up to this size are broadcast to every mapper by {@code strategy: auto}. */
    public static final long DEFAULT_BROADCAST_LIMIT = 64L * 1024 * 1024;

    private static final Set<AggregateFunction> ALGEBRAIC = Set.of(
            AggregateFunction.COUNT,
            AggregateFunction.SUM,
            AggregateFunction.MIN,
            AggregateFunction.MAX,
            AggregateFunction.AVG);

    private final Function<String, OptionalLong> sourceSizes;
    private final long broadcastLimit;

    /** @param sourceSizes the size in bytes of a named source, when known (from catalog statistics) */
    public Planner(Function<String, OptionalLong> sourceSizes, long broadcastLimit) {
        this.sourceSizes = sourceSizes;
        this.broadcastLimit = broadcastLimit;
    }

    public Plan plan(ValidatedJob job) {
        List<MapReduceJob> jobs = new ArrayList<>();
        Builder current = new Builder(1, List.of(describeSource(job)));
        List<Stage> stages = job.definition().stages();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            PlannedStage planned = new PlannedStage(i, stage, job.inputOf(i), job.schemaAfter(i));
            Optional<Shuffle> shuffle = shuffleFor(stage);
            if (shuffle.isEmpty()) {
                current.rowByRow(planned);
            } else if (current.shuffle == null) {
                current.shuffle(shuffle.get(), planned, joinInput(stage));
            } else if (!current.fuseSort(planned) && !current.fuseLocalSort(planned)) {
                Shuffle next = keepPartitioning(shuffle.get(), stage, current.shuffle, planned.input());
                jobs.add(current.build(false));
                current = new Builder(current.number + 1, List.of("output of job " + current.number));
                current.shuffle(next, planned, joinInput(stage));
            }
        }
        jobs.add(current.build(true));
        return new Plan(job.definition().name(), jobs);
    }

    /**
     * The shuffle of a sort within partitions that follows {@code previous} in a job of its own: partitioned as {@code
     * previous} was, when the columns it partitioned by are still in the sort's input, so that the sort keeps the
     * partitioning; other shuffles as they are.
     */
    private static Shuffle keepPartitioning(Shuffle shuffle, Stage stage, Shuffle previous, StructType input) {
        if (!(stage instanceof SortStage sort) || sort.global()) {
            return shuffle;
        }
        if (previous.partitioning() == Shuffle.Partitioning.SINGLE) {
            return new Shuffle(
                    Shuffle.Kind.SORT,
                    shuffle.keys(),
                    shuffle.groupingKeys(),
                    Shuffle.Partitioning.SINGLE,
                    OptionalInt.empty(),
                    false);
        }
        List<ShuffleKey> columns = previous.partitionColumns();
        if (columns.isEmpty()
                || !columns.stream().allMatch(c -> input.field(c.column()).isPresent())) {
            return shuffle;
        }
        return new Shuffle(
                Shuffle.Kind.SORT,
                shuffle.keys(),
                shuffle.groupingKeys(),
                previous.partitioning(),
                previous.reducers(),
                false,
                columns);
    }

    private static String describeSource(ValidatedJob job) {
        Source source = job.definition().source();
        if (source instanceof TableSource table) {
            return "table " + table.table()
                    + table.where().map(w -> " where " + w.sql()).orElse("");
        }
        if (source instanceof PathSource path) {
            return path.format().name().toLowerCase(Locale.ROOT) + " files at " + path.path();
        }
        UnionSource union = (UnionSource) source;
        return "union of "
                + String.join(", ", union.inputs().stream().map(SourceRef::name).toList());
    }

    private static Optional<String> joinInput(Stage stage) {
        return stage instanceof JoinStage join
                ? Optional.of("source " + join.with().name())
                : Optional.empty();
    }

    private Optional<Shuffle> shuffleFor(Stage stage) {
        if (stage instanceof MapStage) {
            return Optional.empty();
        }
        if (stage instanceof JoinStage join) {
            return broadcast(join) ? Optional.empty() : Optional.of(joinShuffle(join));
        }
        if (stage instanceof ReduceStage reduce) {
            return Optional.of(reduceShuffle(reduce));
        }
        if (stage instanceof SortStage sort) {
            List<ShuffleKey> keys = sort.by().stream().map(Planner::key).toList();
            return Optional.of(new Shuffle(
                    Shuffle.Kind.SORT,
                    keys,
                    keys.size(),
                    sort.global() ? Shuffle.Partitioning.RANGE : Shuffle.Partitioning.HASH,
                    OptionalInt.empty(),
                    false));
        }
        if (stage instanceof PartitionStage partition) {
            List<ShuffleKey> keys = partition.by().stream()
                    .map(c -> ShuffleKey.ascending(name(c)))
                    .toList();
            Shuffle.Partitioning partitioning = partition.method() == PartitionStage.Method.RANGE
                    ? Shuffle.Partitioning.RANGE
                    : Shuffle.Partitioning.HASH;
            return Optional.of(
                    new Shuffle(Shuffle.Kind.PARTITION, keys, keys.size(), partitioning, partition.reducers(), false));
        }
        if (stage instanceof DistinctStage distinct) {
            return Optional.of(distinctShuffle(distinct));
        }
        throw new IllegalStateException("no plan for stage " + stage.kind());
    }

    private boolean broadcast(JoinStage join) {
        return switch (join.strategy()) {
            case BROADCAST -> true;
            case SHUFFLE -> false;
            case AUTO -> {
                OptionalLong size = sourceSizes.apply(join.with().name());
                yield size.isPresent()
                        && size.getAsLong() <= broadcastLimit
                        && join.type() != JoinStage.Type.RIGHT
                        && join.type() != JoinStage.Type.FULL;
            }
        };
    }

    private static Shuffle joinShuffle(JoinStage join) {
        List<ShuffleKey> keys = join.on().stream()
                .map(pair -> ShuffleKey.ascending(name(pair.left())))
                .toList();
        return new Shuffle(Shuffle.Kind.JOIN, keys, keys.size(), Shuffle.Partitioning.HASH, OptionalInt.empty(), false);
    }

    private static Shuffle reduceShuffle(ReduceStage reduce) {
        List<ShuffleKey> keys = new ArrayList<>();
        reduce.groupBy().forEach(c -> keys.add(ShuffleKey.ascending(name(c))));
        reduce.orderBy().forEach(k -> keys.add(key(k)));
        boolean combine =
                reduce.orderBy().isEmpty() && reduce.aggregates().stream().allMatch(Planner::algebraic);
        Shuffle.Partitioning partitioning =
                reduce.groupBy().isEmpty() ? Shuffle.Partitioning.SINGLE : Shuffle.Partitioning.HASH;
        return new Shuffle(
                Shuffle.Kind.GROUP, keys, reduce.groupBy().size(), partitioning, OptionalInt.empty(), combine);
    }

    private static Shuffle distinctShuffle(DistinctStage distinct) {
        List<ShuffleKey> keys = new ArrayList<>();
        distinct.on().forEach(c -> keys.add(ShuffleKey.ascending(name(c))));
        int grouping = keys.size();
        distinct.orderBy().forEach(k -> keys.add(key(k)));
        return new Shuffle(
                Shuffle.Kind.DISTINCT, keys, grouping, Shuffle.Partitioning.HASH, OptionalInt.empty(), false);
    }

    private static ShuffleKey key(SortKey key) {
        return new ShuffleKey(name(key.column()), key.descending(), key.nullsFirst());
    }

    private static String name(ColumnRef column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    /** Collects one MapReduce job while the stages are walked. */
    private static final class Builder {
        private final int number;
        private final List<String> inputs;
        private final List<PlannedStage> mapSide = new ArrayList<>();
        private final List<PlannedStage> reduceSide = new ArrayList<>();
        private Shuffle shuffle;
        private PlannedStage shuffleStage;

        Builder(int number, List<String> inputs) {
            this.number = number;
            this.inputs = new ArrayList<>(inputs);
        }

        void rowByRow(PlannedStage stage) {
            (shuffle == null ? mapSide : reduceSide).add(stage);
        }

        void shuffle(Shuffle newShuffle, PlannedStage stage, Optional<String> extraInput) {
            shuffle = newShuffle;
            shuffleStage = stage;
            extraInput.ifPresent(inputs::add);
        }

        /**
         * A sort right after a reduce, on group columns only, rides on the reduce's shuffle: the keys are reordered
         * as the sort asks and, for a global order, spread by range.
         */
        boolean fuseSort(PlannedStage stage) {
            if (!(stage.stage() instanceof SortStage sort)
                    || shuffle.kind() != Shuffle.Kind.GROUP
                    || !reduceSide.isEmpty()
                    || shuffle.groupingKeys() != shuffle.keys().size()
                    || shuffle.partitioning() == Shuffle.Partitioning.SINGLE) {
                return false;
            }
            List<String> groups =
                    shuffle.keys().stream().map(ShuffleKey::column).toList();
            List<ShuffleKey> keys = new ArrayList<>();
            for (SortKey key : sort.by()) {
                if (!groups.contains(name(key.column()))) {
                    return false;
                }
                keys.add(key(key));
            }
            List<String> sorted = keys.stream().map(ShuffleKey::column).toList();
            groups.stream().filter(g -> !sorted.contains(g)).forEach(g -> keys.add(ShuffleKey.ascending(g)));
            shuffle = new Shuffle(
                    Shuffle.Kind.GROUP,
                    keys,
                    keys.size(),
                    sort.global() ? Shuffle.Partitioning.RANGE : Shuffle.Partitioning.HASH,
                    shuffle.reducers(),
                    shuffle.combine());
            reduceSide.add(stage);
            return true;
        }

        /**
         * A sort within partitions right after a {@code partition} rides on its shuffle: rows still go to reducers by
         * the partition keys, and the sort keys order them within each reducer.
         */
        boolean fuseLocalSort(PlannedStage stage) {
            if (!(stage.stage() instanceof SortStage sort)
                    || sort.global()
                    || shuffle.kind() != Shuffle.Kind.PARTITION
                    || !shuffle.partitionKeys().isEmpty()
                    || !reduceSide.isEmpty()) {
                return false;
            }
            List<ShuffleKey> keys = sort.by().stream().map(Planner::key).toList();
            shuffle = new Shuffle(
                    Shuffle.Kind.PARTITION,
                    keys,
                    keys.size(),
                    shuffle.partitioning(),
                    shuffle.reducers(),
                    false,
                    shuffle.keys());
            reduceSide.add(stage);
            return true;
        }

        MapReduceJob build(boolean finalOutput) {
            return new MapReduceJob(
                    number,
                    inputs,
                    mapSide,
                    Optional.ofNullable(shuffle),
                    Optional.ofNullable(shuffleStage),
                    reduceSide,
                    finalOutput);
        }
    }

    private static boolean algebraic(Aggregate aggregate) {
        return ALGEBRAIC.contains(aggregate.function()) && !aggregate.distinct();
    }
}
