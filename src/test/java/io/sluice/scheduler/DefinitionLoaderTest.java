package io.sluice.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionLoaderTest {
    private static Map<String, String> files(String... nameAndYaml) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndYaml.length; i += 2) {
            files.put(nameAndYaml[i], nameAndYaml[i + 1]);
        }
        return files;
    }

    private static SluiceException invalid(Map<String, String> jobs, Map<String, String> crawlers) {
        try {
            DefinitionLoader.parse(jobs, crawlers);
        } catch (SluiceException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
            return e;
        }
        throw new AssertionError("expected the definitions to be refused");
    }

    @Test
    void readsEveryKindOfTriggerWithItsOptions() {
        Definitions d = DefinitionLoader.parse(
                files(
                        "jobs/a.yaml",
                        """
                        name: a
                        retries: 2
                        retry_delay: 30s
                        timeout: 1h
                        max_concurrent_runs: 3
                        arguments: { DAY: x }
                        triggers:
                          - schedule: "*/5 * * * *"
                            timezone: Europe/Berlin
                            catchup: all
                            arguments: { DAY: today }
                          - after: { any: { "crawler:lake": FAILED, b: succeeded } }
                          - data: { path: /in, done_flag: _SUCCESS }
                        """,
                        "jobs/b.yaml",
                        "name: b\n"),
                files("crawler/lake.yaml", "triggers:\n  - on_demand: true\n"));

        Node a = d.node(NodeRef.job("a")).orElseThrow();
        assertThat(a.retryPolicy().retries()).isEqualTo(2);
        assertThat(a.retryPolicy().delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.timeout()).contains(Duration.ofHours(1));
        assertThat(a.maxConcurrentRuns()).isEqualTo(3);
        assertThat(a.argumentNames()).containsExactly("DAY");
        assertThat(d.triggers())
                .extracting(Trigger::name)
                .containsExactly("a-schedule", "a-after", "a-data", "lake-on-demand");
        TriggerSpec.Schedule schedule =
                (TriggerSpec.Schedule) d.requireTrigger("a-schedule").spec();
        assertThat(schedule.cron().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.catchup()).isEqualTo(TriggerSpec.Catchup.ALL);
        assertThat(d.requireTrigger("a-schedule").properties()).containsEntry("DAY", "today");
        TriggerSpec.After after =
                (TriggerSpec.After) d.requireTrigger("a-after").spec();
        assertThat(after.logic()).isEqualTo(TriggerSpec.Logic.ANY);
        assertThat(after.conditions())
                .containsExactly(
                        new TriggerSpec.Condition(NodeRef.crawler("lake"), RunState.FAILED),
                        new TriggerSpec.Condition(NodeRef.job("b"), RunState.SUCCEEDED));
        assertThat(d.requireTrigger("a-data").spec())
                .isEqualTo(new TriggerSpec.Data(
                        "/in", Optional.of("_SUCCESS"), java.util.OptionalInt.empty(), Optional.empty()));
        assertThat(d.requireTrigger("lake-on-demand").target().kind()).isEqualTo(RunKind.CRAWLER);
        assertThat(d.node(NodeRef.job("b")).orElseThrow().maxConcurrentRuns()).isEqualTo(1);
    }

    @Test
    void aCycleIsRefusedWithTheCyclePrinted() {
        SluiceException e = invalid(
                files(
                        "jobs/a.yaml", "name: a\ntriggers:\n  - after: {all: {c: SUCCEEDED}}\n",
                        "jobs/b.yaml", "name: b\ntriggers:\n  - after: {all: {a: SUCCEEDED}}\n",
                        "jobs/c.yaml", "name: c\ntriggers:\n  - on_demand: true\n  - after: {any: {b: FAILED}}\n"),
                Map.of());

        assertThat(e.getMessage())
                .contains("closes a cycle: job a → job b → job c → job a")
                .contains("(a workflow must be a DAG: remove one of these conditions)");
    }

    @Test
    void everyProblemOfEveryFileIsReportedWithItsLine() {
        SluiceException e = invalid(
                files(
                        "jobs/a.yaml",
                        """
                        name: a
                        triggers:
                          - schedule: "0 2 * *"
                          - after: { all: { nobody: SUCCEEDED } }
                          - schedule: "0 2 * * *"
                            on_demand: true
                          - after: { all: { a: DONE } }
                          - on_demand: true
                            catchup: all
                          - data: { path: /in }
                          - name: twice
                            on_demand: true
                        """,
                        "jobs/b.yaml",
                        "name: b\ntriggers:\n  - name: twice\n    on_demand: true\n    when: now\n"),
                Map.of());

        assertThat(e.getMessage())
                .contains("jobs/a.yaml:3: triggers[1].schedule: '0 2 * *' has 4 fields")
                .contains("jobs/a.yaml:4: trigger 'a-after': no job or crawler named 'nobody' (known: a, b)")
                .contains("jobs/a.yaml:5: triggers[3]: a trigger has exactly one of schedule, on_demand, after, data,"
                        + " not schedule and on_demand")
                .contains("jobs/a.yaml:7: triggers[4].after.all.a: 'DONE' is not one of SUCCEEDED, FAILED, TIMEOUT,"
                        + " STOPPED")
                .contains("jobs/a.yaml:9: triggers[5].catchup: only a schedule has a catchup")
                .contains("jobs/a.yaml:10: triggers[6].data: say when new files fire it")
                .contains("jobs/b.yaml:5: unknown field 'triggers[1].when'");
    }

    @Test
    void triggerNamesAreUniqueAcrossFiles() {
        SluiceException e = invalid(
                files(
                        "jobs/a.yaml", "name: a\ntriggers:\n  - {name: t, on_demand: true}\n",
                        "jobs/b.yaml", "name: b\ntriggers:\n  - {name: t, on_demand: true}\n"),
                Map.of());

        assertThat(e.getMessage()).contains("jobs/b.yaml:3: trigger 't' is also defined at jobs/a.yaml:3");
    }

    @Test
    void aNameThatIsBothAJobAndACrawlerMustSayWhich() {
        SluiceException e = invalid(
                files(
                        "jobs/lake.yaml",
                        "name: lake\n",
                        "jobs/a.yaml",
                        "name: a\ntriggers:\n  - after: {all: {lake: SUCCEEDED}}\n"),
                files("crawler/lake.yaml", "name: lake\n"));

        assertThat(e.getMessage()).contains("'lake' is both a job and a crawler: write job:lake or crawler:lake");
    }

    @Test
    void theExampleDefinitionsLoadAndFormTheDocumentedWorkflow() {
        Definitions d = DefinitionLoader.load(Optional.of(Path.of("jobs")), Optional.of(Path.of("crawler")));

        Workflow workflow = Workflow.of(d.requireTrigger("refresh_lake"), d);
        assertThat(workflow.steps())
                .extracting(Workflow.Step::node)
                .containsExactly(NodeRef.crawler("lake"), NodeRef.job("big_orders"), NodeRef.job("daily_revenue"));
        assertThat(d.triggers())
                .extracting(t -> t.spec().glueType())
                .contains("SCHEDULED", "ON_DEMAND", "CONDITIONAL", "EVENT");
        assertThat(List.of("nightly_lake", "daily_revenue_at_2", "new_logs"))
                .allSatisfy(name -> assertThat(d.trigger(name)).isPresent());
    }
}
