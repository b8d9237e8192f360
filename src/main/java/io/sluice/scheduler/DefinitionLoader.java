package io.sluice.scheduler;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.definition.DefinitionFile;
import io.sluice.definition.Durations;
import io.sluice.definition.Problems;
import io.sluice.definition.YamlMap;
import io.sluice.runs.RetryPolicy;
import io.sluice.runs.RunKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the scheduler's view of the job definitions ({@code jobs/*.yaml}) and crawler definitions ({@code
 * crawler/*.yaml}): each one's {@code retries}, {@code retry_delay}, {@code timeout}, {@code max_concurrent_runs} and
 * {@code triggers:}. Then it checks what spans files: condition triggers name known jobs and crawlers, trigger names
 * are unique, and the conditions form no cycle (the cycle is printed). Every problem of every file is reported at once,
 * with its file and line, as one {@code INVALID_DEFINITION} error.
 */
public final class DefinitionLoader {
    /** Runs of one job or crawler at once, unless it says otherwise: Glue's default. */
    public static final int DEFAULT_MAX_CONCURRENT_RUNS = 1;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, Problems> problems = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<PendingTrigger> pending = new ArrayList<>();

    private DefinitionLoader() {}

    /** Loads every {@code *.yaml} of the folders (either may be absent). */
    public static Definitions load(Optional<Path> jobs, Optional<Path> crawlers) {
        DefinitionLoader loader = new DefinitionLoader();
        jobs.ifPresent(dir -> files(dir).forEach(f -> loader.add(RunKind.JOB, f.toString(), read(f), text(f))));
        crawlers.ifPresent(dir -> files(dir).forEach(f -> loader.add(RunKind.CRAWLER, f.toString(), read(f), text(f))));
        return loader.resolve();
    }

    /** Loads definitions given as text, for tests: file name to YAML, jobs and crawlers. */
    public static Definitions parse(Map<String, String> jobs, Map<String, String> crawlers) {
        DefinitionLoader loader = new DefinitionLoader();
        jobs.forEach((file, yaml) -> loader.add(RunKind.JOB, file, parse(file, yaml), yaml));
        crawlers.forEach((file, yaml) -> loader.add(RunKind.CRAWLER, file, parse(file, yaml), yaml));
        return loader.resolve();
    }

    private static YamlMap parse(String file, String yaml) {
        return DefinitionFile.parse(file, yaml);
    }

    private static YamlMap read(Path file) {
        return DefinitionFile.read(file);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw SluiceException.notFound("no such folder of definitions: %s", dir);
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A trigger read from a file whose conditions still name nodes by their names only. */
    private record PendingTrigger(
            Trigger trigger,
            Problems problems,
            List<TriggerParser.NamedCondition> conditions,
            TriggerSpec.Logic logic) {}

    private void add(RunKind kind, String file, YamlMap root, String text) {
        Problems fileProblems = root.problems();
        problems.put(file, fileProblems);
        String base = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.string("name").orElse(base);
        NodeRef ref = new NodeRef(kind, name);
        int retries = root.integer("retries", 0, 100).orElse(0);
        Optional<Duration> retryDelay = root.parsed("retry_delay", Durations::parse);
        Optional<Duration> timeout = root.parsed("timeout", DefinitionLoader::positive);
        int maxConcurrent = root.integer("max_concurrent_runs", 1, 1000).orElse(DEFAULT_MAX_CONCURRENT_RUNS);
        nodes.add(new Node(
                ref, file, RetryPolicy.of(retries, retryDelay), timeout, maxConcurrent, argumentNames(root, text)));
        TriggerParser parser = new TriggerParser(ref, file);
        for (YamlMap entry : root.maps("triggers")) {
            parser.parse(entry)
                    .ifPresent(
                            p -> pending.add(new PendingTrigger(p.trigger(), fileProblems, p.conditions(), p.logic())));
        }
    }

    private static Duration positive(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("a timeout must be longer than 0s");
        }
        return duration;
    }

    /** The arguments a job takes: those it declares and the placeholders it uses. */
    private static Set<String> argumentNames(YamlMap root, String text) {
        Set<String> names = new LinkedHashSet<>();
        root.map("arguments").ifPresent(arguments -> names.addAll(arguments.keys()));
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private Definitions resolve() {
        Map<String, List<NodeRef>> byName = new HashMap<>();
        for (Node node : nodes) {
            List<NodeRef> same = byName.computeIfAbsent(node.ref().name(), n -> new ArrayList<>());
            if (same.contains(node.ref())) {
                problems.get(node.file()).add(1, node.ref() + " is defined twice (another file has the same name)");
            }
            same.add(node.ref());
        }
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        for (PendingTrigger p : pending) {
            Trigger trigger = p.trigger();
            if (triggers.containsKey(trigger.name())) {
                p.problems()
                        .add(
                                trigger.line(),
                                "trigger '" + trigger.name() + "' is also defined at "
                                        + triggers.get(trigger.name()).location() + ": trigger names are unique");
                continue;
            }
            Optional<Trigger> resolved = resolveConditions(p, byName);
            resolved.ifPresent(t -> triggers.put(t.name(), t));
        }
        if (allProblems().isEmpty()) {
            reportCycles(List.copyOf(triggers.values()));
        }
        List<String> all = allProblems();
        if (!all.isEmpty()) {
            throw new SluiceException(
                    ErrorCode.INVALID_DEFINITION,
                    all.size() == 1
                            ? "invalid definition " + all.get(0)
                            : "invalid definitions (" + all.size() + " problems):\n  " + String.join("\n  ", all));
        }
        return new Definitions(nodes, triggers.values());
    }

    private List<String> allProblems() {
        List<String> all = new ArrayList<>();
        problems.values().forEach(p -> all.addAll(p.all()));
        return all;
    }

    private Optional<Trigger> resolveConditions(PendingTrigger p, Map<String, List<NodeRef>> byName) {
        if (p.conditions().isEmpty()) {
            return Optional.of(p.trigger());
        }
        List<TriggerSpec.Condition> conditions = new ArrayList<>();
        boolean ok = true;
        for (TriggerParser.NamedCondition named : p.conditions()) {
            List<NodeRef> candidates = byName.getOrDefault(named.name(), List.of()).stream()
                    .filter(ref -> named.kind().isEmpty() || named.kind().get() == ref.kind())
                    .toList();
            if (candidates.size() == 1) {
                conditions.add(new TriggerSpec.Condition(candidates.get(0), named.state()));
            } else {
                ok = false;
                p.problems()
                        .add(
                                named.line(),
                                candidates.isEmpty()
                                        ? "trigger '" + p.trigger().name() + "': no job or crawler named '"
                                                + named.name() + "' (known: "
                                                + String.join(
                                                        ", ",
                                                        byName.keySet().stream()
                                                                .sorted()
                                                                .toList()) + ")"
                                        : "trigger '" + p.trigger().name() + "': '" + named.name()
                                                + "' is both a job and a crawler: write job:" + named.name()
                                                + " or crawler:"
                                                + named.name());
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Trigger t = p.trigger();
        return Optional.of(new Trigger(
                t.name(),
                t.target(),
                new TriggerSpec.After(p.logic(), conditions),
                t.properties(),
                t.file(),
                t.line()));
    }

    /** Reports a cycle of condition triggers, at the line of one of its triggers, as {@code a → b → a}. */
    private void reportCycles(List<Trigger> triggers) {
        Map<NodeRef, List<Trigger>> startedAfter = new LinkedHashMap<>();
        for (Trigger trigger : triggers) {
            if (trigger.spec() instanceof TriggerSpec.After after) {
                for (TriggerSpec.Condition condition : after.conditions()) {
                    startedAfter
                            .computeIfAbsent(condition.node(), n -> new ArrayList<>())
                            .add(trigger);
                }
            }
        }
        Map<NodeRef, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (Node node : nodes) {
            List<NodeRef> path = new ArrayList<>();
            List<Trigger> via = new ArrayList<>();
            if (findCycle(node.ref(), startedAfter, state, path, via)) {
                return; // one cycle at a time: breaking it may break the others
            }
        }
    }

    private boolean findCycle(
            NodeRef node,
            Map<NodeRef, List<Trigger>> startedAfter,
            Map<NodeRef, Integer> state,
            List<NodeRef> path,
            List<Trigger> via) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return false;
        }
        if (seen != null && seen == 1) {
            int from = path.indexOf(node);
            List<String> cycle = new ArrayList<>();
            path.subList(from, path.size()).forEach(n -> cycle.add(n.toString()));
            cycle.add(node.toString());
            Trigger last = via.get(via.size() - 1);
            problems.get(last.file())
                    .add(
                            last.line(),
                            "trigger '" + last.name() + "' closes a cycle: " + String.join(" → ", cycle)
                                    + " (a workflow must be a DAG: remove one of these conditions)");
            return true;
        }
        state.put(node, 1);
        path.add(node);
        for (Trigger trigger : startedAfter.getOrDefault(node, List.of())) {
            via.add(trigger);
            if (findCycle(trigger.target(), startedAfter, state, path, via)) {
                return true;
            }
            via.remove(via.size() - 1);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return false;
    }
}
