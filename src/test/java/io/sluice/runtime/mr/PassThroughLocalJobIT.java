package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.sqlite.SqliteCatalog;
import io.sluice.cluster.HadoopConfigurations;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SchemaResolver;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.Plan;
import io.sluice.plan.Planner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sort jobs on the LocalJobRunner whose reducers read the shuffle's merged records in place ({@link MergedInput},
 * {@link PassThroughReducer#passAll}): several map outputs, each spilled several times, range-partitioned over two
 * reducers, merged where they lie or by Hadoop's shuffle in memory or from disk, with many more records than go through Hadoop's reduce loop for progress.
 */
class PassThroughLocalJobIT {
    private static final int ROWS = 3 * 20_000;
    private static final String[] GROUPS = {"", "a", "b", "bb", "é", "zz", "中"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"local merge", "memory", "disk"})
    void aSortByAUniqueKeyGivesEveryRowInTotalOrder(String shuffle) throws IOException {
        List<String[]> input = writeInput();

        Outcome outcome = run("sort: { by: [grp, \"id DESC\"] }", shuffle);

        List<String> expected = input.stream()
                .sorted(Comparator.comparing((String[] r) -> r[1], PassThroughLocalJobIT::sqlText)
                        .thenComparing((String[] r) -> -Long.parseLong(r[0])))
                .map(PassThroughLocalJobIT::line)
                .toList();
        assertThat(outcome.lines()).containsExactlyElementsOf(expected);
        assertThat(outcome.counters())
                .as("rows read straight from the reader and through Hadoop's")
                .containsEntry("MAP_INPUT_RECORDS", (long) ROWS);
        assertThat(outcome.counters()).containsEntry("REDUCE_INPUT_RECORDS", (long) ROWS);
        assertThat(outcome.counters()).containsEntry("REDUCE_INPUT_GROUPS", (long) ROWS);
        assertThat(outcome.counters())
                .as("rows written straight to the output writer, counted in batches and at its close")
                .containsEntry("REDUCE_OUTPUT_RECORDS", (long) ROWS);
        assertThat(outcome.counters().get("SPILLED_RECORDS"))
                .as("map outputs spilled more than once, then merged (written twice)")
                .isGreaterThanOrEqualTo(2L * ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local merge", "memory", "disk"})
    void aSortByAColumnOfFewValuesKeepsEveryRowOfEachGroup(String shuffle) throws IOException {
        List<String[]> input = writeInput();

        Outcome outcome = run("sort: { by: [grp] }", shuffle);

        // Rows of one group come in no particular order: compare each group's rows as a sorted list.
        Map<String, List<String>> expected = new TreeMap<>(PassThroughLocalJobIT::sqlText);
        input.forEach(
                r -> expected.computeIfAbsent(r[1], g -> new ArrayList<>()).add(line(r)));
        expected.values().forEach(rows -> rows.sort(null));
        List<String> groupsInOrder = new ArrayList<>();
        Map<String, List<String>> actual = new TreeMap<>(PassThroughLocalJobIT::sqlText);
        for (String line : outcome.lines()) {
            String group = line.split(",", -1)[1];
            if (groupsInOrder.isEmpty()
                    || !groupsInOrder.get(groupsInOrder.size() - 1).equals(group)) {
                groupsInOrder.add(group);
            }
            actual.computeIfAbsent(group, g -> new ArrayList<>()).add(line);
        }
        actual.values().forEach(rows -> rows.sort(null));
        assertThat(groupsInOrder).as("each group once, in order").containsExactlyElementsOf(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        assertThat(outcome.counters()).containsEntry("REDUCE_INPUT_RECORDS", (long) ROWS);
        assertThat(outcome.counters()).containsEntry("REDUCE_INPUT_GROUPS", (long) GROUPS.length);
    }

    @org.junit.jupiter.api.Test
    void aMapOnlyJobCountsEveryRowItWrites() throws IOException {
        List<String[]> input = writeInput();

        Outcome outcome = run("map: { filter: \"id >= 0\" }", "local merge");

        assertThat(outcome.lines())
                .containsExactlyInAnyOrderElementsOf(
                        input.stream().map(PassThroughLocalJobIT::line).toList());
        assertThat(outcome.counters()).containsEntry("MAP_OUTPUT_RECORDS", (long) ROWS);
    }

    /** An empty group is a null (first in ascending order); others compare as Java strings of code points. */
    private static int sqlText(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static String line(String[] row) {
        return String.join(",", row);
    }

    /** Three files of rows {@code id,grp,value}: three map tasks. */
    private List<String[]> writeInput() throws IOException {
        Random random = new Random(7);
        List<String[]> rows = new ArrayList<>();
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int file = 0; file < 3; file++) {
            List<String> lines = new ArrayList<>(List.of("id,grp,value"));
            for (int i = 0; i < ROWS / 3; i++) {
                String[] row = {
                    String.valueOf((i * 7919L % (ROWS / 3)) * 3 + file), // unique: 7919 is prime
                    GROUPS[random.nextInt(GROUPS.length)],
                    String.valueOf(random.nextInt(10_000) / 4.0)
                };
                rows.add(row);
                lines.add(line(row));
            }
            Files.write(folder.resolve("part" + file + ".csv"), lines, StandardCharsets.UTF_8);
        }
        return rows;
    }

    private record Outcome(List<String> lines, Map<String, Long> counters) {}

    /**
     * Runs the job; {@code shuffle} says how the reducers get the map outputs: merged where they lie ({@link
     * LocalMerge}), or through Hadoop's shuffle, which copies them into memory, or onto disk.
     */
    private Outcome run(String stage, String shuffle) throws IOException {
        Path out = dir.resolve("out");
        String yaml = "name: sorted\n"
                + "source: { path: \"" + dir.resolve("in") + "\", format: csv, header: true,"
                + " schema: \"id bigint, grp string, value double\" }\n"
                + "stages:\n  - " + stage + "\n"
                + "output: { path: \"" + out + "\", format: csv, header: false }\n";
        Configuration conf = HadoopConfigurations.local();
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("mapreduce.jobtracker.staging.root.dir", dir.resolve("staging").toString());
        conf.setInt(MRJobConfig.IO_SORT_MB, 1); // each map output spills several times, merged at the map's end
        conf.setBoolean(LocalMerge.ENABLED, shuffle.equals("local merge"));
        if (shuffle.equals("disk")) {
            // Map outputs go to disk as they arrive, and the reduce reads them from disk.
            conf.setFloat(MRJobConfig.SHUFFLE_INPUT_BUFFER_PERCENT, 0.001f);
            conf.setFloat(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, 0f);
        }
        AtomicReference<JobProgress> last = new AtomicReference<>();
        try (SqliteCatalog catalog = SqliteCatalog.open(dir.resolve("catalog"))) {
            JobDefinition definition = JobDefinitions.parse("sorted.yaml", yaml);
            ValidatedJob job =
                    new JobValidator(SchemaResolver.of(catalog), ExpressionTyper.compiling()).validate(definition);
            Plan plan = new Planner(name -> OptionalLong.empty(), Planner.DEFAULT_BROADCAST_LIMIT).plan(job);
            new JobRunner(catalog, conf, last::set).run(job, plan, yaml, "sorted.yaml", Map.of());
        }
        List<String> lines = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(out)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .sorted()
                    .toList();
        }
        assertThat(parts)
                .as("one file per reducer, or per map of a map-only job")
                .hasSize(stage.startsWith("map") ? 3 : 2);
        for (Path part : parts) {
            List<String> partLines = Files.readAllLines(part, StandardCharsets.UTF_8);
            assertThat(partLines).as("every task writes rows").isNotEmpty();
            lines.addAll(partLines);
        }
        return new Outcome(lines, last.get().counters());
    }
}
