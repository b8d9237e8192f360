package io.sluice.definition;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a definition file, collected so that all of them are reported at once, each as
 * {@code file:line: field: what is wrong}.
 */
public final class Problems {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, String message) {
        problems.add(file + ":" + line + ": " + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> all() {
        return List.copyOf(problems);
    }

    /** Throws an {@code INVALID_DEFINITION} error listing every problem, if there is any. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        String summary = problems.size() == 1
                ? "invalid definition " + problems.get(0)
                : "invalid definition " + file + " (" + problems.size() + " problems):\n  "
                        + String.join("\n  ", problems);
        throw new SluiceException(ErrorCode.INVALID_DEFINITION, summary);
    }
}
