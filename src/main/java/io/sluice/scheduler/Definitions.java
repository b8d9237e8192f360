package io.sluice.scheduler;

import io.sluice.SluiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs and crawlers the scheduler knows and their triggers, checked: every condition names a known node, trigger
 * names are unique and the conditions form no cycle ({@link DefinitionLoader} makes sure).
 */
public final class Definitions {
    private final Map<NodeRef, Node> nodes;
    private final Map<String, Trigger> triggers;

    public Definitions(Collection<Node> nodes, Collection<Trigger> triggers) {
        Map<NodeRef, Node> byRef = new LinkedHashMap<>();
        nodes.forEach(node -> byRef.put(node.ref(), node));
        Map<String, Trigger> byName = new LinkedHashMap<>();
        triggers.forEach(trigger -> byName.put(trigger.name(), trigger));
        this.nodes = Collections.unmodifiableMap(byRef);
        this.triggers = Collections.unmodifiableMap(byName);
        for (Trigger trigger : triggers) {
            requireNode(trigger.target());
            if (trigger.spec() instanceof TriggerSpec.After after) {
                after.conditions().forEach(c -> requireNode(c.node()));
            }
        }
    }

    private void requireNode(NodeRef ref) {
        if (!nodes.containsKey(ref)) {
            throw new IllegalArgumentException("unknown " + ref);
        }
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Collection<Trigger> triggers() {
        return triggers.values();
    }

    public Optional<Node> node(NodeRef ref) {
        return Optional.ofNullable(nodes.get(ref));
    }

    public Node requireNode(NodeRef ref, String what) {
        return node(ref).orElseThrow(() -> SluiceException.notFound("%s: %s is not defined", what, ref));
    }

    public Optional<Trigger> trigger(String name) {
        return Optional.ofNullable(triggers.get(name));
    }

    /** The trigger of that name, or NOT_FOUND listing those there are. */
    public Trigger requireTrigger(String name) {
        return trigger(name)
                .orElseThrow(() -> SluiceException.notFound(
                        "no trigger named '%s' (there are: %s)",
                        name, triggers.isEmpty() ? "none" : String.join(", ", triggers.keySet())));
    }

    /** The condition triggers, in the order defined. */
    public List<Trigger> conditionTriggers() {
        List<Trigger> after = new ArrayList<>();
        triggers.values().stream()
                .filter(t -> t.spec() instanceof TriggerSpec.After)
                .forEach(after::add);
        return after;
    }
}
