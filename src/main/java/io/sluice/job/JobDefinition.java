package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job as its definition file describes it ({@code jobs/NAME.yaml}, read by {@link JobDefinitions}): rows from a
 * {@code source} go through a chain of {@code stages} into an {@code output}.
 *
 * <ul>
 *   <li>{@code file}: the definition's file name, for messages;
 *   <li>{@code source}: the input of the first stage; {@code sources}: other named sources, for joins and unions;
 *   <li>{@code arguments}: the values the {@code ${KEY}} placeholders were filled with ({@code --arg} over the file's
 *       defaults);
 *   <li>{@code retries}: how many times a failed run is tried again, after {@code retryDelay} (the first retry's
 *       delay, doubled for each further one); {@code timeout}: how long a run may take;
 *   <li>{@code triggers}: the {@code triggers:} entries, for the scheduler.
 * </ul>
 *
 * A definition is structurally sound; {@link JobValidator} checks it against the schemas of its sources.
 */
public record JobDefinition(
        String file,
        String name,
        Optional<String> description,
        Source source,
        Map<String, Source> sources,
        List<Stage> stages,
        Output output,
        Map<String, String> arguments,
        int retries,
        Optional<Duration> retryDelay,
        Optional<Duration> timeout,
        BadRecordLimit maxBadRecords,
        List<TriggerEntry> triggers) {

    public JobDefinition {
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(source, "source is null");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sources, "sources is null")));
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
        requireNonNull(output, "output is null");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arguments, "arguments is null")));
        requireNonNull(retryDelay, "retryDelay is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(maxBadRecords, "maxBadRecords is null");
        triggers = List.copyOf(requireNonNull(triggers, "triggers is null"));
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (retryDelay.isPresent() && retryDelay.get().isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative, got " + retryDelay.get());
        }
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout.get());
        }
    }

    /** A named source, if the job defines it. */
    public Optional<Source> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }
}
