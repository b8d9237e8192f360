package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice cat}: a crawl's verdict proven by reading the data back through the job readers. */
class CatCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path catalogDir;

    @TempDir
    Path lake;

    private CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void everyTableOfTheSampleLakeReadsBackAsCatalogued() throws IOException {
        CliRun crawl = sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
        JsonNode tables = JSON.readTree(
                        sluice("catalog", "tables", "lake", "--json").out())
                .get("TableList");
        assertThat(tables).hasSize(14);
        for (JsonNode table : tables) {
            String name = "lake." + table.get("Name").asText();
            CliRun cat = sluice("cat", name, "--format", "json");
            assertThat(cat.exitCode()).as(name + ": " + cat.err()).isZero();
            assertThat(cat.err()).as(name).isEmpty();
            long rows = cat.out().lines().count();
            JsonNode recordCount = table.get("Parameters").get("recordCount");
            if (recordCount != null) {
                assertThat(rows).as(name).isEqualTo(recordCount.asLong());
            } else {
                assertThat(rows).as(name).isPositive();
            }
        }
        JsonNode firstEvent = JSON.readTree(
                sluice("cat", "lake.events", "--format", "json", "--limit", "1").out());
        assertThat(firstEvent.get("user").get("country").isTextual()).isTrue();
        assertThat(firstEvent.get("partition_0").asText()).isEqualTo("2024");
    }

    @Test
    void partitionPruningAndSchemaDrift() {
        sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());

        CliRun old = sluice("cat", "lake.sales", "--where", "year = '2024'", "--limit", "1");
        assertThat(old.out().lines())
                .containsExactly(
                        "order_id,order_ts,country,product,qty,price,discount,year,month",
                        "1001,2024-01-15 17:54:59,JP,gizmo,9,149.00,,2024,01");
        CliRun recent = sluice("cat", "lake.sales", "--where", "year = '2025'");
        assertThat(recent.out().lines()).hasSize(13);
        assertThat(recent.out().lines().skip(1))
                .allSatisfy(line -> assertThat(line).matches(".*,0\\.\\d\\d,2025,01"));
    }

    @Test
    void badValuesAreReportedWithTheirPlaceNeverTurnedIntoNull() throws IOException {
        Path orders = lake.resolve("orders/orders.csv");
        Files.createDirectories(orders.getParent());
        Files.writeString(orders, "id,qty\n1,5\n2,6\n3,7\n");
        assertThat(sluice("crawl", lake.toString(), "--database", "shop").exitCode())
                .isZero();
        Files.writeString(orders, "id,qty\n1,5\n2,12x\n3,7\n");

        CliRun cat = sluice("cat", "shop.orders");

        assertThat(cat.exitCode()).isEqualTo(1);
        assertThat(cat.out().lines()).containsExactly("id,qty", "1,5", "3,7");
        assertThat(cat.err())
                .contains("orders.csv:3: column qty: '12x' is not a valid int")
                .contains("1 bad record");
    }

    @Test
    void filesAreReadWithTheirClassification() throws IOException {
        Path events = lake.resolve("e.json");
        Files.writeString(events, "{\"id\": 1, \"at\": \"2024-01-02T03:04:05Z\"}\n{\"id\": 2, \"at\": null}\n");

        CliRun cat = sluice("cat", events.toString());

        assertThat(cat.exitCode()).as(cat.err()).isZero();
        assertThat(cat.out().lines()).containsExactly("id,at", "1,2024-01-02 03:04:05", "2,");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        CliRun cat = sluice("cat", lake.resolve("nothing-here").toString());
        assertThat(cat.exitCode()).isEqualTo(2);
        assertThat(cat.err()).contains("no table or file named");
    }
}
