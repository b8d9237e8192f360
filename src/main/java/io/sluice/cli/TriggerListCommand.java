package io.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.definition.Durations;
import io.sluice.runs.RunKind;
import io.sluice.scheduler.Definitions;
import io.sluice.scheduler.NodeRef;
import io.sluice.scheduler.SchedulerStore;
import io.sluice.scheduler.Trigger;
import io.sluice.scheduler.TriggerSpec;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice trigger list}: every trigger, what fires it, what it starts and when it last fired. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the triggers of the job and crawler definitions; --json prints AWS Glue's Trigger shape.")
final class TriggerListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private TriggerCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DefinitionDirs dirs;

    @Mixin
    private JsonOption json;

    @Override
    public Integer call() throws Exception {
        Definitions definitions = dirs.load();
        PrintWriter out = spec.commandLine().getOut();
        try (SchedulerStore store = SqliteSchedulerStore.open(parent.root.catalogDir())) {
            boolean running = store.status().map(s -> s.running(Instant.now())).orElse(false);
            if (json.json) {
                ArrayNode triggers = JSON.createArrayNode();
                definitions.triggers().forEach(t -> triggers.add(glue(t, running)));
                ObjectNode root = JSON.createObjectNode();
                root.set("Triggers", triggers);
                out.println(JSON.writeValueAsString(root));
                return 0;
            }
            TextTable table = TextTable.withHeader("NAME", "TYPE", "STARTS", "WHEN", "LAST FIRED", "DEFINED AT");
            for (Trigger t : definitions.triggers()) {
                Optional<Instant> last = store.lastFired(t.name());
                table.row(t.name(), t.spec().glueType(), t.target(), when(t.spec()), Display.time(last), t.location());
            }
            table.print(out);
        }
        return 0;
    }

    /** What fires it, in words. */
    static String when(TriggerSpec spec) {
        if (spec instanceof TriggerSpec.Schedule s) {
            return s.cron()
                    + (s.catchup() == TriggerSpec.Catchup.LAST
                            ? ""
                            : ", catchup " + s.catchup().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (spec instanceof TriggerSpec.After a) {
            return a.logic() + " of "
                    + a.conditions().stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        if (spec instanceof TriggerSpec.Data d) {
            return "new data under " + d.path()
                    + d.doneFlag().map(f -> ", done flag " + f).orElse("")
                    + (d.minFiles().isPresent() ? ", " + d.minFiles().getAsInt() + " files" : "")
                    + d.quietWindow().map(q -> ", quiet " + Durations.format(q)).orElse("");
        }
        return "sluice trigger fire";
    }

    /** AWS Glue's {@code Trigger}: Name, Type, Schedule, Predicate, Actions, State (and EventBatchingCondition). */
    private static ObjectNode glue(Trigger trigger, boolean schedulerRuns) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Name", trigger.name());
        node.put("Type", trigger.spec().glueType());
        node.put(
                "State",
                trigger.spec() instanceof TriggerSpec.OnDemand
                        ? "CREATED"
                        : schedulerRuns ? "ACTIVATED" : "DEACTIVATED");
        if (trigger.spec() instanceof TriggerSpec.Schedule s) {
            node.put("Schedule", "cron(" + s.cron().expression() + ")");
            node.put("Timezone", s.cron().zone().getId());
        }
        if (trigger.spec() instanceof TriggerSpec.After a) {
            ObjectNode predicate = node.putObject("Predicate");
            predicate.put("Logical", a.logic() == TriggerSpec.Logic.ALL ? "AND" : "ANY");
            ArrayNode conditions = predicate.putArray("Conditions");
            for (TriggerSpec.Condition c : a.conditions()) {
                ObjectNode condition = conditions.addObject();
                condition.put("LogicalOperator", "EQUALS");
                boolean crawler = c.node().kind() == RunKind.CRAWLER;
                condition.put(crawler ? "CrawlerName" : "JobName", c.node().name());
                condition.put(crawler ? "CrawlState" : "State", c.state().name());
            }
        }
        if (trigger.spec() instanceof TriggerSpec.Data d) {
            ObjectNode batching = node.putObject("EventBatchingCondition");
            batching.put("BatchSize", d.minFiles().orElse(1));
            d.quietWindow().ifPresent(q -> batching.put("BatchWindow", q.toSeconds()));
            node.put("Path", d.path());
            d.doneFlag().ifPresent(f -> node.put("DoneFlag", f));
        }
        ArrayNode actions = node.putArray("Actions");
        ObjectNode action = actions.addObject();
        NodeRef target = trigger.target();
        action.put(target.kind() == RunKind.CRAWLER ? "CrawlerName" : "JobName", target.name());
        if (!trigger.properties().isEmpty()) {
            ObjectNode arguments = action.putObject("Arguments");
            trigger.properties().forEach((k, v) -> arguments.put("--" + k, v));
        }
        return node;
    }

    static List<String> names(Definitions definitions) {
        return definitions.triggers().stream().map(Trigger::name).toList();
    }
}
