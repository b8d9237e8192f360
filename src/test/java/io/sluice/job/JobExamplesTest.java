package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Column;
import io.sluice.catalog.TableId;
import io.sluice.format.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example jobs of {@code jobs/} read and validate against the sample lake's tables. */
class JobExamplesTest {
    private static final Path JOBS = Path.of("jobs");

    private final FakeTyper typer = new FakeTyper()
            .type("qty > 0", "boolean", "qty")
            .type("CAST(order_ts AS DATE)", "date", "order_ts")
            .type("qty * price", "decimal(16,2)", "qty", "price")
            .type("CAST(ts AS DATE)", "date", "ts")
            .type("qty >= 5", "boolean", "qty")
            .type("upper(product)", "string", "product");
    private final JobValidator validator = new JobValidator(SampleLake.resolver(), typer);

    @Test
    void everyExampleIsTested() throws IOException {
        assertThat(exampleNames())
                .containsExactlyInAnyOrder(
                        "big_orders", "daily_revenue", "events_flat", "primary_contacts", "sales_by_product");
    }

    @Test
    void dailyRevenue() {
        ValidatedJob job = validate("daily_revenue", Map.of("YEAR", "2025"));

        assertThat(job.source().partitionFilter()).hasValueSatisfying(filter -> {
            assertThat(filter.expression()).isEqualTo("year = '2025'");
            assertThat(filter.matches(List.of("2025", "01"))).isTrue();
            assertThat(filter.matches(List.of("2024", "01"))).isFalse();
        });
        assertThat(job.outputSchema())
                .hasToString("struct<country:string,day:date,orders:bigint,revenue:decimal(26,2),"
                        + "biggest_order:decimal(16,2)>");
        assertThat(job.outputPartitionKeys()).containsExactly(Column.of("country", "string"));
        Output output = job.definition().output();
        assertThat(output.format()).isEqualTo(OutputFormat.PARQUET);
        assertThat(output.compression()).isEqualTo(Compression.SNAPPY);
        assertThat(output.mode()).isEqualTo(Output.Mode.OVERWRITE);
        assertThat(output.table()).contains(TableId.of("analytics", "daily_revenue"));
        assertThat(job.definition().timeout()).contains(Duration.ofMinutes(30));
        assertThat(job.definition().retries()).isEqualTo(2);
        assertThat(job.definition().maxBadRecords()).isEqualTo(new BadRecordLimit.Count(10));
        assertThat(job.definition().triggers()).hasSize(2);
        assertThat(job.definition().stages()).extracting(Stage::kind).containsExactly("map", "reduce", "sort");
    }

    @Test
    void bigOrders() {
        ValidatedJob job = validate("big_orders", Map.of());

        assertThat(job.definition().stages()).extracting(Stage::kind).containsExactly("map");
        assertThat(job.outputPartitionKeys()).containsExactly(Column.of("country", "string"));
        assertThat(job.definition().output().table()).contains(TableId.of("analytics", "big_orders"));
    }

    @Test
    void salesByProduct() {
        ValidatedJob job = validate("sales_by_product", Map.of());

        assertThat(job.schemaAfter(0).fields())
                .extracting(f -> f.name() + " " + f.type())
                .endsWith("month string", "return_id int", "refund decimal(4,2)");
        assertThat(job.outputSchema())
                .hasToString("struct<product:string,orders:bigint,units:bigint,revenue:decimal(26,2),"
                        + "average_price:decimal(9,6),returns:bigint,refunded:decimal(14,2),first_order:timestamp,"
                        + "last_order:timestamp>");
        assertThat(job.definition().output().format()).isEqualTo(OutputFormat.CSV);
        assertThat(job.definition().output().options()).containsEntry("header", "true");
        assertThat(((SortStage) job.definition().stages().get(3)).by().get(0).sql())
                .isEqualTo("revenue DESC NULLS LAST");
    }

    @Test
    void eventsFlat() {
        ValidatedJob job = validate("events_flat", Map.of());

        assertThat(job.outputSchema())
                .hasToString("struct<event_id:string,ts:timestamp,user_id:int,user_country:string,kind:string,"
                        + "tag:string,amount:double,day:date>");
        assertThat(job.outputColumns())
                .extracting(Column::name)
                .containsExactly("event_id", "ts", "user_id", "user_country", "tag", "amount", "day");
        assertThat(job.outputPartitionKeys()).containsExactly(Column.of("kind", "string"));
        assertThat(job.definition().output().format()).isEqualTo(OutputFormat.ORC);
        assertThat(job.definition().output().compression()).isEqualTo(Compression.ZSTD);
        assertThat(job.source().partitionFilter().orElseThrow().matches(List.of("2024", "02", "01")))
                .isFalse();
    }

    @Test
    void primaryContacts() {
        ValidatedJob job = validate("primary_contacts", Map.of());

        assertThat(job.source().schema())
                .hasToString("struct<contact_id:int,account_id:int,full_name:string,is_primary:boolean>");
        assertThat(job.outputSchema())
                .hasToString("struct<contact_id:int,account_id:int,full_name:string,account_name:string,"
                        + "credit_limit:decimal(7,2)>");
        PathSource accounts = (PathSource) job.definition().sources().get("accounts");
        assertThat(accounts.options()).containsEntry("delimiter", ";").containsEntry("date_format", "dd/MM/yyyy");
        assertThat(job.definition().stages())
                .extracting(Stage::kind)
                .containsExactly("map", "join", "partition", "sort");
        assertThat(job.definition().output().format()).isEqualTo(OutputFormat.JSON);
    }

    @Test
    void theExamplesUseEveryStageKindAndEveryOutputFormat() throws IOException {
        List<JobDefinition> jobs = exampleNames().stream()
                .map(name -> JobDefinitions.read(JOBS.resolve(name + ".yaml")))
                .toList();

        assertThat(jobs.stream()
                        .flatMap(j -> j.stages().stream())
                        .map(Stage::kind)
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(JobSyntax.STAGES.keySet());
        assertThat(jobs.stream().map(j -> j.output().format()).distinct())
                .containsExactlyInAnyOrder(OutputFormat.values());
        assertThat(jobs.stream().filter(j -> !j.output().partitionBy().isEmpty()))
                .isNotEmpty();
    }

    private ValidatedJob validate(String name, Map<String, String> arguments) {
        JobDefinition job = JobDefinitions.read(JOBS.resolve(name + ".yaml"), arguments);
        assertThat(job.name()).isEqualTo(name);
        return validator.validate(job);
    }

    static List<String> exampleNames() throws IOException {
        try (Stream<Path> files = Files.list(JOBS)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }
}
