package io.sluice.format.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.catalog.Column;
import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.Schemas;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Measures how fast {@link DelimitedFormat} reads a generated sales CSV (a manual measurement, not a test): {@code
 * DelimitedReadThroughput [file] [megabytes] [rounds] [quoted]}. The file is written once if missing; every round
 * reads it whole and reports MB/s and rows/s, by the clock and per CPU second of the reading thread (steadier on a busy
 * machine).
 */
public final class DelimitedReadThroughput {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DelimitedReadThroughput() {}

    public static void main(String[] args) throws IOException, BadRecordException {
        java.nio.file.Path file = java.nio.file.Path.of(args.length > 0 ? args[0] : "/tmp/sluice-sales.csv");
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean quoted = args.length > 3 && Boolean.parseBoolean(args[3]);
        if (!Files.exists(file)) {
            generate(file, megabytes * 1024L * 1024L, quoted);
        }
        ReadSpec spec = spec(quoted);
        Configuration conf = new Configuration();
        Path path = new Path(file.toUri());
        long bytes = Files.size(file);
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            long rows = 0;
            long checksum = 0;
            try (RowReader reader = new DelimitedFormat().open(conf, path, 0, bytes, spec)) {
                Row row = new Row(spec.schema().fields().size());
                while (reader.next(row)) {
                    rows++;
                    checksum += ((Integer) row.get(4));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            System.out.printf(
                    "round %d: %,d rows, %.1f MB in %.2f s (%.2f s CPU): %.1f MB/s, %,.0f rows/s; per CPU second"
                            + " %.1f MB, %,.0f rows (checksum %d)%n",
                    round,
                    rows,
                    bytes / 1e6,
                    seconds,
                    cpu,
                    bytes / 1e6 / seconds,
                    rows / seconds,
                    bytes / 1e6 / cpu,
                    rows / cpu,
                    checksum);
        }
    }

    private static ReadSpec spec(boolean quoted) {
        List<Column> columns = List.of(
                Column.of("order_id", "bigint"),
                Column.of("order_ts", "timestamp"),
                Column.of("country", "string"),
                Column.of("product", "string"),
                Column.of("qty", "int"),
                Column.of("price", "decimal(8,2)"),
                Column.of("discount", "double"));
        SerDeInfo serde = quoted
                ? SerDeInfo.of(
                        "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                        Map.of("separatorChar", ",", "quoteChar", "\"", "escapeChar", "\""))
                : SerDeInfo.of("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("field.delim", ","));
        return new ReadSpec(
                Schemas.struct(columns),
                "org.apache.hadoop.mapred.TextInputFormat",
                serde,
                Map.of(
                        "classification", "csv",
                        "skip.header.line.count", "1",
                        "sluice.format.order_ts", "yyyy-MM-dd HH:mm:ss[.S][XXX]"));
    }

    private static void generate(java.nio.file.Path file, long size, boolean quoted) throws IOException {
        String[] countries = {"DE", "FR", "US", "BR", "JP", "IN", "GB", "ES"};
        String[] products = {"widget", "gadget", "thing", "doohickey", "gizmo, large", "whatsit"};
        Random random = new Random(7);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = "order_id,order_ts,country,product,qty,price,discount\n".getBytes(UTF_8);
            out.write(header);
            StringBuilder line = new StringBuilder(128);
            for (long id = 1; written < size; id++) {
                line.setLength(0);
                String product = products[random.nextInt(products.length)];
                line.append(id)
                        .append(",2024-")
                        .append(two(1 + random.nextInt(12)))
                        .append('-')
                        .append(two(1 + random.nextInt(28)))
                        .append(' ')
                        .append(two(random.nextInt(24)))
                        .append(':')
                        .append(two(random.nextInt(60)))
                        .append(':')
                        .append(two(random.nextInt(60)))
                        .append(',')
                        .append(countries[random.nextInt(countries.length)])
                        .append(',')
                        .append(quoted ? "\"" + product + "\"" : product.replace(",", ""))
                        .append(',')
                        .append(1 + random.nextInt(20))
                        .append(',')
                        .append(random.nextInt(100_000) / 100)
                        .append('.')
                        .append(two(random.nextInt(100)))
                        .append(',')
                        .append(random.nextInt(50) / 100.0)
                        .append('\n');
                byte[] bytes = line.toString().getBytes(UTF_8);
                out.write(bytes);
                written += bytes.length;
            }
        }
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
