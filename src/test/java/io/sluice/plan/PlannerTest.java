package io.sluice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.FakeTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.testing.GoldenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {
    private final FakeTyper typer = new FakeTyper()
            .type("qty > 0", "boolean", "qty")
            .type("CAST(order_ts AS DATE)", "date", "order_ts")
            .type("qty * price", "decimal(16,2)", "qty", "price")
            .type("CAST(ts AS DATE)", "date", "ts")
            .type("qty >= 5", "boolean", "qty")
            .type("upper(product)", "string", "product");

    private final Planner planner = new Planner(name -> OptionalLong.empty(), Planner.DEFAULT_BROADCAST_LIMIT);

    private ValidatedJob job(String yaml) {
        return new JobValidator(SampleLake.resolver(), typer).validate(JobDefinitions.parse("test.yaml", yaml));
    }

    private static final String SALES =
            """
            name: t
            source: { table: lake.sales }
            output: { path: out/t }
            stages:
            """;

    @Test
    void consecutiveMapsFuseIntoOneMapOnlyJob() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - map: { filter: "qty > 0" }
                  - map: { select: { country: country, revenue: "qty * price" } }
                """));

        assertThat(plan.jobs()).singleElement().satisfies(mr -> {
            assertThat(mr.mapOnly()).isTrue();
            assertThat(mr.mapSide()).extracting(PlannedStage::index).containsExactly(0, 1);
            assertThat(mr.finalOutput()).isTrue();
        });
    }

    @Test
    void reduceThenSortOnGroupColumnsIsOneJobWithACombinerAndRangePartitioning() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - map: { select: { country: country, day: "CAST(order_ts AS DATE)", revenue: "qty * price" } }
                  - reduce: { group_by: [country, day], aggregate: { n: "count(*)", revenue: "sum(revenue)" } }
                  - sort: { by: [day DESC, country] }
                """));

        assertThat(plan.jobs()).singleElement().satisfies(mr -> {
            Shuffle shuffle = mr.shuffle().orElseThrow();
            assertThat(shuffle.kind()).isEqualTo(Shuffle.Kind.GROUP);
            assertThat(shuffle.keys()).extracting(ShuffleKey::toString).containsExactly("day DESC", "country");
            assertThat(shuffle.partitioning()).isEqualTo(Shuffle.Partitioning.RANGE);
            assertThat(shuffle.combine()).isTrue();
            assertThat(mr.mapSide()).extracting(PlannedStage::index).containsExactly(0);
            assertThat(mr.shuffleStage().orElseThrow().index()).isEqualTo(1);
            assertThat(mr.reduceSide()).extracting(PlannedStage::index).containsExactly(2);
        });
    }

    @Test
    void aSortOnANewColumnNeedsASecondJob() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - reduce: { group_by: [country], aggregate: { n: "count(*)" } }
                  - sort: { by: [n DESC] }
                """));

        assertThat(plan.jobs()).hasSize(2);
        assertThat(plan.jobs().get(0).finalOutput()).isFalse();
        assertThat(plan.jobs().get(1).inputs()).containsExactly("output of job 1");
        assertThat(plan.jobs().get(1).shuffle().orElseThrow().kind()).isEqualTo(Shuffle.Kind.SORT);
        assertThat(plan.explain())
                .contains("job t: 2 MapReduce jobs")
                .contains("shuffle: group on country; hash partitioning; combiner pre-aggregates on the map side")
                .contains("shuffle: sort on n DESC; range partitioning")
                .contains("output: intermediate rows for job 2");
    }

    @Test
    void distinctAndOrderedAggregatesHaveNoCombiner() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - reduce: { group_by: [country], aggregate: { products: "count(distinct product)" } }
                """));

        assertThat(plan.jobs().get(0).shuffle().orElseThrow().combine()).isFalse();
    }

    @Test
    void aGlobalAggregateGoesToOneReducer() {
        Plan plan = planner.plan(
                job(SALES + """
                  - reduce: { aggregate: { n: "count(*)" } }
                """));

        assertThat(plan.jobs().get(0).shuffle().orElseThrow().partitioning()).isEqualTo(Shuffle.Partitioning.SINGLE);
    }

    @Test
    void mapAfterAShuffleRunsInTheReducer() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - partition: { by: [country], reducers: 3 }
                  - map: { filter: "qty > 0" }
                """));

        MapReduceJob mr = plan.jobs().get(0);
        assertThat(mr.shuffle().orElseThrow().reducers()).hasValue(3);
        assertThat(mr.reduceSide()).extracting(PlannedStage::index).containsExactly(1);
    }

    @Test
    void aSortWithinPartitionsRightAfterAPartitionSharesItsShuffle() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - partition: { by: [country], reducers: 3 }
                  - sort: { by: [qty DESC, order_id], global: false }
                """));

        assertThat(plan.jobs()).singleElement().satisfies(mr -> {
            Shuffle shuffle = mr.shuffle().orElseThrow();
            assertThat(shuffle.kind()).isEqualTo(Shuffle.Kind.PARTITION);
            assertThat(shuffle.partitionKeys()).extracting(ShuffleKey::column).containsExactly("country");
            assertThat(shuffle.keys()).extracting(ShuffleKey::toString).containsExactly("qty DESC", "order_id");
            assertThat(shuffle.partitioning()).isEqualTo(Shuffle.Partitioning.HASH);
            assertThat(shuffle.reducers()).hasValue(3);
            assertThat(mr.shuffleStage().orElseThrow().index()).isEqualTo(0);
            assertThat(mr.reduceSide()).extracting(PlannedStage::index).containsExactly(1);
        });
        assertThat(plan.explain())
                .contains("shuffle: partition on country, then sort within each reducer on qty DESC, order_id;"
                        + " hash partitioning, 3 reducers");
    }

    @Test
    void aRangePartitionKeepsItsMethodUnderASortWithinPartitions() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - partition: { by: [country], method: range }
                  - sort: { by: [qty], global: false }
                """));

        Shuffle shuffle = plan.jobs().get(0).shuffle().orElseThrow();
        assertThat(shuffle.partitioning()).isEqualTo(Shuffle.Partitioning.RANGE);
        assertThat(shuffle.partitionColumns()).extracting(ShuffleKey::column).containsExactly("country");
    }

    @Test
    void aSortWithinPartitionsInAJobOfItsOwnKeepsThePartitioningColumns() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - partition: { by: [country], reducers: 4 }
                  - map: { filter: "qty > 0" }
                  - sort: { by: [qty], global: false }
                """));

        assertThat(plan.jobs()).hasSize(2);
        Shuffle second = plan.jobs().get(1).shuffle().orElseThrow();
        assertThat(second.kind()).isEqualTo(Shuffle.Kind.SORT);
        assertThat(second.partitionKeys()).extracting(ShuffleKey::column).containsExactly("country");
        assertThat(second.keys()).extracting(ShuffleKey::column).containsExactly("qty");
        assertThat(second.reducers()).hasValue(4);
    }

    @Test
    void aSortWithinPartitionsAfterAReduceKeepsTheGroupColumnsWhileTheyAreThere() {
        Plan kept = planner.plan(
                job(
                        SALES
                                + """
                  - reduce: { group_by: [country], aggregate: { n: "count(*)" } }
                  - sort: { by: [n DESC], global: false }
                """));
        Plan dropped = planner.plan(
                job(
                        SALES
                                + """
                  - reduce: { group_by: [country], aggregate: { n: "count(*)" } }
                  - map: { select: [n] }
                  - sort: { by: [n DESC], global: false }
                """));

        assertThat(kept.jobs().get(1).shuffle().orElseThrow().partitionKeys())
                .extracting(ShuffleKey::column)
                .containsExactly("country");
        Shuffle own = dropped.jobs().get(1).shuffle().orElseThrow();
        assertThat(own.partitionKeys()).isEmpty();
        assertThat(own.partitionColumns()).extracting(ShuffleKey::toString).containsExactly("n DESC");
    }

    @Test
    void aGlobalSortAfterAPartitionStillNeedsItsOwnRangeShuffle() {
        Plan plan = planner.plan(
                job(
                        SALES
                                + """
                  - partition: { by: [country] }
                  - sort: { by: [qty] }
                """));

        assertThat(plan.jobs()).hasSize(2);
        Shuffle sort = plan.jobs().get(1).shuffle().orElseThrow();
        assertThat(sort.partitioning()).isEqualTo(Shuffle.Partitioning.RANGE);
        assertThat(sort.partitionKeys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("exampleJobs")
    void theExampleJobsExplainTheirPlans(String name) {
        ValidatedJob example = new JobValidator(SampleLake.resolver(), typer)
                .validate(JobDefinitions.read(Path.of("jobs", name + ".yaml"), Map.of()));

        GoldenFile.assertMatches(
                PlannerTest.class, name + ".txt", planner.plan(example).explain());
    }

    static List<String> exampleJobs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theExampleJobsPlan() {
        ValidatedJob daily = new JobValidator(SampleLake.resolver(), typer)
                .validate(JobDefinitions.read(Path.of("jobs/daily_revenue.yaml"), Map.of()));

        Plan plan = planner.plan(daily);

        assertThat(plan.jobs()).hasSize(1);
        assertThat(plan.explain())
                .contains("input: table lake.sales where year = '2024'")
                .contains("mapper: stage 1 (map, line 12)")
                .contains("reducer: stage 2 (reduce, line 18), then stage 3 (sort, line 24)");
    }
}
