package io.sluice.crawler;

import java.util.List;

/** Every change a crawl makes to the catalog, decided before any is written. */
public record CrawlPlan(
        String database, boolean createDatabase, List<TableChange> changes, List<VanishedTable> vanished) {
    public CrawlPlan {
        changes = List.copyOf(changes);
        vanished = List.copyOf(vanished);
    }
}
