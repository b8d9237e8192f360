package io.sluice.crawler;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * What walking one crawl target found: the data files, and the files left out with the reason (counted, not
 * silently dropped).
 */
public record Listing(Path target, List<DataFile> files, List<Skipped> skipped) {
    public Listing {
        requireNonNull(target, "target is null");
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** A file or folder left out of the crawl, and why; {@code excluded} when the crawler's globs asked for it. */
    public record Skipped(String path, String reason, boolean excluded) {}
}
