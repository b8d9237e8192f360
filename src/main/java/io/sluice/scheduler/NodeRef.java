package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import io.sluice.runs.RunKind;
import java.util.Locale;

/** A job or crawler the scheduler runs, a node of a workflow: {@code job daily_revenue}, {@code crawler lake}. */
public record NodeRef(RunKind kind, String name) implements Comparable<NodeRef> {
    public NodeRef {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        if (kind == RunKind.WORKFLOW) {
            throw new IllegalArgumentException("a workflow is not a node of a workflow: " + name);
        }
    }

    public static NodeRef job(String name) {
        return new NodeRef(RunKind.JOB, name);
    }

    public static NodeRef crawler(String name) {
        return new NodeRef(RunKind.CRAWLER, name);
    }

    /** {@code job} or {@code crawler}. */
    public String kindName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(NodeRef other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : kind.compareTo(other.kind);
    }

    @Override
    public String toString() {
        return kindName() + " " + name;
    }
}
