package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Column;
import io.sluice.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobValidatorTest {
    private final FakeTyper typer = new FakeTyper()
            .type("qty > 0", "boolean", "qty")
            .type("qty * price", "decimal(16,2)", "qty", "price")
            .type("CAST(order_ts AS DATE)", "date", "order_ts")
            .type("lower(country)", "string", "country")
            .type("revenue / orders", "decimal(38,6)", "revenue", "orders")
            .type("qty + 1", "int", "qty");
    private final JobValidator validator = new JobValidator(SampleLake.resolver(), typer);

    @Test
    void schemaFlowsThroughMapReduceAndSort() {
        ValidatedJob job = validate(
                """
                source: { table: lake.sales, where: "year = '2024'" }
                stages:
                  - map:
                      filter: "qty > 0"
                      select: { country: lower(country), day: "CAST(order_ts AS DATE)", revenue: qty * price }
                  - reduce:
                      group_by: [country, day]
                      aggregate: { orders: "count(*)", revenue: sum(revenue), biggest: max(revenue) }
                  - sort: { by: [country, "day DESC"] }
                  - map: { derive: { average: revenue / orders } }
                output: { path: out, partition_by: [country] }
                """);

        assertThat(job.source().schema())
                .hasToString("struct<order_id:int,order_ts:timestamp,country:string,product:string,qty:int,"
                        + "price:decimal(5,2),discount:decimal(3,2),year:string,month:string>");
        assertThat(job.source().partitionFilter()).hasValueSatisfying(f -> {
            assertThat(f.matches(List.of("2024", "01"))).isTrue();
            assertThat(f.matches(List.of("2025", "01"))).isFalse();
        });
        assertThat(job.schemaAfter(0)).hasToString("struct<country:string,day:date,revenue:decimal(16,2)>");
        assertThat(job.schemaAfter(1))
                .hasToString("struct<country:string,day:date,orders:bigint,revenue:decimal(26,2),"
                        + "biggest:decimal(16,2)>");
        assertThat(job.schemaAfter(2)).isEqualTo(job.schemaAfter(1));
        assertThat(job.inputOf(3)).isEqualTo(job.schemaAfter(2));
        assertThat(job.outputSchema())
                .hasToString("struct<country:string,day:date,orders:bigint,revenue:decimal(26,2),"
                        + "biggest:decimal(16,2),average:decimal(38,6)>");
        assertThat(job.outputColumns())
                .extracting(Column::name)
                .containsExactly("day", "orders", "revenue", "biggest", "average");
        assertThat(job.outputPartitionKeys()).containsExactly(Column.of("country", "string"));
        assertThat(typer.typed())
                .contains("qty > 0 @ " + job.source().schema(), "revenue / orders @ " + job.schemaAfter(2));
    }

    @Test
    void mapStagePartsApplyInOrder() {
        ValidatedJob job = validate(
                """
                source: lake.events
                stages:
                  - map:
                      flatten: [user]
                      explode: { column: tags, as: tag }
                      derive: { kind: upper(kind), one: "1" }
                      rename: { user_country: country, tag: label }
                      drop: [partition_0, partition_1, partition_2, amount]
                      cast: { user_id: bigint, one: int }
                output: { path: out }
                """,
                new FakeTyper().type("upper(kind)", "string", "kind").type("1", "int"));

        assertThat(job.outputSchema())
                .hasToString("struct<event_id:string,ts:timestamp,user_id:bigint,country:string,kind:string,"
                        + "label:string,one:int>");
    }

    @Test
    void selectAndDeriveSeeDifferentRows() {
        ValidatedJob job = validate(
                """
                source: lake.sales
                stages:
                  - map:
                      select: [qty, price]
                      derive: { revenue: qty * price, qty: qty + 1 }
                output: { path: out }
                """);

        assertThat(job.outputSchema()).hasToString("struct<qty:int,price:decimal(5,2),revenue:decimal(16,2)>");
    }

    @Test
    void reportsTheMisspeltColumnOfAnAggregateWithItsLine() {
        assertInvalid(
                "jobs/daily.yaml",
                """
                name: daily_revenue
                source: { table: lake.sales, where: "year = '2024'" }
                stages:
                  - map:
                      filter: "qty > 0"
                      select:
                        country: country
                        day: "CAST(order_ts AS DATE)"
                        revenue: qty * price
                  - reduce:
                      group_by: [country, day]
                      aggregate:
                        revenue: sum(revnue)
                        orders: count(*)
                output: { path: out/daily_revenue }
                """,
                "jobs/daily.yaml:13: stages[2].reduce.aggregate.revenue: unknown column 'revnue' (did you mean"
                        + " 'revenue'?)");
    }

    @Test
    void reportsEveryUnknownColumnAtOnceWithItsLineAndField() {
        assertInvalid(
                "jobs/x.yaml",
                """
                source: lake.sales
                sources:
                  returns: lake.returns
                stages:
                  - map:
                      select: { id: order_idd, country: country, qty: qty, price: prise }
                  - map:
                      derive: { twice: qty * price }
                      rename: { contry: nation }
                      drop: [qtty]
                      cast: { pric: double }
                  - partition: { by: [cuntry] }
                  - sort: { by: ["cntry DESC"] }
                  - join: { with: returns, on: { idd: order_id, id: order_idd }, columns: [reasn] }
                  - distinct: { on: [countri], keep: last, order_by: [idd] }
                  - reduce: { group_by: [countryy], aggregate: { n: count(qtyy) }, order_by: [qt] }
                output: { path: out, partition_by: [n, nn] }
                """,
                "jobs/x.yaml:6: stages[1].map.select.id: unknown column 'order_idd' (did you mean 'order_id'?)",
                "jobs/x.yaml:6: stages[1].map.select.price: unknown column 'prise' (did you mean 'price'?)",
                "jobs/x.yaml:9: stages[2].map.rename.contry: unknown column 'contry' (did you mean 'country'?)",
                "jobs/x.yaml:10: stages[2].map.drop: unknown column 'qtty' (did you mean 'qty'?)",
                "jobs/x.yaml:11: stages[2].map.cast.pric: unknown column 'pric' (did you mean 'price'?)",
                "jobs/x.yaml:12: stages[3].partition.by: unknown column 'cuntry' (did you mean 'country'?)",
                "jobs/x.yaml:13: stages[4].sort.by: unknown column 'cntry' (did you mean 'country'?)",
                "jobs/x.yaml:14: stages[5].join.on: unknown column 'idd' (did you mean 'id'?)",
                "jobs/x.yaml:14: stages[5].join.on: unknown column 'order_idd' in source 'returns' (did you mean"
                        + " 'order_id'?)",
                "jobs/x.yaml:14: stages[5].join.columns: unknown column 'reasn' in source 'returns' (did you mean"
                        + " 'reason'?)",
                "jobs/x.yaml:15: stages[6].distinct.on: unknown column 'countri' (did you mean 'country'?)",
                "jobs/x.yaml:15: stages[6].distinct.order_by: unknown column 'idd' (did you mean 'id'?)",
                "jobs/x.yaml:16: stages[7].reduce.group_by: unknown column 'countryy' (did you mean 'country'?)",
                "jobs/x.yaml:16: stages[7].reduce.aggregate.n: unknown column 'qtyy' (did you mean 'qty'?)",
                "jobs/x.yaml:16: stages[7].reduce.order_by: unknown column 'qt' (did you mean 'qty'?)",
                "jobs/x.yaml:17: output.partition_by: unknown column 'nn' (did you mean 'n'?)");
    }

    @Test
    void reportsExpressionProblemsFromTheTyperWithTheirLines() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.sales
                stages:
                  - map:
                      filter: qty * price
                      derive:
                        total: sum(qty)
                        odd: "qty ++ 1"
                        same: qty
                output: { path: out }
                """,
                "j.yaml:4: stages[1].map.filter: expected a condition (boolean), got decimal(16,2): 'qty * price'",
                "j.yaml:6: stages[1].map.derive.total: aggregate function sum() outside a reduce stage: aggregate in a"
                        + " reduce stage, then use the result",
                "j.yaml:7: stages[1].map.derive.odd: cannot compile 'qty ++ 1'");
    }

    @Test
    void aColumnWhoseExpressionFailedIsNotBlamedAgainLater() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.sales
                stages:
                  - map: { select: { country: country, revenue: "qty * prise" } }
                  - map: { filter: "revenue > 10" }
                  - reduce: { group_by: [country], aggregate: { revenue: sum(revenue) } }
                  - map: { derive: { missing: nope } }
                output: { path: out, partition_by: [country] }
                """,
                "j.yaml:3: stages[1].map.select.revenue: cannot compile 'qty * prise'",
                "j.yaml:6: stages[4].map.derive.missing: unknown column 'nope'");
    }

    @Test
    void checksAggregateTypes() {
        ValidatedJob job = validate(
                """
                source: lake.events
                stages:
                  - reduce:
                      group_by: [kind]
                      aggregate:
                        n: count(*)
                        users: count(DISTINCT user)
                        total: sum(amount)
                        mean: avg(amount)
                        first_seen: min(ts)
                        tag_lists: collect_list(tags)
                        last_user: last(user)
                      order_by: [ts]
                output: { path: out }
                """);

        assertThat(job.outputSchema())
                .hasToString("struct<kind:string,n:bigint,users:bigint,total:double,mean:double,first_seen:timestamp,"
                        + "tag_lists:array<array<string>>,last_user:struct<id:int,country:string>>");
        assertInvalid(
                "j.yaml",
                """
                source: lake.events
                stages:
                  - reduce:
                      aggregate:
                        total: sum(kind)
                        mean: avg(ts)
                        lowest: min(tags)
                output: { path: out }
                """,
                "j.yaml:5: stages[1].reduce.aggregate.total: sum needs a number, got string: 'sum(kind)'",
                "j.yaml:6: stages[1].reduce.aggregate.mean: avg needs a number, got timestamp: 'avg(ts)'",
                "j.yaml:7: stages[1].reduce.aggregate.lowest: min needs values that can be ordered, got"
                        + " array<string>: 'min(tags)'");
        assertThat(AggregateFunction.AVG.resultType(java.util.Optional.of(DataType.parse("decimal(5,2)"))))
                .hasToString("decimal(9,6)");
        assertThat(AggregateFunction.SUM.resultType(java.util.Optional.of(DataType.parse("decimal(36,2)"))))
                .hasToString("decimal(38,2)");
    }

    @Test
    void reportsKeysThatCannotBeComparedOrOrderedAndClashingColumns() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.events
                stages:
                  - sort: { by: [tags] }
                  - partition: { by: [user], method: range }
                  - map:
                      flatten: [kind, user]
                      explode: { column: event_id }
                      rename: { ts: amount }
                      cast: { tags: int }
                  - reduce: { group_by: [kind, kind] }
                output: { path: out, partition_by: [kind, kind] }
                """,
                "j.yaml:3: stages[1].sort.by: cannot sort by array<string> column 'tags'",
                "j.yaml:4: stages[2].partition.by: cannot range-partition by struct<id:int,country:string> column"
                        + " 'user'",
                "j.yaml:6: stages[3].map.flatten: column 'kind' is string, not a struct",
                "j.yaml:7: stages[3].map.explode: column 'event_id' is string, not an array",
                "j.yaml:8: stages[3].map.rename.ts: column 'amount' exists already",
                "j.yaml:9: stages[3].map.cast.tags: cannot cast array<string> to int",
                "j.yaml:10: stages[4].reduce.group_by: column 'kind' is listed twice",
                "j.yaml:11: output.partition_by: column 'kind' is listed twice",
                "j.yaml:11: output.partition_by: leave at least one column out of partition_by: the files need data"
                        + " columns");
    }

    @Test
    void joinsAddTheOtherSourcesColumns() {
        ValidatedJob job = validate(
                """
                source: lake.sales
                sources:
                  returns: lake.returns
                  shipments: lake.shipments
                stages:
                  - join: { with: returns, type: left, on: [order_id], strategy: broadcast }
                  - join: { with: shipments, on: { order_id: order_id }, columns: [carrier, address], prefix: s_ }
                output: { path: out }
                """);

        assertThat(job.schemaAfter(0))
                .hasToString("struct<order_id:int,order_ts:timestamp,country:string,product:string,qty:int,"
                        + "price:decimal(5,2),discount:decimal(3,2),year:string,month:string,return_id:int,"
                        + "returned_on:date,reason:string,refund:decimal(4,2)>");
        assertThat(job.outputSchema().fields().subList(13, 15))
                .extracting(f -> f.name() + " " + f.type())
                .containsExactly("s_carrier string", "s_address struct<city:string,country:string>");
        assertThat(job.sources()).containsOnlyKeys("returns", "shipments");
    }

    @Test
    void reportsJoinProblems() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.sales
                sources:
                  customers: lake.customers
                  returns: lake.returns
                stages:
                  - join: { with: customer, on: [country] }
                  - join: { with: customers, on: { order_id: name } }
                  - join: { with: returns, on: { country: order_id } }
                output: { path: out }
                """,
                "j.yaml:6: stages[1].join.with: unknown source 'customer' (did you mean 'customers'?)",
                "j.yaml:7: stages[2].join.on: key types differ: 'order_id' is int but 'name' of 'customers' is string:"
                        + " cast one of them in a map stage",
                "j.yaml:7: stages[2].join: column 'country' of 'customers' clashes with the input's: take fewer with"
                        + " 'columns:' or set a 'prefix:' such as customers_",
                "j.yaml:8: stages[3].join.on: key types differ: 'country' is string but 'order_id' of 'returns' is int:"
                        + " cast one of them in a map stage",
                "j.yaml:8: stages[3].join: column 'order_id' of 'returns' clashes with the input's: take fewer with"
                        + " 'columns:' or set a 'prefix:' such as returns_");
    }

    @Test
    void reportsSourceProblems() {
        assertInvalid(
                "j.yaml",
                """
                source: { table: lake.sals }
                sources:
                  a: { table: lake.sales, where: "qty > 1" }
                  b: { table: lake.customers, where: "country = 'DE'" }
                  c: { path: data/x.csv, format: csv }
                  d: { path: data/y.parquet }
                  e: { union: [f, g] }
                  f: { union: [e, a] }
                  g: lake.customers
                  unused: lake.returns
                stages:
                  - join: { with: b, on: [country] }
                  - join: { with: c, on: [country] }
                  - join: { with: d, on: [country] }
                  - join: { with: e, on: [country] }
                output: { path: out }
                """,
                "j.yaml:1: source.table: unknown table lake.sals (did you mean 'lake.sales'?)",
                "j.yaml:3: sources.a.where: invalid partition filter \"qty > 1\": unknown partition key 'qty' (partition"
                        + " keys: year, month)",
                "j.yaml:4: sources.b.where: table lake.customers is not partitioned: where chooses partitions; filter"
                        + " rows with a map stage's filter",
                "j.yaml:5: sources.c: csv files do not describe their columns: declare them, as in schema: \"id"
                        + " bigint, name string\"",
                "j.yaml:6: sources.d: the schema of the parquet files at data/y.parquet is not known before they are"
                        + " read: declare them, as in schema: \"id bigint, name string\"",
                "j.yaml:8: sources.f.union: sources refer to each other in a cycle: e → f → e",
                "j.yaml:10: sources.unused: source 'unused' is not used: join it (join: {with: unused}) or unite it"
                        + " with others (union: [...])");
    }

    @Test
    void unitesSourcesByColumnNameWideningTypes() {
        ValidatedJob job = validate(
                """
                source: { union: [declared, files] }
                sources:
                  declared: { path: data/a.csv, format: csv, schema: "id int, amount decimal(5,2), day date" }
                  files: { path: data/b.parquet }
                output: { path: out }
                """,
                typer,
                SampleLake.resolver().files("data/b.parquet", "DAY timestamp, ID bigint, amount decimal(10,1)"));

        assertThat(job.outputSchema()).hasToString("struct<id:bigint,amount:decimal(11,2),day:timestamp>");
        assertInvalid(
                "j.yaml",
                """
                source: { union: [a, b] }
                sources:
                  a: { path: a.csv, schema: "id int, name string" }
                  b: { path: b.csv, schema: "id string, extra int" }
                  c: { union: [a, nope] }
                output: { path: out }
                """,
                "j.yaml:1: source.union: 'b' lacks name and has extra besides (compared with 'a'): united sources need"
                        + " the same columns",
                "j.yaml:5: sources.c.union: unknown source 'nope' (defined: a, b, c)",
                "j.yaml:5: sources.c: source 'c' is not used: join it (join: {with: c}) or unite it with others"
                        + " (union: [...])");
    }

    @Test
    void reportsTypesThatDoNotWidenInAUnion() {
        assertInvalid(
                "j.yaml",
                """
                source: { union: [a, b] }
                sources:
                  a: { path: a.csv, schema: "id int" }
                  b: { path: b.csv, schema: "id date" }
                output: { path: out }
                """,
                "j.yaml:1: source.union: column 'id' is int in 'a' but date in 'b', which do not widen to one type:"
                        + " cast one of them");
    }

    @Test
    void problemsOfTheSourceDoNotCascadeIntoTheStages() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.nope
                sources:
                  r: lake.returns
                stages:
                  - map: { filter: "qty > 0", select: [a, b] }
                  - join: { with: r, on: [a] }
                  - reduce: { group_by: [a], aggregate: { s: sum(b) } }
                output: { path: out, partition_by: [a] }
                """,
                "j.yaml:1: source.table: unknown table lake.nope",
                "j.yaml:6: stages[2].join.on: unknown column 'a' in source 'r'");
    }

    @Test
    void allProblemsAreOneInvalidDefinitionError() {
        JobDefinition job = JobDefinitions.parse(
                "j.yaml", "source: lake.sales\nstages:\n  - sort: { by: [a, b] }\noutput: { path: out }\n");

        assertThatThrownBy(() -> validator.validate(job))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_DEFINITION))
                .hasMessage("invalid definition j.yaml (2 problems):\n"
                        + "  j.yaml:3: stages[1].sort.by: unknown column 'a'\n"
                        + "  j.yaml:3: stages[1].sort.by: unknown column 'b'");
    }

    @Test
    void aBroadcastJoinCannotKeepUnmatchedRowsOfTheOtherSource() {
        assertInvalid(
                "j.yaml",
                """
                source: lake.sales
                sources: { returns: lake.returns }
                stages:
                  - join: { with: returns, type: full, on: [order_id], strategy: broadcast }
                output: { path: out/j }
                """,
                "j.yaml:4: stages[1].join.strategy: a full join keeps the rows of 'returns' that nothing matched,"
                        + " which no single mapper of a broadcast join knows: use strategy: shuffle (or auto)");
    }

    private ValidatedJob validate(String yaml) {
        return validate(yaml, typer);
    }

    private static ValidatedJob validate(String yaml, FakeTyper typer) {
        return validate(yaml, typer, SampleLake.resolver());
    }

    private static ValidatedJob validate(String yaml, FakeTyper typer, SchemaResolver resolver) {
        return new JobValidator(resolver, typer).validate(JobDefinitions.parse("j.yaml", yaml));
    }

    private void assertInvalid(String file, String yaml, String... problems) {
        JobDefinition job = JobDefinitions.parse(file, yaml);
        assertThatThrownBy(() -> validator.validate(job))
                .isInstanceOf(SluiceException.class)
                .hasMessage(
                        problems.length == 1
                                ? "invalid definition " + problems[0]
                                : "invalid definition " + file + " (" + problems.length + " problems):\n  "
                                        + String.join("\n  ", problems));
    }
}
