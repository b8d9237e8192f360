package io.sluice.crawler;

import io.sluice.catalog.Table;
import io.sluice.crawler.CrawlerDefinition.DeleteBehavior;

/** A table this crawler created earlier whose data is gone, and what the delete policy does with it. */
public record VanishedTable(Table table, DeleteBehavior action) {}
