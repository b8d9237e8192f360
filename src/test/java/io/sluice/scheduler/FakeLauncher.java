package io.sluice.scheduler;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Processes that live as long as the test says: each launch is a fake process; {@link #finishAll} plays the processes'
 * part, recording each run's outcome in the history as the child process would and exiting with its code. Outcomes are
 * scripted per node (the first attempts fail, the rest succeed); a node without a script succeeds.
 */
final class FakeLauncher implements Launcher {
    /** What a scripted attempt does: its outcome and exit code. */
    record Script(RunOutcome outcome, int exitCode) {
        static Script fail() {
            return new Script(RunOutcome.failed("it failed on purpose", Map.of()), 1);
        }

        static Script invalid() {
            return new Script(RunOutcome.failed("its definition is invalid", Map.of()), 2);
        }
    }

    static final class FakeProcess implements Launch {
        final Run run;
        final long pid;
        boolean alive = true;
        boolean stopped;
        OptionalInt exit = OptionalInt.empty();

        FakeProcess(Run run, long pid) {
            this.run = run;
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public OptionalInt exitCode() {
            return exit;
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    private final RunStore history;
    private final Map<String, Deque<Script>> scripts = new HashMap<>();
    private final Map<Long, FakeProcess> processes = new LinkedHashMap<>();
    private final List<Run> launched = new ArrayList<>();
    private long nextPid = 1000;

    FakeLauncher(RunStore history) {
        this.history = history;
    }

    void script(String node, Script... attempts) {
        scripts.computeIfAbsent(node, n -> new ArrayDeque<>()).addAll(List.of(attempts));
    }

    @Override
    public Launch launch(Run run, Node node) {
        FakeProcess process = new FakeProcess(run, nextPid++);
        processes.put(process.pid, process);
        launched.add(run);
        return process;
    }

    @Override
    public Optional<Launch> adopt(Run run, OptionalLong pid) {
        return processes.values().stream()
                .filter(process -> pid.isEmpty() || process.pid == pid.getAsLong())
                .filter(process -> process.alive && process.run.id().equals(run.id()))
                .findFirst()
                .map(Launch.class::cast);
    }

    List<Run> launched() {
        return launched;
    }

    List<FakeProcess> alive() {
        return processes.values().stream().filter(p -> p.alive).toList();
    }

    /** Every live process ends as scripted: its run's outcome recorded, then its exit. */
    void finishAll() {
        alive().forEach(this::finish);
    }

    void finish(FakeProcess process) {
        Deque<Script> script = scripts.getOrDefault(process.run.name(), new ArrayDeque<>());
        Script next = process.stopped
                ? new Script(RunOutcome.stopped("stopped", Map.of()), 1)
                : script.isEmpty() ? new Script(RunOutcome.succeeded(Map.of("rows.written", 7L)), 0) : script.poll();
        try {
            history.finish(process.run.id(), next.outcome());
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.CONCURRENT_MODIFICATION) {
                throw e;
            }
        }
        process.alive = false;
        process.exit = OptionalInt.of(next.exitCode());
    }

    /** A process that dies without recording anything (killed). */
    void kill(FakeProcess process, int exitCode) {
        process.alive = false;
        process.exit = OptionalInt.of(exitCode);
    }
}
