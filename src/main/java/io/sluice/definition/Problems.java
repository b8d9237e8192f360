package io.sluice.definition;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in a definition file, collected so that all of them are reported at once, each as
 * {@code file:line: field: what is wrong}, in the order of their lines (problems of one line in the order found).
 */
public final class Problems {
    private record Problem(int line, String message) {}

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, String message) {
        problems.add(new Problem(line, file + ":" + line + ": " + message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> all() {
        return problems.stream()
                .sorted(Comparator.comparingInt(Problem::line))
                .map(Problem::message)
                .toList();
    }

    /** Throws an {@code INVALID_DEFINITION} error listing every problem, if there is any. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> messages = all();
        String summary = messages.size() == 1
                ? "invalid definition " + messages.get(0)
                : "invalid definition " + file + " (" + messages.size() + " problems):\n  "
                        + String.join("\n  ", messages);
        throw new SluiceException(ErrorCode.INVALID_DEFINITION, summary);
    }
}
