package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another engine reads what Sluice writes: DuckDB reads the Hive-partitioned Parquet output of {@code
 * jobs/daily_revenue.yaml} (and of a job keeping timestamps) with the types their columns have in the catalog, and
 * aggregates them to the values Sluice reads.
 */
class DuckDbReadsParquetOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @BeforeEach
    void crawl() {
        CliRun crawl = sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
    }

    @Test
    void duckDbSeesTheTypesAndTheTotalsOfDailyRevenue() throws Exception {
        Path out = dir.resolve("daily_revenue");
        String yaml = Files.readString(Path.of("jobs/daily_revenue.yaml"))
                .replace("path: out/daily_revenue", "path: \"" + out + "\"");
        Path job = Files.writeString(dir.resolve("daily_revenue.yaml"), yaml);

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object[]> sluiceTotals = new TreeMap<>();
        for (JsonNode row : rows("analytics.daily_revenue")) {
            Object[] totals = sluiceTotals.computeIfAbsent(
                    row.get("country").asText(), k -> new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO});
            totals[0] = (Long) totals[0] + row.get("orders").asLong();
            totals[1] = ((BigDecimal) totals[1]).add(row.get("revenue").decimalValue());
            totals[2] = ((BigDecimal) totals[2]).max(row.get("biggest_order").decimalValue());
        }
        assertThat(sluiceTotals).isNotEmpty();
        String files = "read_parquet('" + out + "/**/*.parquet', hive_partitioning = true)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            assertThat(types(sql, files))
                    .containsEntry("day", "DATE")
                    .containsEntry("orders", "BIGINT")
                    .containsEntry("revenue", type(catalogType("analytics.daily_revenue", "revenue")))
                    .containsEntry("biggest_order", type(catalogType("analytics.daily_revenue", "biggest_order")))
                    .containsEntry("country", "VARCHAR");
            Map<String, Object[]> duckTotals = new TreeMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT country, sum(orders), sum(revenue), max(biggest_order) FROM "
                    + files + " GROUP BY country")) {
                while (rs.next()) {
                    duckTotals.put(
                            rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
            assertThat(duckTotals.keySet()).isEqualTo(sluiceTotals.keySet());
            sluiceTotals.forEach((country, totals) -> {
                Object[] duckdb = duckTotals.get(country);
                assertThat(duckdb[0]).as(country + " orders").isEqualTo(totals[0]);
                assertThat((BigDecimal) duckdb[1]).as(country + " revenue").isEqualByComparingTo((BigDecimal)
                        totals[1]);
                assertThat((BigDecimal) duckdb[2]).as(country + " biggest").isEqualByComparingTo((BigDecimal)
                        totals[2]);
            });
        }
    }

    @Test
    void duckDbReadsTimestampsAsLocalTimestamps() throws Exception {
        Path out = dir.resolve("orders");
        Path job = Files.writeString(
                dir.resolve("orders.yaml"),
                """
                name: orders
                source: lake.sales
                stages:
                  - map: { select: { order_id: order_id, order_ts: order_ts, day: "CAST(order_ts AS DATE)",
                                     country: country } }
                output: { path: "%s", partition_by: [country], table: analytics.orders }
                """
                        .formatted(out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<Long, String> sluiceTimestamps = new TreeMap<>();
        for (JsonNode row : rows("analytics.orders")) {
            sluiceTimestamps.put(
                    row.get("order_id").asLong(), row.get("order_ts").asText());
        }
        String files = "read_parquet('" + out + "/**/*.parquet', hive_partitioning = true)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            assertThat(types(sql, files)).containsEntry("order_ts", "TIMESTAMP").containsEntry("day", "DATE");
            Map<Long, String> duckTimestamps = new TreeMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT order_id, strftime(order_ts, '%Y-%m-%d %H:%M:%S') FROM "
                    + files + " WHERE CAST(order_ts AS DATE) = day")) {
                while (rs.next()) {
                    duckTimestamps.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(duckTimestamps).hasSize(36).isEqualTo(sluiceTimestamps);
        }
    }

    /** The rows of a table as Sluice reads them. */
    private Iterable<JsonNode> rows(String table) throws IOException {
        CliRun cat = sluice("cat", table, "--format", "json");
        assertThat(cat.exitCode()).as(cat.err()).isZero();
        java.util.List<JsonNode> rows = new java.util.ArrayList<>();
        for (String line : cat.out().lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private String catalogType(String table, String column) throws IOException {
        JsonNode show = JSON.readTree(sluice("catalog", "show", table, "--json").out());
        for (JsonNode c : show.get("Table").get("StorageDescriptor").get("Columns")) {
            if (c.get("Name").asText().equals(column)) {
                return c.get("Type").asText();
            }
        }
        throw new AssertionError("no column " + column + " in " + table);
    }

    /** DuckDB's name of a Hive decimal type. */
    private static String type(String hive) {
        assertThat(hive).startsWith("decimal(");
        return hive.toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> types(Statement sql, String files) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + files)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }
}
