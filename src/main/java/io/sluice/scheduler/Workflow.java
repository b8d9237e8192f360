package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow: what one trigger that starts work (a schedule, on demand, new data) sets going, its node and every node
 * that condition triggers start after it, transitively; a DAG, in an order where each node comes after those it waits
 * for. Named after its starting trigger.
 */
public record Workflow(Trigger start, List<Step> steps) {
    public Workflow {
        requireNonNull(start, "start is null");
        steps = List.copyOf(steps);
    }

    /** A node of the workflow and the condition trigger that starts it (none for the first). */
    public record Step(NodeRef node, Optional<Trigger> after) {}

    public String name() {
        return start.name();
    }

    public boolean contains(NodeRef node) {
        return steps.stream().anyMatch(step -> step.node().equals(node));
    }

    /** The workflow its trigger starts, in an order that respects the conditions. */
    public static Workflow of(Trigger start, Definitions definitions) {
        if (!start.spec().startsWorkflow()) {
            throw new IllegalArgumentException("trigger " + start.name() + " does not start a workflow");
        }
        Set<NodeRef> reached = new LinkedHashSet<>();
        Deque<NodeRef> todo = new ArrayDeque<>(List.of(start.target()));
        List<Trigger> conditions = new ArrayList<>();
        while (!todo.isEmpty()) {
            NodeRef node = todo.poll();
            if (!reached.add(node)) {
                continue;
            }
            for (Trigger trigger : definitions.conditionTriggers()) {
                TriggerSpec.After after = (TriggerSpec.After) trigger.spec();
                if (after.conditions().stream().anyMatch(c -> c.node().equals(node)) && !conditions.contains(trigger)) {
                    conditions.add(trigger);
                    todo.add(trigger.target());
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(start.target(), Optional.empty()));
        Set<NodeRef> placed = new LinkedHashSet<>(List.of(start.target()));
        // Kahn's order over the condition triggers: one is placed once every node it waits for that is part of the
        // workflow has been; the graph is acyclic (checked at load time), so this ends.
        List<Trigger> left = new ArrayList<>(conditions);
        while (!left.isEmpty()) {
            Trigger next = left.stream()
                    .filter(t -> ((TriggerSpec.After) t.spec())
                            .conditions().stream()
                                    .allMatch(c -> placed.contains(c.node()) || !reached.contains(c.node())))
                    .findFirst()
                    .orElse(left.get(0));
            left.remove(next);
            steps.add(new Step(next.target(), Optional.of(next)));
            placed.add(next.target());
        }
        return new Workflow(start, steps);
    }
}
