package io.sluice.crawler;

import io.sluice.classify.Classifier;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.crawler.CrawlerDefinition.CustomClassifier;
import java.util.List;

/** Builds the custom classifiers a crawler definition declares. */
public final class CustomClassifiers {
    private CustomClassifiers() {}

    public static List<Classifier> of(CrawlerDefinition definition) {
        return definition.classifiers().stream().map(CustomClassifiers::grok).toList();
    }

    private static Classifier grok(CustomClassifier custom) {
        return GrokClassifier.of(custom.name(), custom.classification(), custom.pattern(), custom.customPatterns());
    }
}
