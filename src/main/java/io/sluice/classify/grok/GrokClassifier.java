package io.sluice.classify.grok;

import static java.util.Objects.requireNonNull;

import io.sluice.SluiceException;
import io.sluice.catalog.SerDeInfo;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.FileSample;
import io.sluice.classify.InferredColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Classifies line-oriented text, typically logs, with a grok pattern, as Glue's grok classifiers do: each line is a
 * row, each named capture a column ({@link GrokPattern}). Certainty is the share of the sample's non-empty lines that
 * match (1.0 when all do); below {@value #MIN_SHARE} the file is not claimed. A sample cut inside a line ignores that
 * line.
 *
 * <p>Column types come from the captures' types ({@code %{INT:status:int}}, see {@link GrokType}), else {@code
 * string}, as in Glue. Storage: Glue's {@value #SERDE} over {@code TextInputFormat}, with the SerDe parameters
 * {@code input.format} (the grok pattern) and {@code input.grokCustomPatterns} (the custom patterns, one {@code NAME
 * pattern} per line, when there are any), so that Athena and Glue read the table as Sluice does; {@code
 * compressionType} is recorded for compressed files.
 *
 * <p>Built-ins: {@link #apacheCombined()}, {@link #apacheCommon()} and {@link #syslog()}.
 */
public final class GrokClassifier implements Classifier {
    public static final String SERDE = "com.amazonaws.glue.serde.GrokSerDe";
    public static final String INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    /** The least share of matching lines for a classification. */
    public static final double MIN_SHARE = 0.5;

    private static final int SHOWN_LINE_LENGTH = 120;

    private static final String APACHE_COMMON = "%{IPORHOST:clientip} %{HTTPDUSER:ident} %{HTTPDUSER:auth}"
            + " \\[%{HTTPDATE:timestamp}\\] \"(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?"
            + "|%{DATA:rawrequest})\" %{INT:response:int} (?:%{INT:bytes:long}|-)";
    private static final String APACHE_COMBINED = APACHE_COMMON + " %{QS:referrer} %{QS:agent}";
    private static final String SYSLOG = "%{SYSLOGTIMESTAMP:timestamp}"
            + " (?:<%{NONNEGINT:facility:int}.%{NONNEGINT:priority:int}> )?%{SYSLOGHOST:logsource}"
            + " %{PROG:program}(?:\\[%{POSINT:pid:int}\\])?: %{GREEDYDATA:message}";

    private final String name;
    private final String classification;
    private final GrokPattern pattern;
    private final Map<String, String> customPatterns;

    private GrokClassifier(String name, String classification, GrokPattern pattern, Map<String, String> custom) {
        this.name = name;
        this.classification = classification;
        this.pattern = pattern;
        this.customPatterns = custom;
    }

    /**
     * A grok classifier.
     *
     * @param name the classifier's name in crawler definitions
     * @param classification the {@code classification} its tables get, such as {@code apache} or {@code app_log}
     * @param grokPattern the pattern a line must match as a whole
     * @param customPatterns pattern definitions by name, added to the standard library
     * @throws SluiceException (invalid argument) when the pattern does not compile or captures no field
     */
    public static GrokClassifier of(
            String name, String classification, String grokPattern, Map<String, String> customPatterns) {
        requireNonNull(name, "name is null");
        requireNonNull(classification, "classification is null");
        requireNonNull(grokPattern, "grokPattern is null");
        Map<String, String> custom = new TreeMap<>(requireNonNull(customPatterns, "customPatterns is null"));
        GrokPattern pattern;
        try {
            pattern = GrokPattern.compile(grokPattern, GrokLibrary.standard().with(custom));
        } catch (SluiceException e) {
            throw new SluiceException(e.code(), "grok classifier '" + name + "': " + e.getMessage(), e);
        }
        if (pattern.fields().isEmpty()) {
            throw SluiceException.invalidArgument(
                    "grok classifier '%s': pattern '%s' captures no field; name some, as in %%{WORD:method}",
                    name, grokPattern);
        }
        return new GrokClassifier(name, classification, pattern, Collections.unmodifiableMap(custom));
    }

    /** Apache access logs in the combined format: the common format with referrer and user agent. */
    public static GrokClassifier apacheCombined() {
        return of("apache_combined", "combinedapache", APACHE_COMBINED, Map.of());
    }

    /** Apache access logs in the common log format; response as int, bytes as bigint. */
    public static GrokClassifier apacheCommon() {
        return of("apache_common", "apache", APACHE_COMMON, Map.of());
    }

    /** Traditional (RFC 3164) syslog lines: timestamp, optional facility/priority, host, program[pid]: message. */
    public static GrokClassifier syslog() {
        return of("syslog", "syslog", SYSLOG, Map.of());
    }

    @Override
    public String name() {
        return name;
    }

    public GrokPattern pattern() {
        return pattern;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) {
        List<String> lines = lines(sample);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        GrokMatcher matcher = pattern.matcher();
        int matched = 0;
        String firstMismatch = null;
        for (String line : lines) {
            if (matcher.matches(line)) {
                matched++;
            } else if (firstMismatch == null) {
                firstMismatch = "'" + shorten(line) + "': " + matcher.failure().orElseThrow();
            }
        }
        double share = (double) matched / lines.size();
        if (share < MIN_SHARE) {
            return Optional.empty();
        }
        Classification.Builder builder = Classification.builder(name, classification)
                .certainty(share)
                .columns(columns())
                .storage(INPUT_FORMAT, OUTPUT_FORMAT, SerDeInfo.of(SERDE))
                .serdeParameter("input.format", pattern.grok())
                .reason(matched + " of " + lines.size() + " non-empty sample lines match " + pattern.grok());
        if (!customPatterns.isEmpty()) {
            builder.serdeParameter("input.grokCustomPatterns", customPatternsText());
        }
        if (firstMismatch != null) {
            builder.reason("first line that does not: " + firstMismatch);
        }
        sample.compression().ifPresent(compression -> builder.parameter("compressionType", compression));
        return Optional.of(builder.build());
    }

    private List<InferredColumn> columns() {
        List<InferredColumn> columns = new ArrayList<>();
        for (GrokField field : pattern.fields()) {
            String why = field.type() == GrokType.STRING
                    ? "captured by " + field.declaration() + ", untyped"
                    : "captured by " + field.declaration();
            columns.add(new InferredColumn(
                    field.name(), field.type().hiveType(), field.type().hiveType() + ": " + why));
        }
        return columns;
    }

    private String customPatternsText() {
        return customPatterns.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The sample's non-empty lines, without one the sample's bound cut; none for binary content. */
    private static List<String> lines(FileSample sample) {
        byte[] head = sample.head();
        for (byte b : head) {
            if (b == 0) {
                return List.of();
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (!sample.complete()) {
            int lastBreak = text.lastIndexOf('\n');
            text = lastBreak < 0 ? "" : text.substring(0, lastBreak);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!stripped.isBlank()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.length() <= SHOWN_LINE_LENGTH ? line : line.substring(0, SHOWN_LINE_LENGTH) + "...";
    }

    @Override
    public String toString() {
        return name + " (" + classification + "): " + pattern.grok();
    }
}
