package io.sluice.scheduler;

import io.sluice.definition.Durations;
import io.sluice.definition.YamlMap;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one entry of a {@code triggers:} list: exactly one of {@code schedule}, {@code on_demand}, {@code after} or
 * {@code data}, with its options, an optional {@code name} and the run {@code arguments} it gives. Problems go to the
 * file's {@link io.sluice.definition.Problems} with their lines. Conditions name jobs and crawlers by name; the loader
 * resolves them once every file is read.
 */
final class TriggerParser {
    static final List<String> KINDS = List.of("schedule", "on_demand", "after", "data");
    static final List<String> FIELDS =
            List.of("name", "schedule", "timezone", "catchup", "on_demand", "after", "data", "arguments");
    static final List<String> DATA_FIELDS = List.of("path", "done_flag", "min_files", "quiet_window");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

    private final NodeRef target;
    private final String file;
    private final Set<String> names = new HashSet<>();

    TriggerParser(NodeRef target, String file) {
        this.target = target;
        this.file = file;
    }

    /** A condition as written: {@code crawler:lake: SUCCEEDED}. */
    record NamedCondition(Optional<RunKind> kind, String name, RunState state, int line) {}

    /** A trigger read, with its conditions still by name. */
    record Parsed(Trigger trigger, List<NamedCondition> conditions, TriggerSpec.Logic logic) {}

    Optional<Parsed> parse(YamlMap entry) {
        int before = entry.problems().all().size();
        entry.rejectUnknownKeys(FIELDS.toArray(String[]::new));
        List<String> kinds = KINDS.stream().filter(entry::has).toList();
        if (kinds.size() != 1) {
            entry.problems()
                    .add(
                            entry.line(),
                            entry.path() + ": a trigger has exactly one of " + String.join(", ", KINDS)
                                    + (kinds.isEmpty() ? "" : ", not " + String.join(" and ", kinds)));
            return Optional.empty();
        }
        String kind = kinds.get(0);
        String name = name(entry, kind);
        Map<String, String> properties = entry.stringMap("arguments");
        if (!kind.equals("schedule")) {
            for (String option : List.of("timezone", "catchup")) {
                if (entry.has(option)) {
                    entry.problems().add(entry.line(option), entry.field(option) + ": only a schedule has a " + option);
                }
            }
        }
        List<NamedCondition> conditions = new ArrayList<>();
        TriggerSpec.Logic[] logic = {TriggerSpec.Logic.ALL};
        Optional<TriggerSpec> spec =
                switch (kind) {
                    case "schedule" -> schedule(entry);
                    case "on_demand" -> onDemand(entry);
                    case "after" -> after(entry, conditions, logic);
                    default -> data(entry);
                };
        if (spec.isEmpty() || entry.problems().all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(
                new Trigger(name, target, spec.get(), properties, file, entry.line()), conditions, logic[0]));
    }

    /** The given name, else {@code <node>-<kind>} ({@code -2}, {@code -3}... for more of one kind). */
    private String name(YamlMap entry, String kind) {
        Optional<String> given = entry.string("name");
        if (given.isPresent() && !NAME.matcher(given.get()).matches()) {
            entry.problems()
                    .add(
                            entry.line("name"),
                            entry.field("name") + ": '" + given.get()
                                    + "' is not a trigger name: use letters, digits, '_', '-' and '.'");
        }
        String name = given.orElse(target.name() + "-" + kind.replace('_', '-'));
        if (given.isEmpty()) {
            String base = name;
            for (int i = 2; names.contains(name); i++) {
                name = base + "-" + i;
            }
        }
        names.add(name);
        return name;
    }

    private static Optional<TriggerSpec> schedule(YamlMap entry) {
        ZoneId zone = entry.parsed("timezone", ZoneId::of).orElse(ZoneId.of("UTC"));
        Optional<CronSchedule> cron = entry.parsed("schedule", text -> CronSchedule.parse(text, zone));
        TriggerSpec.Catchup catchup =
                entry.enumValue("catchup", TriggerSpec.Catchup.class).orElse(TriggerSpec.Catchup.LAST);
        return cron.map(c -> new TriggerSpec.Schedule(c, catchup));
    }

    private static Optional<TriggerSpec> onDemand(YamlMap entry) {
        Optional<Boolean> on = entry.bool("on_demand");
        if (on.isPresent() && !on.get()) {
            entry.problems()
                    .add(
                            entry.line("on_demand"),
                            entry.field("on_demand") + ": write 'on_demand: true' or" + " leave the trigger out");
        }
        return Optional.of(new TriggerSpec.OnDemand());
    }

    private static Optional<TriggerSpec> after(
            YamlMap entry, List<NamedCondition> conditions, TriggerSpec.Logic[] logic) {
        Optional<YamlMap> after = entry.map("after");
        if (after.isEmpty()) {
            if (!entry.isMap("after")) {
                entry.problems()
                        .add(
                                entry.line("after"),
                                entry.field("after")
                                        + ": expected {all: {NAME: STATE, ...}} or {any: {NAME: STATE, ...}}");
            }
            return Optional.empty();
        }
        YamlMap map = after.get();
        map.rejectUnknownKeys("all", "any");
        if (map.has("all") == map.has("any")) {
            entry.problems().add(map.line(), map.path() + ": give either 'all' or 'any' of the conditions");
            return Optional.empty();
        }
        String key = map.has("all") ? "all" : "any";
        logic[0] = map.has("all") ? TriggerSpec.Logic.ALL : TriggerSpec.Logic.ANY;
        List<YamlMap.Entry> entries = map.entries(key);
        if (entries.isEmpty()) {
            entry.problems().add(map.line(key), map.field(key) + ": name at least one job or crawler and its state");
        }
        for (YamlMap.Entry condition : entries) {
            Optional<RunState> state = state(condition.value());
            if (state.isEmpty()) {
                entry.problems()
                        .add(
                                condition.line(),
                                map.field(key) + "." + condition.key() + ": '" + condition.value()
                                        + "' is not one of SUCCEEDED, FAILED, TIMEOUT, STOPPED");
                continue;
            }
            String name = condition.key();
            Optional<RunKind> kind = Optional.empty();
            if (name.startsWith("job:") || name.startsWith("crawler:")) {
                kind = Optional.of(name.startsWith("job:") ? RunKind.JOB : RunKind.CRAWLER);
                name = name.substring(name.indexOf(':') + 1);
            }
            conditions.add(new NamedCondition(kind, name, state.get(), condition.line()));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new TriggerSpec.OnDemand()); // replaced on resolve
    }

    private static Optional<RunState> state(String text) {
        try {
            RunState state = RunState.valueOf(text.trim().toUpperCase(Locale.ROOT));
            return state.isTerminal() ? Optional.of(state) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<TriggerSpec> data(YamlMap entry) {
        Optional<YamlMap> data = entry.map("data");
        if (data.isEmpty()) {
            if (!entry.isMap("data")) {
                entry.problems()
                        .add(
                                entry.line("data"),
                                entry.field("data")
                                        + ": expected {path: DIR, done_flag: _SUCCESS | min_files: N | quiet_window: 10m}");
            }
            return Optional.empty();
        }
        YamlMap map = data.get();
        map.rejectUnknownKeys(DATA_FIELDS.toArray(String[]::new));
        String path = map.requiredString("path");
        Optional<String> doneFlag = map.string("done_flag");
        Optional<Integer> minFiles = map.integer("min_files", 1, 1_000_000);
        Optional<Duration> quiet = map.parsed("quiet_window", Durations::parse);
        if (doneFlag.isEmpty()
                && minFiles.isEmpty()
                && quiet.isEmpty()
                && !map.has("min_files")
                && !map.has("quiet_window")) {
            entry.problems()
                    .add(
                            map.line(),
                            map.path() + ": say when new files fire it: done_flag (such as _SUCCESS),"
                                    + " min_files or quiet_window");
            return Optional.empty();
        }
        if (path.isEmpty() || (doneFlag.isEmpty() && minFiles.isEmpty() && quiet.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new TriggerSpec.Data(
                path, doneFlag, minFiles.map(OptionalInt::of).orElse(OptionalInt.empty()), quiet));
    }
}
