package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's commands that need no scheduler running, over the example definitions. */
class SchedulerCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of("--catalog", catalogDir.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void triggerListPrintsGluesTriggerShape() throws IOException {
        CliRun list = sluice("trigger", "list", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode triggers = JSON.readTree(list.out()).get("Triggers");
        JsonNode nightly = find(triggers, "nightly_lake");
        assertThat(nightly.get("Type").asText()).isEqualTo("SCHEDULED");
        assertThat(nightly.get("Schedule").asText()).isEqualTo("cron(0 3 * * *)");
        assertThat(nightly.get("State").asText()).isEqualTo("DEACTIVATED");
        assertThat(nightly.at("/Actions/0/CrawlerName").asText()).isEqualTo("lake");
        assertThat(nightly.at("/Actions/0/Arguments/--YEAR").asText()).isEqualTo("2024");
        JsonNode after = find(triggers, "big_orders-after");
        assertThat(after.get("Type").asText()).isEqualTo("CONDITIONAL");
        assertThat(after.at("/Predicate/Logical").asText()).isEqualTo("AND");
        assertThat(after.at("/Predicate/Conditions/0/CrawlerName").asText()).isEqualTo("lake");
        assertThat(after.at("/Predicate/Conditions/0/CrawlState").asText()).isEqualTo("SUCCEEDED");
        assertThat(find(triggers, "refresh_lake").get("Type").asText()).isEqualTo("ON_DEMAND");
        assertThat(find(triggers, "new_logs")
                        .at("/EventBatchingCondition/BatchSize")
                        .asInt())
                .isEqualTo(3);
        assertThat(find(triggers, "new_logs")
                        .at("/EventBatchingCondition/BatchWindow")
                        .asInt())
                .isEqualTo(600);
    }

    private static JsonNode find(JsonNode triggers, String name) {
        for (JsonNode trigger : triggers) {
            if (trigger.get("Name").asText().equals(name)) {
                return trigger;
            }
        }
        throw new AssertionError("no trigger " + name + " in " + triggers);
    }

    @Test
    void aTriggerFiredWhileNoSchedulerRunsWaitsForTheNextStart() {
        CliRun fire = sluice("trigger", "fire", "refresh_lake");
        CliRun status = sluice("scheduler", "status");

        assertThat(fire.exitCode()).as(fire.err()).isZero();
        assertThat(fire.out())
                .isEqualTo("trigger refresh_lake: recorded (request 1); no scheduler runs now, the next"
                        + " 'sluice scheduler start' serves it\n");
        assertThat(status.out())
                .isEqualTo("scheduler: never started on this catalog (sluice scheduler start)\n"
                        + "runs: 0 RUNNING, 0 WAITING; requests not yet served: 1\n");
    }

    @Test
    void wrongNamesAndBadDefinitionsExitWithTwo() throws IOException {
        CliRun unknown = sluice("trigger", "fire", "nope");
        CliRun condition = sluice("trigger", "fire", "big_orders-after");
        CliRun noRun = sluice("workflow", "resume", "wr_0123");
        Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(dir.resolve("jobs/a.yaml"), "name: a\ntriggers:\n  - after: {all: {a: SUCCEEDED}}\n");
        CliRun cycle = sluice(
                "trigger",
                "list",
                "--jobs",
                dir.resolve("jobs").toString(),
                "--crawlers",
                Files.createDirectories(dir.resolve("crawler")).toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no trigger named 'nope' (there are: big_orders-after,");
        assertThat(condition.exitCode()).isEqualTo(2);
        assertThat(condition.err()).contains("fires on the states of other runs, not by hand");
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.err()).contains("no workflow run wr_0123");
        assertThat(cycle.exitCode()).isEqualTo(2);
        assertThat(cycle.err()).contains("a.yaml:3: trigger 'a-after' closes a cycle: job a → job a");
    }

    @Test
    void workflowShowPrintsTheDagOfATriggerOrOfAJobInIt() {
        CliRun byTrigger = sluice("workflow", "show", "refresh_lake");
        CliRun byJob = sluice("workflow", "show", "big_orders");

        assertThat(byTrigger.exitCode()).as(byTrigger.err()).isZero();
        assertThat(byTrigger.out())
                .isEqualTo(
                        """
                        workflow refresh_lake: started by trigger refresh_lake (ON_DEMAND: sluice trigger fire)
                          run properties: {YEAR=2024}
                          1. crawler lake
                          2. job big_orders     after ALL of crawler lake SUCCEEDED  (trigger big_orders-after)
                          3. job daily_revenue  after ALL of job big_orders SUCCEEDED  (trigger daily_revenue-after)
                        """);
        assertThat(byJob.out()).contains("workflow nightly_lake:").contains("workflow refresh_lake:");
    }
}
