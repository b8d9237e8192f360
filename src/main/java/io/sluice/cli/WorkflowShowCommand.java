package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.scheduler.Definitions;
import io.sluice.scheduler.Trigger;
import io.sluice.scheduler.Workflow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice workflow show NAME}: the DAG a trigger sets going, as text, each node after those it waits for. NAME is
 * the starting trigger, or a job or crawler: then every workflow it is part of.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a workflow as text: its starting trigger and each job or crawler after those it waits for.")
final class WorkflowShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DefinitionDirs dirs;

    @Parameters(paramLabel = "NAME", description = "A trigger that starts a workflow, or a job or crawler in one.")
    private String name;

    @Override
    public Integer call() {
        Definitions definitions = dirs.load();
        List<Workflow> workflows = definitions.triggers().stream()
                .filter(t -> t.spec().startsWorkflow())
                .map(t -> Workflow.of(t, definitions))
                .filter(w -> w.name().equals(name)
                        || w.steps().stream().anyMatch(s -> s.node().name().equals(name)))
                .toList();
        if (workflows.isEmpty()) {
            throw SluiceException.notFound(
                    "no workflow named '%s' and none with a job or crawler of that name (workflows: %s)",
                    name,
                    String.join(
                            ", ",
                            definitions.triggers().stream()
                                    .filter(t -> t.spec().startsWorkflow())
                                    .map(Trigger::name)
                                    .toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < workflows.size(); i++) {
            if (i > 0) {
                out.println();
            }
            print(out, workflows.get(i));
        }
        return 0;
    }

    static void print(PrintWriter out, Workflow workflow) {
        Trigger start = workflow.start();
        out.printf(
                "workflow %s: started by trigger %s (%s: %s)%n",
                workflow.name(), start.name(), start.spec().glueType(), TriggerListCommand.when(start.spec()));
        if (!start.properties().isEmpty()) {
            out.println("  run properties: " + start.properties());
        }
        int width = workflow.steps().stream()
                .mapToInt(s -> s.node().toString().length())
                .max()
                .orElse(0);
        for (int i = 0; i < workflow.steps().size(); i++) {
            Workflow.Step step = workflow.steps().get(i);
            String node = step.node().toString();
            String line = step.after()
                    .map(t -> String.format("%-" + width + "s", node) + "  after " + TriggerListCommand.when(t.spec())
                            + "  (trigger " + t.name() + ")")
                    .orElse(node);
            out.printf("  %d. %s%n", i + 1, line);
        }
    }
}
