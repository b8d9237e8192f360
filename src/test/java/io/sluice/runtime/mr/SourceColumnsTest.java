package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import java.util.BitSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which source columns a job's first stage reads (lake.sales: order_id, order_ts, country, product, qty, price, ...). */
class SourceColumnsTest {
    private static Optional<String> read(String stages) {
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(JobDefinitions.parse(
                        "t.yaml",
                        "name: t\nsource: { table: lake.sales }\noutput: { path: out/t }\nstages:\n" + stages));
        return SourceColumns.read(job).map(BitSet::toString);
    }

    @Test
    void aSelectReadsItsColumnsAndTheFilters() {
        assertThat(read("  - map: { filter: \"qty > 0\", select: { country: country, amount: \"qty * price\" } }\n"))
                .hasValue("{2, 4, 5}");
    }

    @Test
    void aReduceReadsItsGroupsAggregatesAndOrder() {
        assertThat(read("  - reduce: { group_by: [country], aggregate: { n: \"count(*)\", top: \"max(price)\" } }\n"))
                .hasValue("{2, 5}");
        assertThat(
                        read(
                                "  - reduce: { group_by: [country], aggregate: { last_id: \"last(order_id)\" }, order_by: [order_ts] }\n"))
                .hasValue("{0, 1, 2}");
    }

    @Test
    void stagesThatKeepTheRowReadEverything() {
        assertThat(read("  - map: { filter: \"qty > 0\" }\n")).isEmpty();
        assertThat(read("  - sort: { by: [country] }\n")).isEmpty();
        assertThat(read("  - map: { derive: { amount: \"qty * price\" } }\n")).isEmpty();
    }
}
