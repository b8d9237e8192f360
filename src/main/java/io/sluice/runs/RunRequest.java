package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to run and why: the part of a run known before it starts.
 *
 * <ul>
 *   <li>{@code kind} and {@code name}: the job, crawler or workflow;
 *   <li>{@code definitionFile}: the file it was read from, such as {@code jobs/daily_revenue.yaml};
 *   <li>{@code arguments}: the values its {@code ${KEY}} placeholders were filled with;
 *   <li>{@code trigger}: the name of the trigger that started it, {@link #MANUAL} for a run asked for on the command
 *       line;
 *   <li>{@code attempt}: 0 for a first run, 1 for the first retry, ...; a retry names the run it retries in {@code
 *       previousRunId};
 *   <li>{@code workflowRunId}: the workflow run it is part of, if any;
 *   <li>{@code output} and {@code outputTable}: where it writes and the catalog table it registers, if known.
 * </ul>
 */
public record RunRequest(
        RunKind kind,
        String name,
        Optional<String> definitionFile,
        Map<String, String> arguments,
        String trigger,
        int attempt,
        Optional<String> previousRunId,
        Optional<String> workflowRunId,
        Optional<String> output,
        Optional<String> outputTable) {
    /** The trigger of a run asked for by hand, such as {@code sluice submit}. */
    public static final String MANUAL = "manual";

    public RunRequest {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(definitionFile, "definitionFile is null");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arguments, "arguments is null")));
        requireNonNull(trigger, "trigger is null");
        requireNonNull(previousRunId, "previousRunId is null");
        requireNonNull(workflowRunId, "workflowRunId is null");
        requireNonNull(output, "output is null");
        requireNonNull(outputTable, "outputTable is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("run name is blank");
        }
        if (trigger.isBlank()) {
            throw new IllegalArgumentException("trigger of run " + name + " is blank");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
        }
        if (attempt > 0 && previousRunId.isEmpty()) {
            throw new IllegalArgumentException("attempt " + attempt + " of " + name + " must name its previous run");
        }
    }

    /** A manual first run of a job. */
    public static Builder job(String name) {
        return new Builder(RunKind.JOB, name);
    }

    public static Builder builder(RunKind kind, String name) {
        return new Builder(kind, name);
    }

    /** The request for the next attempt after {@code previous} failed: same work, same trigger. */
    public RunRequest retryOf(String previous) {
        return new RunRequest(
                kind,
                name,
                definitionFile,
                arguments,
                trigger,
                attempt + 1,
                Optional.of(previous),
                workflowRunId,
                output,
                outputTable);
    }

    /** Builds a request; everything but the kind and name is optional. */
    public static final class Builder {
        private final RunKind kind;
        private final String name;
        private Optional<String> definitionFile = Optional.empty();
        private Map<String, String> arguments = Map.of();
        private String trigger = MANUAL;
        private int attempt;
        private Optional<String> previousRunId = Optional.empty();
        private Optional<String> workflowRunId = Optional.empty();
        private Optional<String> output = Optional.empty();
        private Optional<String> outputTable = Optional.empty();

        private Builder(RunKind kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        public Builder definitionFile(String file) {
            this.definitionFile = Optional.of(file);
            return this;
        }

        public Builder arguments(Map<String, String> arguments) {
            this.arguments = arguments;
            return this;
        }

        public Builder trigger(String trigger) {
            this.trigger = trigger;
            return this;
        }

        /** A retry: its attempt number and the run it follows. */
        public Builder attempt(int attempt, String previousRunId) {
            this.attempt = attempt;
            this.previousRunId = Optional.of(previousRunId);
            return this;
        }

        public Builder workflowRunId(String workflowRunId) {
            this.workflowRunId = Optional.of(workflowRunId);
            return this;
        }

        public Builder output(String output) {
            this.output = Optional.of(output);
            return this;
        }

        public Builder outputTable(String outputTable) {
            this.outputTable = Optional.of(outputTable);
            return this;
        }

        public RunRequest build() {
            return new RunRequest(
                    kind,
                    name,
                    definitionFile,
                    arguments,
                    trigger,
                    attempt,
                    previousRunId,
                    workflowRunId,
                    output,
                    outputTable);
        }
    }
}
