package io.sluice.cli;

import io.sluice.scheduler.DefinitionLoader;
import io.sluice.scheduler.Definitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --jobs DIR --crawlers DIR}: where the scheduler's commands read job and crawler definitions. */
final class DefinitionDirs {
    static final Path DEFAULT_JOBS = Path.of("jobs");
    static final Path DEFAULT_CRAWLERS = Path.of("crawler");

    @Option(names = "--jobs", paramLabel = "DIR", description = "Job definitions with their triggers (default: jobs/).")
    Path jobs;

    @Option(
            names = "--crawlers",
            paramLabel = "DIR",
            description = "Crawler definitions with their triggers (default: crawler/).")
    Path crawlers;

    /** Reads and checks every definition; a default folder that does not exist is left out. */
    Definitions load() {
        return DefinitionLoader.load(folder(jobs, DEFAULT_JOBS), folder(crawlers, DEFAULT_CRAWLERS));
    }

    /** {@code jobs/ crawler/}, for messages. */
    String describe() {
        return folder(jobs, DEFAULT_JOBS).map(Path::toString).orElse("-") + " "
                + folder(crawlers, DEFAULT_CRAWLERS).map(Path::toString).orElse("-");
    }

    private static Optional<Path> folder(Path given, Path fallback) {
        if (given != null) {
            return Optional.of(given);
        }
        return Files.isDirectory(fallback) ? Optional.of(fallback) : Optional.empty();
    }
}
