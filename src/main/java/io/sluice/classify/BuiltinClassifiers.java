package io.sluice.classify;

import io.sluice.classify.avro.AvroClassifier;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.classify.orc.OrcClassifier;
import io.sluice.classify.parquet.ParquetClassifier;
import io.sluice.classify.text.DelimitedClassifier;
import io.sluice.classify.text.JsonClassifier;
import io.sluice.classify.xml.XmlClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classifiers Sluice ships, in the order a crawler runs them after its custom classifiers.
 *
 * <p>The order matters only among classifiers that could claim the same file, since the first verdict of certainty
 * 1.0 ends the chain: formats recognised by magic bytes first (they decide at once and never look like text), then
 * XML, then grok patterns of fixed log formats, and classifiers of loosely shaped text (JSON, CSV) last, since almost
 * any text is some kind of CSV.
 */
public final class BuiltinClassifiers {
    private BuiltinClassifiers() {}

    /** New instances of every built-in classifier, in order. */
    public static List<Classifier> all() {
        return List.of(
                // Self-describing binary formats.
                new ParquetClassifier(),
                new OrcClassifier(),
                new AvroClassifier(),
                // Markup.
                new XmlClassifier(),
                // Logs of a fixed shape.
                GrokClassifier.apacheCombined(),
                GrokClassifier.apacheCommon(),
                GrokClassifier.syslog(),
                // Loosely shaped text: JSON before CSV, since almost any text is some kind of CSV.
                new JsonClassifier(),
                new DelimitedClassifier());
    }

    /** The built-in classifier of this name, as crawler definitions refer to it. */
    public static Optional<Classifier> named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** A chain that runs the custom classifiers, in their order, and then the built-ins. */
    public static ClassifierChain chain(List<Classifier> custom) {
        List<Classifier> classifiers = new ArrayList<>(custom);
        classifiers.addAll(all());
        return new ClassifierChain(classifiers);
    }
}
