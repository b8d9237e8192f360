package io.sluice.crawler;

import io.sluice.catalog.Column;
import io.sluice.classify.Classification;
import io.sluice.classify.InferredColumn;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Files whose schemas belong in one table, with their merged schema.
 *
 * <p>A file joins a cluster when it has the same classification, SerDe and dialect (SerDe parameters other than
 * value formats) and its columns overlap the cluster's: at least {@value #MIN_OVERLAP} of the smaller column set
 * by name. Schema drift — a column added in later files — stays in one table; two unrelated schemas side by side do
 * not. The merged schema is the union of columns in first-seen order, types widened ({@link TypeWidening#merge}).
 */
final class SchemaCluster {
    static final double MIN_OVERLAP = 0.7;

    private final Classification first;
    private final Map<String, String> dialect;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<FileVerdict> files = new ArrayList<>();

    private SchemaCluster(Classification first) {
        this.first = first;
        this.dialect = dialect(first);
    }

    /** Groups classified files into clusters, each file joining the first cluster that accepts it. */
    static List<SchemaCluster> of(List<FileVerdict> verdicts) {
        List<SchemaCluster> clusters = new ArrayList<>();
        for (FileVerdict verdict : verdicts) {
            if (verdict.classification().isEmpty()) {
                continue;
            }
            Classification classification = verdict.classification().get();
            SchemaCluster home = clusters.stream()
                    .filter(c -> c.accepts(classification))
                    .findFirst()
                    .orElseGet(() -> {
                        SchemaCluster created = new SchemaCluster(classification);
                        clusters.add(created);
                        return created;
                    });
            home.add(verdict);
        }
        return clusters;
    }

    boolean accepts(Classification other) {
        return first.classification().equals(other.classification())
                && first.serde().serializationLibrary().equals(other.serde().serializationLibrary())
                && dialect.equals(dialect(other))
                && overlap(columns.keySet(), names(other)) >= MIN_OVERLAP;
    }

    private void add(FileVerdict verdict) {
        files.add(verdict);
        for (InferredColumn column : verdict.classification().orElseThrow().columns()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            Column existing = columns.get(name);
            columns.put(
                    name,
                    existing == null
                            ? Column.of(name, column.type())
                            : Column.of(name, TypeWidening.merge(existing.type(), column.type())));
        }
    }

    Classification first() {
        return first;
    }

    List<FileVerdict> files() {
        return files;
    }

    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** Short description for explanations: {@code csv (order_id, order_ts, ...)}. */
    String describe() {
        List<String> names = new ArrayList<>(columns.keySet());
        String shown = names.size() <= 6 ? String.join(", ", names) : String.join(", ", names.subList(0, 6)) + ", ...";
        return first.classification() + " (" + shown + ")";
    }

    private static Set<String> names(Classification classification) {
        Set<String> names = new java.util.HashSet<>();
        classification.columns().forEach(c -> names.add(c.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1 : (a.isEmpty() ? 1 : 0);
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / Math.min(a.size(), b.size());
    }

    /** SerDe parameters that decide how records are split, without value formats and schema literals. */
    private static Map<String, String> dialect(Classification classification) {
        Map<String, String> dialect = new TreeMap<>();
        classification.serde().parameters().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!lower.contains("format") && !lower.contains("schema")) {
                dialect.put(key, value);
            }
        });
        return dialect;
    }
}
