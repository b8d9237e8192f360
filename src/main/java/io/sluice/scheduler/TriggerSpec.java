package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import io.sluice.runs.RunState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What makes a trigger fire: one of the four kinds of trigger, as Glue has them. */
public sealed interface TriggerSpec {
    /** Glue's name of the kind: {@code SCHEDULED}, {@code ON_DEMAND}, {@code CONDITIONAL} or {@code EVENT}. */
    String glueType();

    /** Whether firing starts a new workflow run (every kind but a condition on other runs). */
    default boolean startsWorkflow() {
        return !(this instanceof After);
    }

    /** What to do about times a schedule missed while the scheduler was not running. */
    enum Catchup {
        /** Skip them: only a time that is due now fires. */
        NONE,
        /** Fire once for the latest of them (the default). */
        LAST,
        /** Fire once for each of them, oldest first. */
        ALL
    }

    /** A cron schedule. */
    record Schedule(CronSchedule cron, Catchup catchup) implements TriggerSpec {
        public Schedule {
            requireNonNull(cron, "cron is null");
            requireNonNull(catchup, "catchup is null");
        }

        @Override
        public String glueType() {
            return "SCHEDULED";
        }
    }

    /** Fired by hand: {@code sluice trigger fire NAME}. */
    record OnDemand() implements TriggerSpec {
        @Override
        public String glueType() {
            return "ON_DEMAND";
        }
    }

    /** Whether all conditions must hold or any one of them. */
    enum Logic {
        ALL,
        ANY
    }

    /** One condition: the final run of a job or crawler ended in a state. */
    record Condition(NodeRef node, RunState state) {
        public Condition {
            requireNonNull(node, "node is null");
            requireNonNull(state, "state is null");
            if (!state.isTerminal()) {
                throw new IllegalArgumentException("a condition waits for a final state, not " + state);
            }
        }

        @Override
        public String toString() {
            return node + " " + state;
        }
    }

    /** Fires when other runs ended as the conditions say: Glue's conditional trigger. */
    record After(Logic logic, List<Condition> conditions) implements TriggerSpec {
        public After {
            requireNonNull(logic, "logic is null");
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("a condition trigger needs at least one condition");
            }
        }

        @Override
        public String glueType() {
            return "CONDITIONAL";
        }
    }

    /**
     * Fires on new files under a path: when a done flag ({@code _SUCCESS}) appears or is renewed, when {@code
     * minFiles} new files have arrived, or when new files have stopped arriving for {@code quietWindow}; Glue's event
     * trigger with its batch size and batch window.
     */
    record Data(String path, Optional<String> doneFlag, OptionalInt minFiles, Optional<Duration> quietWindow)
            implements TriggerSpec {
        public Data {
            requireNonNull(path, "path is null");
            requireNonNull(doneFlag, "doneFlag is null");
            requireNonNull(minFiles, "minFiles is null");
            requireNonNull(quietWindow, "quietWindow is null");
            if (doneFlag.isEmpty() && minFiles.isEmpty() && quietWindow.isEmpty()) {
                throw new IllegalArgumentException("a data trigger needs done_flag, min_files or quiet_window");
            }
        }

        @Override
        public String glueType() {
            return "EVENT";
        }
    }
}
