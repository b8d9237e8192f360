package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.TableId;
import io.sluice.definition.Problems;
import io.sluice.definition.YamlMap;
import io.sluice.format.Compression;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JobDefinitionsTest {

    @Test
    void readsTheTopLevelFields() {
        JobDefinition job = JobDefinitions.parse(
                "jobs/daily.yaml",
                """
                name: daily_revenue
                description: Revenue per country and day
                source: { table: lake.sales, where: "year = '2024'" }
                output: { path: out/daily }
                retries: 2
                timeout: 1h30m
                max_bad_records: 0.5%
                triggers:
                  - schedule: "0 2 * * *"
                  - after: { all: { crawl_sales: SUCCEEDED } }
                retry_delay: 1m30s
                """);

        assertThat(job.file()).isEqualTo("jobs/daily.yaml");
        assertThat(job.name()).isEqualTo("daily_revenue");
        assertThat(job.description()).contains("Revenue per country and day");
        assertThat(job.source())
                .isEqualTo(new TableSource(TableId.of("lake", "sales"), Optional.of(new Expr("year = '2024'", 3)), 3));
        assertThat(job.sources()).isEmpty();
        assertThat(job.stages()).isEmpty();
        assertThat(job.retries()).isEqualTo(2);
        assertThat(job.retryDelay()).contains(Duration.ofSeconds(90));
        assertThat(job.timeout()).contains(Duration.ofMinutes(90));
        assertThat(job.maxBadRecords()).isEqualTo(new BadRecordLimit.Percent(0.5));
        assertThat(job.triggers()).hasSize(2);
        assertThat(job.triggers().get(0).line()).isEqualTo(9);
        assertThat(job.triggers().get(0).definition().string("schedule")).contains("0 2 * * *");
        assertThat(job.triggers().get(1).definition().keys()).containsExactly("after");
    }

    @Test
    void triggerEntriesKeepTheirLinesForTheScheduler() {
        JobDefinition job = JobDefinitions.parse(
                "jobs/t.yaml",
                """
                arguments: { CRON: "0 3 * * *" }
                source: lake.sales
                output: { path: out }
                triggers:
                  - schedule: "${CRON}"
                    timezone: [UTC]
                """);
        Problems problems = new Problems("jobs/t.yaml");

        YamlMap trigger = job.triggers().get(0).definition().withProblems(problems);

        assertThat(trigger.string("schedule")).contains("0 3 * * *");
        assertThat(trigger.string("timezone")).isEmpty();
        assertThat(problems.all()).containsExactly("jobs/t.yaml:6: triggers[1].timezone: expected a single value");
    }

    @Test
    void defaultsNameFromTheFileAndLeavesOptionalFieldsUnset() {
        JobDefinition job = JobDefinitions.parse("jobs/nightly.yaml", "source: lake.sales\noutput: { path: out/n }\n");

        assertThat(job.name()).isEqualTo("nightly");
        assertThat(job.description()).isEmpty();
        assertThat(job.source()).isEqualTo(new TableSource(TableId.of("lake", "sales"), Optional.empty(), 1));
        assertThat(job.retries()).isZero();
        assertThat(job.retryDelay()).isEmpty();
        assertThat(job.timeout()).isEmpty();
        assertThat(job.maxBadRecords()).isEqualTo(BadRecordLimit.NONE);
        assertThat(job.triggers()).isEmpty();
        assertThat(job.arguments()).isEmpty();
    }

    @Test
    void readsOutputFieldsAndDefaults() {
        Output parquet = JobDefinitions.parse("j.yaml", "source: a.b\noutput: { path: out/x }\n")
                .output();
        Output csv = JobDefinitions.parse(
                        "j.yaml",
                        """
                        source: a.b
                        output:
                          path: out/x
                          format: csv
                          compression: gzip
                          header: no
                          delimiter: ";"
                          partition_by: [country, day]
                          mode: overwrite
                          table: Analytics.Daily
                        """)
                .output();

        assertThat(parquet)
                .isEqualTo(new Output(
                        "out/x",
                        OutputFormat.PARQUET,
                        Compression.SNAPPY,
                        Map.of(),
                        List.of(),
                        Output.Mode.ERROR,
                        Optional.empty(),
                        2));
        assertThat(csv.format()).isEqualTo(OutputFormat.CSV);
        assertThat(csv.compression()).isEqualTo(Compression.GZIP);
        assertThat(csv.options()).containsExactly(Map.entry("header", "false"), Map.entry("delimiter", ";"));
        assertThat(csv.partitionBy()).containsExactly(new ColumnRef("country", 8), new ColumnRef("day", 8));
        assertThat(csv.mode()).isEqualTo(Output.Mode.OVERWRITE);
        assertThat(csv.table()).contains(TableId.of("analytics", "daily"));
        assertThat(JobDefinitions.parse("j.yaml", "source: a.b\noutput: { path: o, format: json }\n")
                        .output()
                        .compression())
                .isEqualTo(Compression.NONE);
    }

    @Test
    void readsPathSourcesWithOptionsAndSchema() {
        JobDefinition job = JobDefinitions.parse(
                "j.yaml",
                """
                source:
                  path: data/contacts.csv
                  header: true
                  delimiter: "\\t"
                  quote: "'"
                  escape: \\
                  null_value: NA
                  date_format: dd/MM/yyyy
                  timestamp_format: "yyyy-MM-dd HH:mm:ss"
                  encoding: ISO-8859-1
                  schema: "id bigint, price decimal(5,2), `full name` string, tags array<string>"
                sources:
                  events: { path: "hdfs://nn/events/", format: parquet }
                  logs: { path: logs/, format: json, timestamp_format: "yyyy-MM-dd'T'HH:mm:ssX" }
                output: { path: out }
                """);

        PathSource contacts = (PathSource) job.source();
        assertThat(contacts.path()).isEqualTo("data/contacts.csv");
        assertThat(contacts.format()).isEqualTo(SourceFormat.CSV);
        assertThat(contacts.options())
                .containsExactly(
                        Map.entry("header", "true"),
                        Map.entry("delimiter", "\t"),
                        Map.entry("quote", "'"),
                        Map.entry("escape", "\\"),
                        Map.entry("null_value", "NA"),
                        Map.entry("date_format", "dd/MM/yyyy"),
                        Map.entry("timestamp_format", "yyyy-MM-dd HH:mm:ss"),
                        Map.entry("encoding", "ISO-8859-1"));
        assertThat(contacts.schema())
                .contains(StructType.of(
                        StructField.of("id", PrimitiveType.BIGINT),
                        StructField.of("price", DataType.parse("decimal(5,2)")),
                        StructField.of("full name", PrimitiveType.STRING),
                        StructField.of("tags", DataType.parse("array<string>"))));
        assertThat(job.sources()).containsOnlyKeys("events", "logs");
        assertThat(job.sources().get("events"))
                .isEqualTo(new PathSource("hdfs://nn/events/", SourceFormat.PARQUET, Map.of(), Optional.empty(), 13));
        assertThat(((PathSource) job.sources().get("logs")).option("timestamp_format"))
                .contains("yyyy-MM-dd'T'HH:mm:ssX");
    }

    @Test
    void readsUnionSources() {
        JobDefinition job = JobDefinitions.parse(
                "j.yaml",
                """
                source: { union: [old, new] }
                sources:
                  old: lake.sales_2023
                  new: { table: lake.sales, where: "year >= '2024'" }
                output: { path: out }
                """);

        assertThat(job.source())
                .isEqualTo(new UnionSource(List.of(new SourceRef("old", 1), new SourceRef("new", 1)), 1));
        assertThat(job.source("old")).contains(new TableSource(TableId.of("lake", "sales_2023"), Optional.empty(), 3));
        assertThat(job.source().inputs()).extracting(SourceRef::name).containsExactly("old", "new");
    }

    @Test
    void readsMapStages() {
        MapStage map = (MapStage)
                onlyStage(
                        """
                  - map:
                      flatten: user
                      explode: { column: tags, as: tag, outer: true }
                      filter: "qty > 0"
                      select:
                        country: country
                        revenue: qty * price
                      derive: { day: "CAST(ts AS DATE)" }
                      rename: { country: country_code }
                      drop: [a, b]
                      cast: { qty: bigint, price: "decimal(10, 2)" }
                """);

        assertThat(map.line()).isEqualTo(3);
        assertThat(map.flatten()).containsExactly(new ColumnRef("user", 4));
        assertThat(map.explode()).contains(new MapStage.Explode(new ColumnRef("tags", 5), "tag", true));
        assertThat(map.filter()).contains(new Expr("qty > 0", 6));
        assertThat(map.select())
                .containsExactly(
                        new NamedExpr("country", new Expr("country", 8)),
                        new NamedExpr("revenue", new Expr("qty * price", 9)));
        assertThat(map.derive()).containsExactly(new NamedExpr("day", new Expr("CAST(ts AS DATE)", 10)));
        assertThat(map.rename()).containsExactly(new MapStage.Rename(new ColumnRef("country", 11), "country_code"));
        assertThat(map.drop()).containsExactly(new ColumnRef("a", 12), new ColumnRef("b", 12));
        assertThat(map.cast())
                .containsExactly(
                        new MapStage.Cast(new ColumnRef("qty", 13), PrimitiveType.BIGINT),
                        new MapStage.Cast(new ColumnRef("price", 13), DataType.parse("decimal(10,2)")));
    }

    @Test
    void readsShortFormsOfSelectAndExplode() {
        MapStage map = (MapStage) onlyStage("  - map: { select: [id, \"odd name\"], explode: tags }\n");

        assertThat(map.select())
                .containsExactly(
                        new NamedExpr("id", new Expr("id", 3)), new NamedExpr("odd name", new Expr("`odd name`", 3)));
        assertThat(map.explode()).contains(new MapStage.Explode(new ColumnRef("tags", 3), "tags", false));
    }

    @Test
    void readsPartitionAndSortStages() {
        JobDefinition job = withStages(
                """
                  - partition: { by: [country], reducers: 4, method: range }
                  - partition: { by: country }
                  - sort: { by: [country, "day DESC", "qty asc nulls last", "`odd col` DESC NULLS FIRST"], global: false }
                  - sort: { by: country }
                """);

        assertThat(job.stages().get(0))
                .isEqualTo(new PartitionStage(
                        List.of(new ColumnRef("country", 3)), OptionalInt.of(4), PartitionStage.Method.RANGE, 3));
        assertThat(job.stages().get(1))
                .isEqualTo(new PartitionStage(
                        List.of(new ColumnRef("country", 4)), OptionalInt.empty(), PartitionStage.Method.HASH, 4));
        SortStage sort = (SortStage) job.stages().get(2);
        assertThat(sort.global()).isFalse();
        assertThat(sort.by())
                .containsExactly(
                        new SortKey(new ColumnRef("country", 5), false, true),
                        new SortKey(new ColumnRef("day", 5), true, false),
                        new SortKey(new ColumnRef("qty", 5), false, false),
                        new SortKey(new ColumnRef("odd col", 5), true, true));
        assertThat(((SortStage) job.stages().get(3)).global()).isTrue();
    }

    @Test
    void readsReduceStagesWithEveryAggregate() {
        ReduceStage reduce = (ReduceStage)
                onlyStage(
                        """
                  - reduce:
                      group_by: [country, day]
                      aggregate:
                        orders: count(*)
                        buyers: count( DISTINCT customer_id )
                        revenue: sum(qty * price)
                        cheapest: MIN(price)
                        dearest: max(price)
                        mean: avg(price)
                        opened: first(ts)
                        closed: last(ts)
                        products: collect_list(DISTINCT product)
                      order_by: [ts]
                """);

        assertThat(reduce.groupBy()).containsExactly(new ColumnRef("country", 4), new ColumnRef("day", 4));
        assertThat(reduce.aggregates())
                .containsExactly(
                        new Aggregate("orders", AggregateFunction.COUNT, false, Optional.empty(), 6),
                        new Aggregate(
                                "buyers", AggregateFunction.COUNT, true, Optional.of(new Expr("customer_id", 7)), 7),
                        new Aggregate(
                                "revenue", AggregateFunction.SUM, false, Optional.of(new Expr("qty * price", 8)), 8),
                        new Aggregate("cheapest", AggregateFunction.MIN, false, Optional.of(new Expr("price", 9)), 9),
                        new Aggregate("dearest", AggregateFunction.MAX, false, Optional.of(new Expr("price", 10)), 10),
                        new Aggregate("mean", AggregateFunction.AVG, false, Optional.of(new Expr("price", 11)), 11),
                        new Aggregate("opened", AggregateFunction.FIRST, false, Optional.of(new Expr("ts", 12)), 12),
                        new Aggregate("closed", AggregateFunction.LAST, false, Optional.of(new Expr("ts", 13)), 13),
                        new Aggregate(
                                "products",
                                AggregateFunction.COLLECT_LIST,
                                true,
                                Optional.of(new Expr("product", 14)),
                                14));
        assertThat(reduce.orderBy()).containsExactly(SortKey.ascending(new ColumnRef("ts", 15)));
        assertThat(reduce.aggregates().get(1).call()).isEqualTo("count(DISTINCT customer_id)");
    }

    @Test
    void readsJoinStagesInBothKeyForms() {
        JobDefinition job = withStages(
                """
                  - join: { with: customers, on: [customer_id] }
                  - join:
                      with: customers
                      type: full
                      on: { customer_id: id, country: country }
                      strategy: broadcast
                      columns: [name, city]
                      prefix: c_
                """);

        assertThat(job.stages().get(0))
                .isEqualTo(new JoinStage(
                        new SourceRef("customers", 3),
                        JoinStage.Type.INNER,
                        List.of(new JoinStage.KeyPair(
                                new ColumnRef("customer_id", 3), new ColumnRef("customer_id", 3))),
                        JoinStage.Strategy.AUTO,
                        List.of(),
                        Optional.empty(),
                        3));
        JoinStage full = (JoinStage) job.stages().get(1);
        assertThat(full.type()).isEqualTo(JoinStage.Type.FULL);
        assertThat(full.on())
                .containsExactly(
                        new JoinStage.KeyPair(new ColumnRef("customer_id", 7), new ColumnRef("id", 7)),
                        new JoinStage.KeyPair(new ColumnRef("country", 7), new ColumnRef("country", 7)));
        assertThat(full.on()).extracting(JoinStage.KeyPair::isShared).containsExactly(false, true);
        assertThat(full.strategy()).isEqualTo(JoinStage.Strategy.BROADCAST);
        assertThat(full.columns()).extracting(ColumnRef::name).containsExactly("name", "city");
        assertThat(full.prefix()).contains("c_");
    }

    @Test
    void readsDistinctStages() {
        JobDefinition job = withStages(
                """
                  - distinct: {}
                  - distinct: { on: all }
                  - distinct: { on: [event_id], keep: last, order_by: [ts] }
                """);

        assertThat(job.stages().get(0)).isEqualTo(new DistinctStage(List.of(), DistinctStage.Keep.FIRST, List.of(), 3));
        assertThat(((DistinctStage) job.stages().get(1)).onAllColumns()).isTrue();
        assertThat(job.stages().get(2))
                .isEqualTo(new DistinctStage(
                        List.of(new ColumnRef("event_id", 5)),
                        DistinctStage.Keep.LAST,
                        List.of(SortKey.ascending(new ColumnRef("ts", 5))),
                        5));
    }

    @Test
    void fillsPlaceholdersFromArgumentsOverDefaultsBeforeReadingValues() {
        String yaml =
                """
                arguments:
                  YEAR: "2024"
                  RETRIES: 1
                  OUT:
                source: { table: lake.sales, where: "year = '${YEAR}'" }
                output: { path: "${OUT}/year=${YEAR}" }
                retries: ${RETRIES}
                """;

        JobDefinition job = JobDefinitions.parse("j.yaml", yaml, Map.of("OUT", "/data/out", "RETRIES", "3"));

        assertThat(((TableSource) job.source()).where()).contains(new Expr("year = '2024'", 5));
        assertThat(job.output().path()).isEqualTo("/data/out/year=2024");
        assertThat(job.retries()).isEqualTo(3);
        assertThat(job.arguments())
                .containsExactly(Map.entry("YEAR", "2024"), Map.entry("RETRIES", "3"), Map.entry("OUT", "/data/out"));
    }

    @Test
    void reportsPlaceholderAndArgumentProblemsAtTheirLines() {
        String yaml =
                """
                arguments:
                  YEAR: "2024"
                  OUT:
                source: { table: lake.sales, where: "year = '${YAER}'" }
                output: { path: "${OUT}" }
                """;

        assertThatThrownBy(() -> JobDefinitions.parse("j.yaml", yaml, Map.of("YERA", "2025")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("invalid definition j.yaml (3 problems):\n"
                        + "  j.yaml:2: --arg YERA: the job has no argument 'YERA' (did you mean 'YEAR'?)\n"
                        + "  j.yaml:3: arguments.OUT: no default value: pass --arg OUT=VALUE\n"
                        + "  j.yaml:4: source.where: unknown placeholder '${YAER}' (did you mean '${YEAR}'?)");
    }

    @Test
    void reportsUnknownFieldsWithSuggestionsEverywhere() {
        String yaml =
                """
                name: x
                sorce: lake.sales
                source: { table: lake.sales, were: "year = '2024'" }
                stages:
                  - map: { fliter: "qty > 0" }
                  - mpa: { filter: "qty > 0" }
                  - reduce: { group: [a] }
                  - sort:
                    by: [a]
                output: { path: out, formt: orc }
                """;

        assertThatThrownBy(() -> JobDefinitions.parse("jobs/x.yaml", yaml))
                .isInstanceOf(SluiceException.class)
                .hasMessage("invalid definition jobs/x.yaml (9 problems):\n"
                        + "  jobs/x.yaml:2: unknown field 'sorce' (did you mean 'source'?)\n"
                        + "  jobs/x.yaml:3: unknown field 'source.were' (did you mean 'where'?)\n"
                        + "  jobs/x.yaml:5: unknown field 'stages[1].map.fliter' (did you mean 'filter'?)\n"
                        + "  jobs/x.yaml:5: stages[1].map: give at least one of flatten, explode, filter, select,"
                        + " derive, rename, drop, cast, function\n"
                        + "  jobs/x.yaml:6: stages[2]: unknown stage kind 'mpa' (did you mean 'map'?)\n"
                        + "  jobs/x.yaml:7: unknown field 'stages[3].reduce.group' (known: group_by, aggregate,"
                        + " order_by)\n"
                        + "  jobs/x.yaml:7: stages[3].reduce: give group_by, aggregate or both\n"
                        + "  jobs/x.yaml:8: stages[4]: expected one stage kind (map, partition, sort, reduce, join,"
                        + " distinct), found 'sort', 'by' (indent the stage's fields under its kind)\n"
                        + "  jobs/x.yaml:10: unknown field 'output.formt' (did you mean 'format'?)");
    }

    @Test
    void reportsWrongValuesAllAtOnceWithTheirLines() {
        String yaml =
                """
                name: "bad name!"
                source:
                  path: data/x.txt
                  schema: "id bigint, ts timestam"
                sources:
                  both: { table: a.b, path: c }
                  1st: { union: [only] }
                stages:
                  - map:
                      select: {}
                      cast: { qty: integr }
                  - sort: { by: ["a sideways"] }
                  - partition: { by: [], reducers: 0, method: random }
                  - reduce:
                      group_by: [country]
                      aggregate:
                        country: country
                        city: city
                        ratio: sum(a) / count(*)
                        med: median(x)
                        mean: avg(DISTINCT *)
                        nested: sum(count(x))
                        first: first(DISTINCT x)
                        typo: coutn(*)
                  - join: { type: sideways, on: [] }
                  - distinct: { keep: last }
                output: { path: out, format: xml, compression: lz4, mode: replace, table: nodots, header: true }
                retries: -1
                timeout: 30
                max_bad_records: lots
                """;

        assertThatThrownBy(() -> JobDefinitions.parse("jobs/bad.yaml", yaml))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_DEFINITION))
                .satisfies(e -> assertThat(((SluiceException) e).exitCode()).isEqualTo(2))
                .hasMessage("invalid definition jobs/bad.yaml (32 problems):\n  "
                        + String.join(
                                "\n  ",
                                List.of(
                                        "jobs/bad.yaml:1: name: 'bad name!' is not a job name: use letters, digits, '_', '-' and '.'",
                                        "jobs/bad.yaml:3: source: missing field 'source.format' (csv, json, parquet, orc or avro): the"
                                                + " path does not tell it",
                                        "jobs/bad.yaml:4: source.schema: column 'ts': invalid Hive type 'timestam': unknown type"
                                                + " 'timestam' (did you mean 'timestamp'?) at position 1",
                                        "jobs/bad.yaml:6: sources.both: give one of 'table', 'path' or 'union' (found table and path)",
                                        "jobs/bad.yaml:7: sources.1st: '1st' is not a source name: use a letter or '_', then letters,"
                                                + " digits or '_'",
                                        "jobs/bad.yaml:7: sources.1st.union: list at least two sources to unite",
                                        "jobs/bad.yaml:10: stages[1].map.select: list at least one column",
                                        "jobs/bad.yaml:11: stages[1].map.cast.qty: invalid Hive type 'integr': unknown type 'integr'"
                                                + " (did you mean 'integer'?) at position 1",
                                        "jobs/bad.yaml:12: stages[2].sort.by: 'a sideways' is not a sort key: write 'column [ASC|DESC]"
                                                + " [NULLS FIRST|LAST]'",
                                        "jobs/bad.yaml:13: stages[3].partition.by: list at least one column",
                                        "jobs/bad.yaml:13: stages[3].partition.reducers: 0 is out of range 1..100000",
                                        "jobs/bad.yaml:13: stages[3].partition.method: 'random' is not one of hash, range",
                                        "jobs/bad.yaml:17: stages[4].reduce.aggregate.country: 'country' is a group_by column, which"
                                                + " the output has already: remove it from aggregate",
                                        "jobs/bad.yaml:18: stages[4].reduce.aggregate.city: column 'city' is neither grouped nor"
                                                + " aggregated: add it to group_by or aggregate it, as in first(city)",
                                        "jobs/bad.yaml:19: stages[4].reduce.aggregate.ratio: 'sum(a) / count(*)' is not one aggregate"
                                                + " call: write one call per column, such as sum(qty) or count(DISTINCT order_id), and"
                                                + " combine them in a later map stage",
                                        "jobs/bad.yaml:20: stages[4].reduce.aggregate.med: 'median(x)' is not an aggregate: write one"
                                                + " call of count, sum, min, max, avg, first, last, collect_list, or compute it from"
                                                + " the group_by columns in a later map stage",
                                        "jobs/bad.yaml:21: stages[4].reduce.aggregate.mean: 'avg(DISTINCT *)': only count(*) takes *",
                                        "jobs/bad.yaml:22: stages[4].reduce.aggregate.nested: 'sum(count(x))': aggregate calls cannot"
                                                + " be nested (count inside sum)",
                                        "jobs/bad.yaml:23: stages[4].reduce.aggregate.first: 'first(DISTINCT x)': first does not take"
                                                + " DISTINCT",
                                        "jobs/bad.yaml:24: stages[4].reduce.aggregate.typo: unknown aggregate function 'coutn' (did you"
                                                + " mean 'count'?)",
                                        "jobs/bad.yaml:25: stages[5].join: missing required field 'stages[5].join.with'",
                                        "jobs/bad.yaml:25: stages[5].join.type: 'sideways' is not one of inner, left, right, full",
                                        "jobs/bad.yaml:25: stages[5].join.on: list at least one key column",
                                        "jobs/bad.yaml:26: stages[6].distinct.keep: keep needs order_by: the order that makes a row"
                                                + " first or last",
                                        "jobs/bad.yaml:27: output.format: 'xml' is not one of parquet, orc, csv, json",
                                        "jobs/bad.yaml:27: unknown field 'output.header' (known: path, format, compression,"
                                                + " partition_by, mode, table)",
                                        "jobs/bad.yaml:27: output.compression: 'lz4' is not one of none, snappy, zstd, gzip",
                                        "jobs/bad.yaml:27: output.mode: 'replace' is not one of overwrite, append, error",
                                        "jobs/bad.yaml:27: output.table: expected a table as DATABASE.TABLE, got 'nodots'",
                                        "jobs/bad.yaml:28: retries: -1 is out of range 0..100",
                                        "jobs/bad.yaml:29: timeout: '30' is not a duration: write a number with a unit s, m, h or d,"
                                                + " such as 90s, 30m, 2h or 1h30m",
                                        "jobs/bad.yaml:30: max_bad_records: expected a count of records (100) or a percentage (0.5%),"
                                                + " got 'lots'")));
    }

    @Test
    void reportsMissingSectionsAndMisplacedStageFields() {
        assertThatThrownBy(
                        () -> JobDefinitions.parse(
                                "j.yaml",
                                """
                        name: x
                        stages:
                          - map:
                          - explode
                        """))
                .hasMessage("invalid definition j.yaml (4 problems):\n"
                        + "  j.yaml:1: missing required field 'source' (a table, a path or a union of sources)\n"
                        + "  j.yaml:1: missing required field 'output' (at least its path)\n"
                        + "  j.yaml:3: stages[1].map: expected the stage's fields, as in '- map: {...}'\n"
                        + "  j.yaml:4: stages[2]: expected a mapping of fields");
    }

    @Test
    void reportsEmptyValues() {
        assertThatThrownBy(
                        () -> JobDefinitions.parse(
                                "j.yaml",
                                """
                        source:
                        sources: { a: }
                        stages:
                          - sort: { by: }
                          - reduce: { aggregate: }
                          - map: { select: }
                        output:
                        """))
                .hasMessage("invalid definition j.yaml (6 problems):\n"
                        + "  j.yaml:1: source: missing value: a table (DB.TABLE) or the source's fields\n"
                        + "  j.yaml:2: sources.a: missing value: a table (DB.TABLE) or the source's fields\n"
                        + "  j.yaml:4: stages[1].sort.by: list at least one sort key\n"
                        + "  j.yaml:5: stages[2].reduce: give group_by, aggregate or both\n"
                        + "  j.yaml:6: stages[3].map.select: expected a list of columns, or a mapping of names to"
                        + " expressions\n"
                        + "  j.yaml:7: output: expected the output's fields, as in {path: out/NAME}");
    }

    private static Stage onlyStage(String stages) {
        JobDefinition job = withStages(stages);
        assertThat(job.stages()).hasSize(1);
        return job.stages().get(0);
    }

    private static JobDefinition withStages(String stages) {
        return JobDefinitions.parse("j.yaml", "source: lake.sales\nstages:\n" + stages + "output: { path: out }\n");
    }
}
