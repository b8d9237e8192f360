package io.sluice.classify.grok;

import static io.sluice.classify.ClassifierTestFiles.columnReason;
import static io.sluice.classify.ClassifierTestFiles.columnTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.classify.Classification;
import io.sluice.classify.FileSample;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class GrokClassifierTest {
    private static final String COMMON =
            """
            127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
            192.168.1.20 - - [10/Oct/2000:13:56:01 -0700] "POST /login?next=%2Fhome HTTP/1.1" 302 -
            2001:db8::7 - admin@example.com [11/Oct/2000:08:00:00 +0000] "GET / HTTP/2.0" 200 5120
            host.example.org - - [11/Oct/2000:08:00:01 +0000] "\\x16\\x03\\x01" 400 226
            """;
    private static final String COMBINED =
            """
            127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"
            10.1.2.3 - - [10/Oct/2000:13:55:37 -0700] "GET /favicon.ico HTTP/1.1" 404 - "-" "curl/8.0.1"
            """;
    private static final String SYSLOG =
            """
            Mar  7 04:02:16 myhost sshd[1234]: Accepted password for root from 10.0.0.1 port 22 ssh2
            Mar  7 04:02:17 myhost CRON[999]: (root) CMD (run-parts /etc/cron.hourly)
            Mar 17 14:10:00 10.0.0.5 kernel: [12345.678] eth0: link up
            Mar 17 14:10:01 <13.6> gateway systemd: Started Session 42 of user ann.
            """;

    private static FileSample sample(String text) {
        return FileSample.of("access.log", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A sample holding only the first {@code bound} characters (ASCII text). */
    private static FileSample head(String text, int bound) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return FileSample.of(
                new Path("access.log"),
                new Configuration(false),
                bytes.length,
                Optional.empty(),
                java.util.Arrays.copyOf(bytes, bound),
                false);
    }

    @Test
    void apacheCommonLog() {
        Classification verdict =
                GrokClassifier.apacheCommon().classify(sample(COMMON)).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("apache_common");
        assertThat(verdict.classification()).isEqualTo("apache");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("clientip", "string"),
                        Map.entry("ident", "string"),
                        Map.entry("auth", "string"),
                        Map.entry("timestamp", "string"),
                        Map.entry("verb", "string"),
                        Map.entry("request", "string"),
                        Map.entry("httpversion", "string"),
                        Map.entry("rawrequest", "string"),
                        Map.entry("response", "int"),
                        Map.entry("bytes", "bigint"));
        assertThat(columnReason(verdict, "response")).isEqualTo("int: captured by %{INT:response:int}");
        assertThat(columnReason(verdict, "verb")).isEqualTo("string: captured by %{WORD:verb}, untyped");
        assertThat(verdict.reasons().get(0)).startsWith("4 of 4 non-empty sample lines match %{IPORHOST:clientip}");
    }

    @Test
    void recordsGluesGrokSerDe() {
        GrokClassifier classifier = GrokClassifier.apacheCommon();
        Classification verdict = classifier.classify(sample(COMMON)).orElseThrow();

        assertThat(verdict.inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(verdict.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        assertThat(verdict.serde().serializationLibrary()).isEqualTo("com.amazonaws.glue.serde.GrokSerDe");
        assertThat(verdict.serde().parameters())
                .containsExactly(Map.entry("input.format", classifier.pattern().grok()));
        assertThat(verdict.recordCount()).isEmpty();
    }

    @Test
    void apacheCombinedLog() {
        Classification verdict =
                GrokClassifier.apacheCombined().classify(sample(COMBINED)).orElseThrow();

        assertThat(verdict.classification()).isEqualTo("combinedapache");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsEntry("referrer", "string")
                .containsEntry("agent", "string")
                .containsEntry("bytes", "bigint")
                .hasSize(12);
    }

    @Test
    void commonAndCombinedDoNotClaimEachOther() {
        assertThat(GrokClassifier.apacheCommon().classify(sample(COMBINED))).isEmpty();
        assertThat(GrokClassifier.apacheCombined().classify(sample(COMMON))).isEmpty();
        assertThat(GrokClassifier.syslog().classify(sample(COMMON))).isEmpty();
    }

    @Test
    void syslog() {
        Classification verdict =
                GrokClassifier.syslog().classify(sample(SYSLOG)).orElseThrow();

        assertThat(verdict.classification()).isEqualTo("syslog");
        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("timestamp", "string"),
                        Map.entry("facility", "int"),
                        Map.entry("priority", "int"),
                        Map.entry("logsource", "string"),
                        Map.entry("program", "string"),
                        Map.entry("pid", "int"),
                        Map.entry("message", "string"));
        Map<String, Object> first = GrokClassifier.syslog()
                .pattern()
                .match("Mar  7 04:02:16 myhost sshd[1234]: Accepted password for root")
                .orElseThrow();
        assertThat(first)
                .containsEntry("timestamp", "Mar  7 04:02:16")
                .containsEntry("logsource", "myhost")
                .containsEntry("program", "sshd")
                .containsEntry("pid", 1234)
                .containsEntry("message", "Accepted password for root");
    }

    @Test
    void certaintyIsTheShareOfMatchingLines() {
        String text = COMMON + "this line is not an access log entry\n";

        Classification verdict =
                GrokClassifier.apacheCommon().classify(sample(text)).orElseThrow();

        assertThat(verdict.certainty()).isEqualTo(0.8);
        assertThat(verdict.reasons())
                .contains("first line that does not: 'this line is not an access log entry': does not match "
                        + GrokClassifier.apacheCommon().pattern().grok());
    }

    @Test
    void fewerThanHalfMatchingIsNoClassification() {
        String text = "one\ntwo\n" + COMMON.lines().findFirst().orElseThrow() + "\n";

        assertThat(GrokClassifier.apacheCommon().classify(sample(text))).isEmpty();
    }

    @Test
    void exactlyHalfMatchingIsClaimedAtHalfCertainty() {
        String text = "nothing\n" + COMMON.lines().findFirst().orElseThrow() + "\n";

        assertThat(GrokClassifier.apacheCommon()
                        .classify(sample(text))
                        .orElseThrow()
                        .certainty())
                .isEqualTo(0.5);
    }

    @Test
    void blankLinesAndALineCutByTheSampleAreIgnored() {
        String text = "\n" + COMMON.replace("\n", "\r\n\r\n") + "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GE";

        Classification verdict = GrokClassifier.apacheCommon()
                .classify(head(text, text.length()))
                .orElseThrow();

        assertThat(verdict.certainty()).isEqualTo(1.0);
        assertThat(verdict.reasons().get(0)).startsWith("4 of 4 non-empty sample lines match");
    }

    @Test
    void customClassifierWithCustomPatterns() {
        GrokClassifier classifier = GrokClassifier.of(
                "app_log",
                "application",
                "%{TIMESTAMP_ISO8601:ts} %{LOGLEVEL:level} \\[%{THREAD:thread}\\] %{NUMBER:ms:double}ms"
                        + " %{GREEDYDATA:msg}",
                Map.of("THREAD", "[a-z0-9-]+", "UNUSED", "x+"));
        String log =
                """
                2024-05-01T10:00:00.123Z INFO [main] 12.5ms started
                2024-05-01T10:00:01.000Z WARN [worker-2] 300ms slow request /api/items
                """;

        Classification verdict = classifier.classify(sample(log)).orElseThrow();

        assertThat(verdict.classifier()).isEqualTo("app_log");
        assertThat(verdict.classification()).isEqualTo("application");
        assertThat(columnTypes(verdict))
                .containsExactly(
                        Map.entry("ts", "string"),
                        Map.entry("level", "string"),
                        Map.entry("thread", "string"),
                        Map.entry("ms", "double"),
                        Map.entry("msg", "string"));
        assertThat(verdict.serde().parameters())
                .containsEntry("input.format", classifier.pattern().grok())
                .containsEntry("input.grokCustomPatterns", "THREAD [a-z0-9-]+\nUNUSED x+");
    }

    @Test
    void capturesThatAreNotOfTheirTypeDoNotMatch() {
        GrokClassifier classifier = GrokClassifier.of("n", "numbers", "%{NOTSPACE:n:int}", Map.of());

        Classification verdict = classifier.classify(sample("1\n2\nthree\n")).orElseThrow();

        assertThat(verdict.certainty()).isEqualTo(2.0 / 3);
        assertThat(verdict.reasons())
                .contains("first line that does not: 'three': field 'n' captured 'three', not a value of type int");
    }

    @Test
    void invalidClassifiersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> GrokClassifier.of("app_log", "app", "%{THREAD:t} %{GREEDYDATA:m}", Map.of()))
                .isInstanceOf(SluiceException.class)
                .hasMessage("grok classifier 'app_log': unknown grok pattern %{THREAD}; define it in the custom"
                        + " patterns");
        assertThatThrownBy(() -> GrokClassifier.of("bare", "bare", "%{WORD} %{INT}", Map.of()))
                .hasMessage("grok classifier 'bare': pattern '%{WORD} %{INT}' captures no field; name some, as in"
                        + " %{WORD:method}");
    }

    @Test
    void binaryAndEmptyContentIsNotClaimed() {
        assertThat(GrokClassifier.apacheCommon().classify(FileSample.of("x.bin", new byte[] {'1', 0, 2, '\n'})))
                .isEmpty();
        assertThat(GrokClassifier.apacheCommon().classify(sample(""))).isEmpty();
        assertThat(GrokClassifier.apacheCommon().classify(sample("\n\n  \n"))).isEmpty();
        assertThat(GrokClassifier.apacheCommon().classify(head(COMMON, 20)))
                .as("no complete line")
                .isEmpty();
    }

    @Test
    void compressedFilesRecordTheirCompression() {
        byte[] bytes = SYSLOG.getBytes(StandardCharsets.UTF_8);
        FileSample gz =
                FileSample.of(new Path("messages.gz"), new Configuration(false), 100, Optional.of("gzip"), bytes, true);

        assertThat(GrokClassifier.syslog().classify(gz).orElseThrow().parameters())
                .containsEntry("compressionType", "gzip");
    }
}
