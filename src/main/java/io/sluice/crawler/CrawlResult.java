package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a crawl: the catalog changes decided (and applied unless it was a dry run), the decisions that
 * explain them, and every file that could not be used, with the reason.
 *
 * @param filesFound data files found under the targets
 * @param filesSampled files whose sample the classifiers read
 * @param filesExcluded files and folders left out by the crawler's exclude globs
 * @param decisions why folders were not taken as one table
 * @param warnings files and folders left out, one line each: path and reason
 */
public record CrawlResult(
        CrawlerDefinition definition,
        boolean dryRun,
        CrawlPlan plan,
        int filesFound,
        int filesSampled,
        int filesExcluded,
        List<String> decisions,
        List<String> warnings,
        Duration elapsed) {

    public CrawlResult {
        requireNonNull(definition, "definition is null");
        requireNonNull(plan, "plan is null");
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
        requireNonNull(elapsed, "elapsed is null");
    }

    public long count(TableChange.Kind kind) {
        return plan.changes().stream().filter(c -> c.kind() == kind).count();
    }
}
