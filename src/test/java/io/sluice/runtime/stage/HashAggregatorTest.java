package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.ReduceStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HashAggregatorTest {
    private static final String REDUCE =
            """
            name: t
            source: { table: lake.sales }
            output: { path: out/t }
            stages:
              - reduce:
                  group_by: [country]
                  aggregate: { orders: "count(*)", revenue: "sum(qty * price)", top: "max(price)", avg_qty: "avg(qty)", scaled: "sum(qty * 500000000)" }
            """;

    private final ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
            .validate(JobDefinitions.parse("t.yaml", REDUCE));
    private final ReduceStage stage = (ReduceStage) job.definition().stages().get(0);
    /** The key of a sales row: its country (position 2). */
    private final KeyCodec key =
            KeyCodec.of(List.of(new KeyColumn(2, PrimitiveType.STRING, KeyColumn.Order.ASC, KeyColumn.Nulls.FIRST)));

    /** Emitted partials by group key, in emission order per key. */
    private final Map<String, List<Row>> partials = new TreeMap<>();

    private int emitted;

    private HashAggregator aggregator(int maxGroups) {
        return HashAggregator.of(stage, job.inputOf(0), key, maxGroups, (bytes, length, groupLength, partial) -> {
            assertThat(groupLength).isEqualTo(length);
            partials.computeIfAbsent(Arrays.toString(Arrays.copyOf(bytes, length)), k -> new ArrayList<>())
                    .add(partial);
            emitted++;
        });
    }

    private static Row sale(String country, int qty, String price) {
        return Row.of(
                1,
                LocalDateTime.of(2024, 1, 1, 0, 0),
                country,
                "widget",
                qty,
                new BigDecimal(price),
                null,
                "2024",
                "01");
    }

    /** Merges every group's partials on a reduce side and returns the results by country. */
    private Map<Object, Row> results() {
        Map<Object, Row> results = new HashMap<>();
        ReduceStageOperator reduce = ReduceStageOperator.compile(stage, job.inputOf(0)); // finish() starts anew
        for (List<Row> group : partials.values()) {
            group.forEach(reduce::merge);
            reduce.finish(row -> results.put(row.get(0), row));
        }
        return results;
    }

    /** The results of the plain reduce: rows grouped by country, added one by one. */
    private Map<Object, Row> expected(List<Row> rows) {
        Map<Object, List<Row>> groups = new TreeMap<>();
        rows.forEach(
                r -> groups.computeIfAbsent(r.get(2), k -> new ArrayList<>()).add(r));
        Map<Object, Row> results = new HashMap<>();
        ReduceStageOperator reduce = ReduceStageOperator.compile(stage, job.inputOf(0));
        for (List<Row> group : groups.values()) {
            group.forEach(reduce::add);
            reduce.finish(row -> results.put(row.get(0), row));
        }
        return results;
    }

    @Test
    void partialSchemaIsTheReduceStagesPartialSchema() {
        assertThat(HashAggregator.partialSchema(stage, job.inputOf(0)))
                .isEqualTo(ReduceStageOperator.compile(stage, job.inputOf(0)).partialSchema());
    }

    @Test
    void emitsOnePartialPerGroupAtTheFlush() {
        HashAggregator aggregator = aggregator(1000);
        aggregator.accept(sale("DE", 2, "4.50"));
        aggregator.accept(sale("FR", 3, "1.00"));
        aggregator.accept(sale("DE", 1, "12.99"));
        assertThat(emitted).as("nothing leaves before the flush").isZero();

        aggregator.flush();

        assertThat(emitted).isEqualTo(2);
        assertThat(results())
                .isEqualTo(expected(List.of(sale("DE", 2, "4.50"), sale("FR", 3, "1.00"), sale("DE", 1, "12.99"))));
    }

    @Test
    void aFullTableIsFlushedAndTheReduceSideMergesEveryFlush() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        String[] countries = {"DE", "FR", "US", "NL", "IT", "ES", "PL", "SE"};
        for (int i = 0; i < 5000; i++) {
            rows.add(sale(
                    countries[random.nextInt(countries.length)], 1 + random.nextInt(4), "1." + random.nextInt(90)));
        }
        HashAggregator aggregator = aggregator(3);
        rows.forEach(aggregator::accept);
        aggregator.flush();

        assertThat(emitted).isGreaterThan(countries.length).isLessThan(rows.size());
        assertThat(results()).isEqualTo(expected(rows));
    }

    @Test
    void switchesToOnePartialPerRowWhenGroupsHardlyRepeat() {
        HashAggregator aggregator = aggregator(1_000_000);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < HashAggregator.PROBE_ROWS + 10; i++) {
            rows.add(sale("C" + i, 1, "1.00"));
        }
        rows.forEach(aggregator::accept);

        assertThat(emitted)
                .as("the probe's groups are flushed, then every row passes as its own partial")
                .isEqualTo(HashAggregator.PROBE_ROWS + 10);
        aggregator.flush();
        assertThat(emitted).isEqualTo(rows.size());
        assertThat(results()).isEqualTo(expected(rows));
    }

    @Test
    void aRowAnAggregateFailsOnChangesNoGroup() {
        // 5 * 500000000 overflows int: the row is a bad record
        HashAggregator aggregator = aggregator(1000);
        aggregator.accept(sale("DE", 2, "4.50"));

        assertThatThrownBy(() -> aggregator.accept(sale("DE", 5, "1.00")))
                .isInstanceOf(ExpressionEvaluationException.class);
        assertThatThrownBy(() -> aggregator.accept(sale("FR", 5, "1.00")))
                .isInstanceOf(ExpressionEvaluationException.class);
        aggregator.flush();

        assertThat(results()).isEqualTo(expected(List.of(sale("DE", 2, "4.50"))));
    }
}
