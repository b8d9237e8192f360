package io.sluice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.FakeTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final FakeTyper typer = new FakeTyper()
            .type("qty > 0", "boolean", "qty")
            .type("CAST(order_ts AS DATE)", "date", "order_ts")
            .type("qty * price", "decimal(16,2)", "qty", "price");

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
