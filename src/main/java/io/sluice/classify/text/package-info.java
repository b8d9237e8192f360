/**
 * The built-in classifiers of text files: {@link io.sluice.classify.text.DelimitedClassifier} ({@code csv}) and
 * {@link io.sluice.classify.text.JsonClassifier} ({@code json}). Both decode the sample the same way (byte order
 * marks, UTF-8, single-byte fallback, binary rejected) and record date and timestamp formats under {@code
 * sluice.format.<column>}, so Sluice's readers parse values the way they were classified. Everything else in the
 * package is their implementation.
 */
package io.sluice.classify.text;
