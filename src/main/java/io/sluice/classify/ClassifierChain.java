package io.sluice.classify;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs classifiers in order over a sample: custom classifiers first, in their configured order, then the built-ins.
 * The first verdict of certainty 1.0 wins; otherwise the most certain (the earlier on a tie); when none claims the
 * file it is unknown — reported, not guessed.
 */
public final class ClassifierChain {
    private final List<Classifier> classifiers;

    public ClassifierChain(List<Classifier> classifiers) {
        this.classifiers = List.copyOf(requireNonNull(classifiers, "classifiers is null"));
    }

    public List<Classifier> classifiers() {
        return classifiers;
    }

    /** The winning verdict, or empty when no classifier claims the file. */
    public Optional<Classification> classify(FileSample sample) throws IOException {
        return classifyAll(sample).winner();
    }

    /** Every classifier's verdict, for explaining a decision. */
    public Verdicts classifyAll(FileSample sample) throws IOException {
        List<Classification> verdicts = new ArrayList<>();
        Classification best = null;
        for (Classifier classifier : classifiers) {
            Optional<Classification> verdict = classifier.classify(sample);
            if (verdict.isEmpty() || verdict.get().certainty() <= 0) {
                continue;
            }
            verdicts.add(verdict.get());
            if (best == null || verdict.get().certainty() > best.certainty()) {
                best = verdict.get();
            }
            if (best.certainty() >= 1.0) {
                break;
            }
        }
        return new Verdicts(verdicts, Optional.ofNullable(best));
    }

    /** All verdicts given, in the order the classifiers ran, and the winner among them. */
    public record Verdicts(List<Classification> all, Optional<Classification> winner) {
        public Verdicts {
            all = List.copyOf(all);
        }
    }
}
