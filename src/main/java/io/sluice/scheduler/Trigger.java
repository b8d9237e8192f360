package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named trigger as defined with its job or crawler ({@code triggers:}): what fires it, the node it starts and, for a
 * trigger that starts a workflow run, the run properties it gives that run (passed to its jobs as {@code ${KEY}}
 * arguments).
 */
public record Trigger(
        String name, NodeRef target, TriggerSpec spec, Map<String, String> properties, String file, int line) {
    public Trigger {
        requireNonNull(name, "name is null");
        requireNonNull(target, "target is null");
        requireNonNull(spec, "spec is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
        requireNonNull(file, "file is null");
    }

    /** {@code jobs/x.yaml:12}: where it is defined. */
    public String location() {
        return file + ":" + line;
    }
}
