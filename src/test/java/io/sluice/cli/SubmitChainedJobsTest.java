package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sluice submit} of plans of several MapReduce jobs: the example jobs (with Parquet output) and their results
 * checked against the same computation done here, independently, over the sample data.
 */
class SubmitChainedJobsTest {
    @TempDir
    static Path catalogDir;

    @TempDir
    Path dir;

    static CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @BeforeAll
    static void crawl() {
        CliRun crawl = sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
    }

    /** A copy of an example job writing Parquet into {@code out}. */
    private Path parquetCopy(String example, Path out) throws IOException {
        String yaml = Files.readString(Path.of("jobs", example + ".yaml"));
        int output = yaml.indexOf("\noutput:");
        yaml = yaml.substring(0, output)
                + yaml.substring(output)
                        .replaceAll("(?m)^  format: (csv|json)$", "  format: parquet")
                        .replaceAll("(?m)^  header: true\\n", "")
                        .replace("path: out/" + example, "path: \"" + out + "\"");
        return Files.writeString(dir.resolve(example + ".yaml"), yaml);
    }

    @Test
    void salesByProductJoinsAggregatesAndSortsInTwoMapReduceJobs() throws IOException {
        Path out = dir.resolve("out/sales_by_product");
        Path job = parquetCopy("sales_by_product", out);
        assertThat(sluice("submit", job.toString(), "--explain").out()).contains("2 MapReduce jobs");

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("job sales_by_product succeeded: 36 rows read, 5 written, 0 bad records");
        List<String> rows = OutputFiles.rows(
                        out,
                        "product:string,orders:bigint,units:bigint,revenue:decimal(26,2),average_price:decimal(9,6),"
                                + "returns:bigint,refunded:decimal(14,2),first_order:timestamp,last_order:timestamp")
                .stream()
                .map(SubmitChainedJobsTest::text)
                .toList();
        assertThat(rows).containsExactlyElementsOf(expectedSalesByProduct());
        assertThat(OutputFiles.hidden(dir.resolve("out")))
                .as("no staging or intermediate folder left")
                .isEmpty();
    }

    /** sales LEFT JOIN returns USING (order_id), grouped by product, revenue descending then product. */
    private static List<String> expectedSalesByProduct() throws IOException {
        Map<String, List<String[]>> returns = new HashMap<>();
        for (String[] r : returns()) {
            returns.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r);
        }
        Map<String, ProductTotals> totals = new TreeMap<>();
        for (Map<String, String> sale : sales()) {
            List<String[]> matched = returns.getOrDefault(sale.get("order_id"), new ArrayList<>());
            List<String[]> joined = matched.isEmpty() ? java.util.Collections.singletonList(null) : matched;
            for (String[] ret : joined) {
                totals.computeIfAbsent(sale.get("product"), k -> new ProductTotals())
                        .add(sale, ret);
            }
        }
        return totals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, ProductTotals> e) -> e.getValue().revenue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + "|" + e.getValue())
                .toList();
    }

    private static final class ProductTotals {
        final Set<String> orders = new HashSet<>();
        long units;
        long rows;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal prices = BigDecimal.ZERO;
        long returns;
        BigDecimal refunded;
        LocalDateTime first;
        LocalDateTime last;

        void add(Map<String, String> sale, String[] ret) {
            int qty = Integer.parseInt(sale.get("qty"));
            BigDecimal price = new BigDecimal(sale.get("price"));
            LocalDateTime ts = LocalDateTime.parse(sale.get("order_ts").replace(' ', 'T'));
            orders.add(sale.get("order_id"));
            units += qty;
            rows++;
            revenue = revenue.add(price.multiply(BigDecimal.valueOf(qty)));
            prices = prices.add(price);
            if (ret != null) {
                returns++;
                BigDecimal refund = new BigDecimal(ret[4]);
                refunded = refunded == null ? refund : refunded.add(refund);
            }
            first = first == null || ts.isBefore(first) ? ts : first;
            last = last == null || ts.isAfter(last) ? ts : last;
        }

        @Override
        public String toString() {
            BigDecimal average = prices.divide(BigDecimal.valueOf(rows), 6, RoundingMode.HALF_UP);
            return orders.size() + "|" + units + "|" + revenue.setScale(2) + "|" + average + "|" + returns + "|"
                    + (refunded == null ? "null" : refunded.setScale(2)) + "|" + first + "|" + last;
        }
    }

    private static String text(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.width(); i++) {
            Object value = row.get(i);
            values.add(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        }
        return String.join("|", values);
    }

    /** Every sales row of the sample lake, as column name to text. */
    static List<Map<String, String>> sales() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("testdata/sales"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                String[] header = lines.get(0).split(",");
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split(",", -1);
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], fields[i]);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The returns of the sample lake: return_id, order_id, returned_on, reason, refund. */
    private static List<String[]> returns() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new BZip2CompressorInputStream(Files.newInputStream(Path.of("testdata/returns/returns.tsv.bz2"))),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    @Test
    void primaryContactsReadsPathSourcesAndJoinsThemInTheReducers() throws IOException {
        Path out = dir.resolve("out/primary_contacts");
        Path job = parquetCopy("primary_contacts", out);
        assertThat(sluice("submit", job.toString(), "--explain").out())
                .contains("2 MapReduce jobs")
                .contains("shuffle: join on account_id")
                .contains("shuffle: partition on account_id, then sort within each reducer on account_name, full_name");

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<Row>> parts = OutputFiles.rowsByPart(
                out, "contact_id:int,account_id:int,full_name:string,account_name:string,credit_limit:decimal(7,2)");
        assertThat(parts.stream().flatMap(List::stream).map(SubmitChainedJobsTest::text))
                .containsExactlyInAnyOrderElementsOf(expectedPrimaryContacts());
        for (List<Row> part : parts) {
            assertThat(part)
                    .as("each output file is sorted by account_name, full_name")
                    .isSortedAccordingTo(
                            Comparator.comparing((Row r) -> (String) r.get(3)).thenComparing(r -> (String) r.get(2)));
        }
        assertEachKeyInOneFile(parts, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hash", "range"})
    void aSortWithinPartitionsKeepsEveryRowOfAPartitionKeyInOneSortedFile(String method) throws IOException {
        StringBuilder csv = new StringBuilder("id,account,name\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i)
                    .append(',')
                    .append(i % 23)
                    .append(",n")
                    .append((i * 7919) % 400)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("contacts.csv"), csv);
        Path out = dir.resolve("out/sorted_" + method);
        Path job = Files.writeString(
                dir.resolve("sorted_" + method + ".yaml"),
                """
                name: sorted_within
                source: { path: "%s", format: csv, header: true, schema: "id int, account int, name string" }
                stages:
                  - partition: { by: [account], reducers: 4, method: %s }
                  - sort: { by: [name DESC], global: false }
                output: { path: "%s" }
                """
                        .formatted(data, method, out));
        assertThat(sluice("submit", job.toString(), "--explain").out())
                .contains("1 MapReduce job")
                .contains("shuffle: partition on account, then sort within each reducer on name DESC; " + method);

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<Row>> parts = OutputFiles.rowsByPart(out, "id:int,account:int,name:string");
        assertThat(parts).hasSize(4);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(400);
        for (List<Row> part : parts) {
            assertThat(part)
                    .as("each output file is sorted by name DESC")
                    .isSortedAccordingTo(
                            Comparator.comparing((Row r) -> (String) r.get(2)).reversed());
        }
        assertEachKeyInOneFile(parts, 1);
        if (method.equals("range")) {
            List<Integer> firstAccounts = parts.stream()
                    .filter(p -> !p.isEmpty())
                    .map(p -> p.stream().mapToInt(r -> (Integer) r.get(1)).min().orElseThrow())
                    .toList();
            assertThat(firstAccounts)
                    .as("range partitions hold account ranges in file order")
                    .isSorted();
        }
    }

    /** Every value of column {@code key} is in exactly one of the parts. */
    private static void assertEachKeyInOneFile(List<List<Row>> parts, int key) {
        Map<Object, Set<Integer>> files = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Row row : parts.get(i)) {
                files.computeIfAbsent(row.get(key), k -> new HashSet<>()).add(i);
            }
        }
        assertThat(files).isNotEmpty();
        assertThat(files)
                .allSatisfy((value, in) ->
                        assertThat(in).as("the files holding key %s", value).hasSize(1));
    }

    /** contacts WHERE is_primary JOIN accounts USING (account_id), read from the CRM's CSV exports. */
    private static List<String> expectedPrimaryContacts() throws IOException {
        Map<String, String[]> accounts = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("testdata/crm/accounts/accounts.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            accounts.put(f[0], f);
        }
        List<String> expected = new ArrayList<>();
        lines = Files.readAllLines(Path.of("testdata/crm/contacts/contacts.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            String[] account = accounts.get(f[1]);
            if (f[3].equals("true") && account != null) {
                expected.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + account[1] + "|" + account[3]);
            }
        }
        assertThat(expected).isNotEmpty();
        return expected;
    }

    @Test
    void aGlobalSortOverSeveralReducersGivesFilesThatAreInOrderOneAfterAnother() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<Integer> keys = new ArrayList<>();
        StringBuilder csv = new StringBuilder("id,k\n");
        java.util.Random random = new java.util.Random(7);
        for (int id = 0; id < 3000; id++) {
            Integer k = random.nextInt(20) == 0 ? null : random.nextInt(500);
            keys.add(k);
            csv.append(id).append(',').append(k == null ? "" : k).append('\n');
        }
        Files.writeString(data.resolve("numbers.csv"), csv);
        Path out = dir.resolve("out/sorted");
        Path job = Files.writeString(
                dir.resolve("sorted.yaml"),
                """
                name: sorted
                source: { path: "%s", format: csv, header: true, schema: "id int, k int" }
                stages:
                  - sort: { by: ["k DESC", id] }
                output: { path: "%s" }
                """
                        .formatted(data, out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<Row>> parts = OutputFiles.rowsByPart(out, "id:int,k:int");
        assertThat(OutputFiles.parts(out))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("part-r-00000.parquet", "part-r-00001.parquet");
        assertThat(parts).allSatisfy(part -> assertThat(part).hasSizeGreaterThan(300));
        List<String> expected = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < keys.size(); id++) {
            ids.add(id);
        }
        ids.sort(Comparator.comparing((Integer id) -> keys.get(id), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(id -> id));
        ids.forEach(id -> expected.add(id + "|" + keys.get(id)));
        assertThat(parts.stream().flatMap(List::stream).map(SubmitChainedJobsTest::text))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void rangePartitioningSpreadsKeyRangesInOrderOverTheReducersAsked() throws IOException {
        Path out = dir.resolve("out/by_range");
        Path job = Files.writeString(
                dir.resolve("by_range.yaml"),
                """
                name: by_range
                source: lake.sales
                stages:
                  - map: { select: [order_id, price] }
                  - partition: { by: [order_id], method: range, reducers: 3 }
                output: { path: "%s" }
                """
                        .formatted(out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<Row>> parts = OutputFiles.rowsByPart(out, "order_id:int,price:decimal(5,2)");
        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part).isNotEmpty());
        for (int i = 1; i < parts.size(); i++) {
            int highest = parts.get(i - 1).stream()
                    .mapToInt(r -> (Integer) r.get(0))
                    .max()
                    .orElseThrow();
            int lowest = parts.get(i).stream()
                    .mapToInt(r -> (Integer) r.get(0))
                    .min()
                    .orElseThrow();
            assertThat(highest)
                    .as("file %d's keys are below file %d's", i - 1, i)
                    .isLessThan(lowest);
        }
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(sales().size());
    }

    @Test
    void aReduceWithoutGroupByAggregatesTheWholeInputInOneRow() throws IOException {
        Path out = dir.resolve("out/totals");
        Path job = Files.writeString(
                dir.resolve("totals.yaml"),
                """
                name: totals
                source: lake.sales
                stages:
                  - map: { filter: "country <> 'JP'" }
                  - reduce: { aggregate: { orders: "count(*)", units: "sum(qty)", top: "max(price)" } }
                output: { path: "%s" }
                """
                        .formatted(out));
        assertThat(sluice("submit", job.toString(), "--explain").out()).contains("shuffle: group on (none)");

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> kept = sales().stream()
                .filter(sale -> !sale.get("country").equals("JP"))
                .toList();
        long units =
                kept.stream().mapToLong(sale -> Long.parseLong(sale.get("qty"))).sum();
        String top = kept.stream()
                .map(sale -> new java.math.BigDecimal(sale.get("price")))
                .max(java.math.BigDecimal::compareTo)
                .orElseThrow()
                .toPlainString();
        assertThat(OutputFiles.rows(out, "orders:bigint,units:bigint,top:decimal(5,2)").stream()
                        .map(SubmitChainedJobsTest::text))
                .containsExactly(kept.size() + "|" + units + "|" + top);
    }

    @Test
    void anAggregateJoinedWithABroadcastSourceInTheReducer() throws IOException {
        Path products = Files.writeString(dir.resolve("products.csv"), "name|label\ngizmo|G\nwidget|W\nnone|N\n");
        Path out = dir.resolve("out/labels");
        Path job = Files.writeString(
                dir.resolve("labels.yaml"),
                """
                name: labels
                source: lake.sales
                sources:
                  products: { path: "%s", format: csv, header: true, delimiter: "|", schema: "name string, label string" }
                stages:
                  - reduce: { group_by: [product], aggregate: { n: "count(*)" } }
                  - join: { with: products, type: left, on: { product: name }, columns: [label], strategy: broadcast }
                output: { path: "%s" }
                """
                        .formatted(products, out));
        assertThat(sluice("submit", job.toString(), "--explain").out())
                .contains("then stage 2 (broadcast join with products");

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Long> counts = new TreeMap<>();
        sales().forEach(sale -> counts.merge(sale.get("product"), 1L, Long::sum));
        Map<String, String> labels = Map.of("gizmo", "G", "widget", "W");
        List<String> expected = counts.entrySet().stream()
                .map(e -> e.getKey() + "|" + e.getValue() + "|" + labels.get(e.getKey()))
                .toList();
        assertThat(OutputFiles.rows(out, "product:string,n:bigint,label:string").stream()
                        .map(SubmitChainedJobsTest::text))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void intermediateRowsAreDeletedWhenARunFailsAndBadRecordsOfEveryJobAreKept() throws IOException {
        Path data = Files.writeString(dir.resolve("orders.csv"), "id,qty\n1,2\n2,x\n3,4\n3,1\n");
        String definition =
                """
                name: totals
                source: { path: "%s", format: csv, header: true, schema: "id int, qty int" }
                max_bad_records: %d
                stages:
                  - reduce: { group_by: [id], aggregate: { total: "sum(qty)" } }
                  - sort: { by: ["total DESC"] }
                output: { path: "%s" }
                """;
        Path out = dir.resolve("out/totals");

        CliRun failed = sluice(
                "submit",
                Files.writeString(dir.resolve("t0.yaml"), definition.formatted(data, 0, out))
                        .toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("MapReduce job 1 of 2");
        assertThat(OutputFiles.hidden(dir.resolve("out"))).isEmpty();
        assertThat(out).doesNotExist();

        CliRun run = sluice(
                "submit",
                Files.writeString(dir.resolve("t1.yaml"), definition.formatted(data, 1, out))
                        .toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 rows read, 2 written, 1 bad records");
        assertThat(OutputFiles.rows(out, "id:int,total:bigint").stream().map(SubmitChainedJobsTest::text))
                .containsExactly("3|5", "1|2");
        assertThat(OutputFiles.hidden(dir.resolve("out"))).isEmpty();
        try (Stream<Path> errors = Files.list(out.resolve("_errors"))) {
            String text = errors.map(SubmitChainedJobsTest::read).reduce("", String::concat);
            assertThat(text).contains("orders.csv").contains("'x'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
