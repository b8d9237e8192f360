package io.sluice.crawler;

import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierChain;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Classifies the files of a listing in parallel: reads each file's sample (never the whole file) and runs the
 * classifier chain on it. With a per-folder limit only the first files of each folder are read; the others take the
 * verdict of the first recognised file of their folder.
 */
final class Sampler {
    private final ExecutorService executor;
    private final ClassifierChain classifiers;
    private final int sampleBytes;
    private final OptionalInt filesPerFolder;
    private final Map<Classification, Classification> distinct = new ConcurrentHashMap<>();

    Sampler(ExecutorService executor, ClassifierChain classifiers, int sampleBytes, OptionalInt filesPerFolder) {
        this.executor = executor;
        this.classifiers = classifiers;
        this.sampleBytes = sampleBytes;
        this.filesPerFolder = filesPerFolder;
    }

    /** Classifies the files, except those of known folders, which take the catalog's description. */
    List<FileVerdict> classify(FileSystem fs, List<DataFile> files, KnownFolders known) {
        CompressionCodecFactory codecs = new CompressionCodecFactory(fs.getConf());
        Map<List<String>, List<DataFile>> byFolder = new LinkedHashMap<>();
        List<FileVerdict> verdicts = new ArrayList<>(files.size());
        for (DataFile file : files) {
            Optional<Classification> cataloged = known.describe(file);
            if (cataloged.isPresent()) {
                verdicts.add(FileVerdict.cataloged(file, cataloged.get(), compression(codecs, file)));
            } else {
                byFolder.computeIfAbsent(file.folders(), f -> new ArrayList<>()).add(file);
            }
        }
        List<CompletableFuture<List<FileVerdict>>> folders = new ArrayList<>();
        for (List<DataFile> folder : byFolder.values()) {
            folders.add(classifyFolder(fs, codecs, folder));
        }
        folders.forEach(f -> verdicts.addAll(f.join()));
        verdicts.sort(java.util.Comparator.comparing(v -> v.file().relativePath()));
        return verdicts;
    }

    private CompletableFuture<List<FileVerdict>> classifyFolder(
            FileSystem fs, CompressionCodecFactory codecs, List<DataFile> files) {
        int limit = filesPerFolder.orElse(Integer.MAX_VALUE);
        List<DataFile> sampled = files.subList(0, Math.min(limit, files.size()));
        List<CompletableFuture<FileVerdict>> futures = sampled.stream()
                .map(file -> CompletableFuture.supplyAsync(() -> classify(fs, codecs, file), executor))
                .toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<FileVerdict> verdicts = new ArrayList<>(files.size());
                    futures.forEach(f -> verdicts.add(f.join()));
                    Optional<FileVerdict> representative = verdicts.stream()
                            .filter(v -> v.classification().isPresent())
                            .findFirst();
                    for (DataFile rest : files.subList(sampled.size(), files.size())) {
                        Optional<String> compression = compression(codecs, rest);
                        verdicts.add(representative
                                .map(v -> FileVerdict.inherited(
                                        rest, v.classification().orElseThrow(), compression))
                                .orElseGet(() -> FileVerdict.failed(
                                        rest,
                                        "not sampled, and no sampled file of its folder was recognised",
                                        compression)));
                    }
                    return verdicts;
                });
    }

    private FileVerdict classify(FileSystem fs, CompressionCodecFactory codecs, DataFile file) {
        Optional<String> compression = compression(codecs, file);
        try {
            FileSample sample = FileSample.read(fs, file.path(), file.length(), sampleBytes, codecs);
            return classifiers
                    .classify(sample)
                    .map(c -> FileVerdict.classified(file, intern(c), c.recordCount(), compression))
                    .orElseGet(() -> FileVerdict.unknown(file, compression));
        } catch (CorruptFileException e) {
            return FileVerdict.failed(file, "corrupt: " + e.getMessage(), compression);
        } catch (IOException | RuntimeException e) {
            return FileVerdict.failed(file, "unreadable: " + describe(e), compression);
        }
    }

    /**
     * The verdict without what differs from file to file (record count, the sample values quoted in reasons), one
     * copy of each: files of one table mostly get the same, so memory grows with schemas, not with files.
     */
    private Classification intern(Classification classification) {
        Classification general = classification.withoutSampleDetails();
        Classification known = distinct.putIfAbsent(general, general);
        return known == null ? general : known;
    }

    private static Optional<String> compression(CompressionCodecFactory codecs, DataFile file) {
        return FileSample.compressionType(codecs.getCodec(file.path()));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
