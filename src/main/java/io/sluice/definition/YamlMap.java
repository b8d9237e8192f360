package io.sluice.definition;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping of a definition file that remembers where each value came from. Typed getters report wrong values to
 * {@link Problems} with the line and field and return a fallback, so one pass finds every problem of a file.
 */
public final class YamlMap {
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Problems problems;

    YamlMap(String path, MappingNode node, Problems problems) {
        this(path, node, problems, problems);
    }

    /** Reports the problems of the keys themselves (duplicates...) to {@code keyProblems}. */
    private YamlMap(String path, MappingNode node, Problems keyProblems, Problems problems) {
        this.path = path;
        this.node = node;
        this.problems = requireNonNull(problems, "problems is null");
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (entries.put(key.getValue(), tuple) != null) {
                    keyProblems.add(line(key), field(key.getValue()) + ": appears twice");
                }
            } else {
                keyProblems.add(line(tuple.getKeyNode()), where() + "keys must be plain names");
            }
        }
    }

    /** A plain value of a list, with the line it is on. */
    public record Item(String value, int line) {}

    /** A {@code name: value} pair of a mapping whose values are plain, with the line of the value. */
    public record Entry(String key, String value, int line) {}

    /**
     * Rewrites the plain values of a definition (not its keys), told the field of each value ({@code
     * stages[1].map.filter}) and the line where its text starts.
     */
    @FunctionalInterface
    public interface ScalarRewriter {
        String rewrite(String value, String field, int line);
    }

    public Problems problems() {
        return problems;
    }

    /** The dotted path of this mapping in the file ({@code stages[2].map}), empty for the top level. */
    public String path() {
        return path;
    }

    /** The same mapping reporting its problems to another sink, for a reader of a part of this file. */
    public YamlMap withProblems(Problems other) {
        return new YamlMap(path, (MappingNode) node, other);
    }

    /**
     * A copy whose plain values, at any depth, are rewritten; the values of the keys in {@code untouched} are copied
     * as they are. Lines stay those of the file.
     */
    public YamlMap withScalars(ScalarRewriter rewriter, String... untouched) {
        List<String> skipped = Arrays.asList(untouched);
        MappingNode mapping = (MappingNode) node;
        List<NodeTuple> tuples = new ArrayList<>();
        Map<Node, Node> copies = new IdentityHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node value = tuple.getValueNode();
            if (tuple.getKeyNode() instanceof ScalarNode key && !skipped.contains(key.getValue())) {
                value = rewrite(value, field(key.getValue()), rewriter, copies);
            }
            tuples.add(new NodeTuple(tuple.getKeyNode(), value));
        }
        MappingNode copy = new MappingNode(
                mapping.getTag(), true, tuples, mapping.getStartMark(), mapping.getEndMark(), mapping.getFlowStyle());
        // The keys were checked when this mapping was made: the copy does not report them again.
        return new YamlMap(path, copy, new Problems(problems.file()), problems);
    }

    private static Node rewrite(Node node, String field, ScalarRewriter rewriter, Map<Node, Node> copies) {
        Node done = copies.get(node);
        if (done != null) {
            return done; // an alias of a node already copied (YAML anchors may even make cycles)
        }
        if (node instanceof ScalarNode scalar) {
            return isNull(scalar) ? scalar : rewriteScalar(scalar, field, rewriter);
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            SequenceNode copy = new SequenceNode(
                    sequence.getTag(),
                    true,
                    items,
                    sequence.getStartMark(),
                    sequence.getEndMark(),
                    sequence.getFlowStyle());
            copies.put(node, copy);
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(rewrite(sequence.getValue().get(i), field + "[" + (i + 1) + "]", rewriter, copies));
            }
            return copy;
        }
        MappingNode mapping = (MappingNode) node;
        List<NodeTuple> tuples = new ArrayList<>();
        MappingNode copy = new MappingNode(
                mapping.getTag(), true, tuples, mapping.getStartMark(), mapping.getEndMark(), mapping.getFlowStyle());
        copies.put(node, copy);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            tuples.add(new NodeTuple(
                    tuple.getKeyNode(), rewrite(tuple.getValueNode(), field + "." + key, rewriter, copies)));
        }
        return copy;
    }

    private static ScalarNode rewriteScalar(ScalarNode scalar, String field, ScalarRewriter rewriter) {
        // Block scalars (| and >) start on the line after their indicator.
        boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED;
        String value = rewriter.rewrite(scalar.getValue(), field, line(scalar) + (block ? 1 : 0));
        return new ScalarNode(
                scalar.getTag(), value, scalar.getStartMark(), scalar.getEndMark(), scalar.getScalarStyle());
    }

    /** The 1-based line where this mapping starts. */
    public int line() {
        return line(node);
    }

    /** The 1-based line of a key's value, or of this mapping when the key is absent. */
    public int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : line(tuple.getValueNode());
    }

    /** The dotted path of a field, for messages: {@code output.format}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** Reports every key not in {@code known}, suggesting the closest known key. */
    public void rejectUnknownKeys(String... known) {
        List<String> knownKeys = Arrays.asList(known);
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!knownKeys.contains(entry.getKey())) {
                String suggestion = Suggestions.closest(entry.getKey(), knownKeys)
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse(" (known: " + String.join(", ", knownKeys) + ")");
                problems.add(
                        line(entry.getValue().getKeyNode()),
                        "unknown field '" + field(entry.getKey()) + "'" + suggestion);
            }
        }
    }

    public Optional<String> string(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(line(tuple.getValueNode()), field(key) + ": expected a single value");
        return Optional.empty();
    }

    public String requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty() && !isPresentButWrong(key)) {
            problems.add(line(), where() + "missing required field '" + field(key) + "'");
        }
        return value.orElse("");
    }

    /** A single value or a list of values. */
    public List<String> strings(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        List<String> values = new ArrayList<>();
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    values.add(scalar.getValue());
                } else {
                    problems.add(line(item), field(key) + ": expected a list of values");
                }
            }
        } else {
            problems.add(line(value), field(key) + ": expected a value or a list of values");
        }
        return values;
    }

    public Optional<Integer> integer(String key, int min, int max) {
        return string(key).flatMap(text -> {
            try {
                int value = Integer.parseInt(text.replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
                problems.add(line(key), field(key) + ": " + value + " is out of range " + min + ".." + max);
            } catch (NumberFormatException e) {
                problems.add(line(key), field(key) + ": expected a whole number, got '" + text + "'");
            }
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return string(key).flatMap(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                problems.add(line(key), field(key) + ": expected true or false, got '" + text + "'");
                yield Optional.empty();
            }
        });
    }

    /** An enum value written in lower case with dashes or underscores ({@code new-folders-only}). */
    public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        return string(key).flatMap(text -> {
            String constant = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(constant)) {
                    return Optional.of(value);
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(YamlMap::spelling)
                    .collect(Collectors.joining(", "));
            problems.add(line(key), field(key) + ": '" + text + "' is not one of " + allowed);
            return Optional.empty();
        });
    }

    /** How an enum constant is written in definitions. */
    public static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Optional<YamlMap> map(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(field(key), mapping, problems));
        }
        problems.add(line(tuple.getValueNode()), field(key) + ": expected a mapping of fields");
        return Optional.empty();
    }

    /** A list of mappings. */
    public List<YamlMap> maps(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problems.add(line(tuple.getValueNode()), field(key) + ": expected a list");
            return List.of();
        }
        List<YamlMap> maps = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            if (item instanceof MappingNode mapping) {
                maps.add(new YamlMap(field(key) + "[" + (i + 1) + "]", mapping, problems));
            } else {
                problems.add(line(item), field(key) + "[" + (i + 1) + "]: expected a mapping of fields");
            }
        }
        return maps;
    }

    /** True when the key's value is a list. */
    public boolean isList(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && tuple.getValueNode() instanceof SequenceNode;
    }

    /** True when the key's value is a mapping. */
    public boolean isMap(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && tuple.getValueNode() instanceof MappingNode;
    }

    /** A single value or a list of values, each with its line. */
    public List<Item> items(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return List.of(new Item(scalar.getValue(), line(scalar)));
        }
        List<Item> items = new ArrayList<>();
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !isNull(scalar)) {
                    items.add(new Item(scalar.getValue(), line(scalar)));
                } else {
                    problems.add(line(item), field(key) + ": expected a list of values");
                }
            }
        } else {
            problems.add(line(value), field(key) + ": expected a value or a list of values");
        }
        return items;
    }

    /**
     * The {@code name: value} pairs of a mapping in the order written, each with the line of its value. Values that
     * are not plain are reported; a missing value ({@code name:}) is reported too.
     */
    public List<Entry> entries(String key) {
        return map(key).map(YamlMap::entries).orElse(List.of());
    }

    /** The {@code name: value} pairs of this mapping, as {@link #entries(String)} reads those of a key. */
    public List<Entry> entries() {
        List<Entry> values = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            Node value = entry.getValue().getValueNode();
            if (value instanceof ScalarNode scalar && !isNull(scalar)) {
                values.add(new Entry(entry.getKey(), scalar.getValue(), line(scalar)));
            } else if (value instanceof ScalarNode) {
                problems.add(line(value), field(entry.getKey()) + ": missing value");
            } else {
                problems.add(line(value), field(entry.getKey()) + ": expected a single value");
            }
        }
        return values;
    }

    /** A mapping of names to plain values, such as custom grok patterns. */
    public Map<String, String> stringMap(String key) {
        return map(key).map(m -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String name : m.keys()) {
                        m.string(name).ifPresent(v -> values.put(name, v));
                    }
                    return values;
                })
                .orElse(Map.of());
    }

    /** Reads a value with a parser, reporting the parser's complaint at the value's line. */
    public <T> Optional<T> parsed(String key, Function<String, T> parser) {
        return string(key).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (RuntimeException e) {
                problems.add(line(key), field(key) + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private boolean isPresentButWrong(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && !(tuple.getValueNode() instanceof ScalarNode) && !isNull(tuple.getValueNode());
    }

    private String where() {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
