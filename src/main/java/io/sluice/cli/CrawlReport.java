package io.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableDiff;
import io.sluice.crawler.CrawlResult;
import io.sluice.crawler.TableChange;
import io.sluice.crawler.VanishedTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Prints a crawl's outcome: one line per table with what happened and why, then the warnings. */
final class CrawlReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CrawlResult result;

    CrawlReport(CrawlResult result) {
        this.result = result;
    }

    void print(PrintWriter out) {
        out.printf(
                "%s %s: %d files found, %d sampled, %d excluded, in %.1f s%n",
                result.dryRun() ? "Dry run of crawler" : "Crawler",
                result.definition().name(),
                result.filesFound(),
                result.filesSampled(),
                result.filesExcluded(),
                result.elapsed().toMillis() / 1000.0);
        if (result.plan().createDatabase()) {
            out.println((result.dryRun() ? "would create" : "created") + " database "
                    + result.plan().database());
        }
        for (TableChange change : result.plan().changes()) {
            printChange(out, change);
        }
        for (VanishedTable gone : result.plan().vanished()) {
            out.printf("- %s: its data is gone (%s)%n", gone.table().id(), verb(gone));
        }
        out.printf(
                "tables: %d created, %d updated, %d statistics refreshed, %d unchanged, %d with data gone%n",
                result.count(TableChange.Kind.CREATE),
                result.count(TableChange.Kind.UPDATE) + result.count(TableChange.Kind.SCHEMA_CHANGE_LOGGED),
                result.count(TableChange.Kind.REFRESH_STATISTICS),
                result.count(TableChange.Kind.UNCHANGED),
                result.plan().vanished().size());
        if (!result.decisions().isEmpty() && result.dryRun()) {
            out.println("decisions:");
            result.decisions().forEach(d -> out.println("  " + d));
        }
        if (!result.warnings().isEmpty()) {
            out.println("warnings (" + result.warnings().size() + "):");
            result.warnings().forEach(w -> out.println("  " + w));
        }
        if (result.dryRun()) {
            out.println("Nothing was written (dry run).");
        }
    }

    private void printChange(PrintWriter out, TableChange change) {
        Table table = change.proposed();
        String mark =
                switch (change.kind()) {
                    case CREATE -> "+";
                    case UPDATE, SCHEMA_CHANGE_LOGGED -> "~";
                    case REFRESH_STATISTICS, UNCHANGED -> "=";
                };
        out.printf(
                "%s %s  %s, %d columns%s  %s%n",
                mark,
                table.id(),
                table.parameters().get("classification"),
                table.storageDescriptor().columns().size(),
                partitionSummary(change),
                describe(change));
        if (change.existing().isPresent()
                && (change.kind() == TableChange.Kind.UPDATE
                        || change.kind() == TableChange.Kind.SCHEMA_CHANGE_LOGGED)) {
            TableDiff.between(change.existing().get(), table).render().lines().forEach(l -> out.println("    " + l));
        }
        if (result.dryRun() || change.kind() == TableChange.Kind.CREATE) {
            out.println("    at " + table.storageDescriptor().location());
            change.reasons().forEach(r -> out.println("    why: " + r));
        }
    }

    private String describe(TableChange change) {
        String would = result.dryRun() ? "would be " : "";
        return switch (change.kind()) {
            case CREATE -> would + "created";
            case UPDATE -> would + "updated to a new version";
            case REFRESH_STATISTICS -> "statistics " + would + "refreshed";
            case UNCHANGED -> "unchanged";
            case SCHEMA_CHANGE_LOGGED -> "schema changed; not applied (update policy: log)";
        };
    }

    private static String partitionSummary(TableChange change) {
        if (!change.proposed().isPartitioned()) {
            return "";
        }
        StringBuilder summary = new StringBuilder(
                ", partitioned by " + String.join(", ", change.proposed().partitionKeyNames()));
        summary.append(" (").append(change.added().size()).append(" new");
        if (!change.updated().isEmpty()) {
            summary.append(", ").append(change.updated().size()).append(" changed");
        }
        if (change.unchanged() > 0) {
            summary.append(", ").append(change.unchanged()).append(" unchanged");
        }
        if (!change.vanished().isEmpty()) {
            summary.append(", ").append(change.vanished().size()).append(" gone");
        }
        return summary.append(" partitions)").toString();
    }

    private String verb(VanishedTable gone) {
        String would = result.dryRun() ? "would be " : "";
        return switch (gone.action()) {
            case DELETE -> would + "dropped";
            case DEPRECATE -> would + "marked deprecated";
            case LOG -> "left in place (delete policy: log)";
        };
    }

    String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("CrawlerName", result.definition().name());
        root.put("DatabaseName", result.plan().database());
        root.put("DryRun", result.dryRun());
        root.put("FilesFound", result.filesFound());
        root.put("FilesSampled", result.filesSampled());
        root.put("FilesExcluded", result.filesExcluded());
        root.put("TablesCreated", result.count(TableChange.Kind.CREATE));
        root.put("TablesUpdated", result.count(TableChange.Kind.UPDATE));
        root.put(
                "TablesUnchanged",
                result.count(TableChange.Kind.UNCHANGED) + result.count(TableChange.Kind.REFRESH_STATISTICS));
        root.put("TablesDeleted", result.plan().vanished().size());
        root.put("ElapsedSeconds", result.elapsed().toMillis() / 1000.0);
        ArrayNode tables = root.putArray("Tables");
        for (TableChange change : result.plan().changes()) {
            ObjectNode node = tables.addObject();
            node.put("Action", change.kind().name());
            node.set("Table", GlueJson.table(change.proposed()));
            node.set("PartitionsAdded", values(change.added()));
            node.set("PartitionsUpdated", values(change.updated()));
            node.put("PartitionsUnchanged", change.unchanged());
            node.set("PartitionsRemoved", values(change.vanished()));
            ArrayNode reasons = node.putArray("Reasons");
            change.reasons().forEach(reasons::add);
        }
        ArrayNode vanished = root.putArray("TablesGone");
        for (VanishedTable gone : result.plan().vanished()) {
            ObjectNode node = vanished.addObject();
            node.put("Name", gone.table().id().toString());
            node.put("Action", gone.action().name().toLowerCase(Locale.ROOT));
        }
        strings(root.putArray("Decisions"), result.decisions());
        strings(root.putArray("Warnings"), result.warnings());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode values(List<Partition> partitions) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Partition partition : partitions) {
            ArrayNode values = array.addArray();
            partition.values().forEach(values::add);
        }
        return array;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
