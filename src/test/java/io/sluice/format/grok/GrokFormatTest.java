package io.sluice.format.grok;

import static io.sluice.format.FormatTestFiles.spec;
import static io.sluice.format.FormatTestFiles.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.Classification;
import io.sluice.classify.FileSample;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.format.FormatTestFiles;
import io.sluice.format.FormatTestFiles.Read;
import io.sluice.format.ReadSpec;
import io.sluice.row.Row;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrokFormatTest {
    private static final String COMBINED =
            """
            127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"
            10.1.2.3 - - [10/Oct/2000:13:55:37 -0700] "GET /favicon.ico HTTP/1.1" 404 - "-" "curl/8.0.1"
            """;
    private static final String SYSLOG =
            """
            Mar  7 04:02:16 myhost sshd[1234]: Accepted password for root from 10.0.0.1 port 22 ssh2
            Mar 17 14:10:00 10.0.0.5 kernel: [12345.678] eth0: link up
            Mar 17 14:10:01 <13.6> gateway systemd: Started Session 42 of user ann.
            """;

    private final GrokFormat format = new GrokFormat();

    @TempDir
    java.nio.file.Path dir;

    private static ReadSpec classified(GrokClassifier classifier, String sample) {
        return spec(classifier
                .classify(FileSample.of("sample.log", sample.getBytes(UTF_8)))
                .orElseThrow());
    }

    private Read read(ReadSpec spec, String content) {
        return FormatTestFiles.read(format, write(dir, "data.log", content.getBytes(UTF_8)), spec);
    }

    @Test
    void readsTablesStoredWithTheGrokSerDe() {
        assertThat(format.name()).isEqualTo("grok");
        assertThat(format.reads(classified(GrokClassifier.syslog(), SYSLOG))).isTrue();
        assertThat(format.reads(new ReadSpec(
                        classified(GrokClassifier.syslog(), SYSLOG).schema(),
                        "",
                        io.sluice.catalog.SerDeInfo.of("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"),
                        Map.of("classification", "syslog"))))
                .isFalse();
    }

    @Test
    void apacheCombinedLog() {
        ReadSpec spec = classified(GrokClassifier.apacheCombined(), COMBINED);
        assertThat(spec.schema().toString())
                .isEqualTo("struct<clientip:string,ident:string,auth:string,timestamp:string,verb:string,"
                        + "request:string,httpversion:string,rawrequest:string,response:int,bytes:bigint,"
                        + "referrer:string,agent:string>");

        Read read = read(spec, COMBINED);

        assertThat(read.bad()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        Row.of(
                                "127.0.0.1",
                                "-",
                                "frank",
                                "10/Oct/2000:13:55:36 -0700",
                                "GET",
                                "/apache_pb.gif",
                                "1.0",
                                null,
                                200,
                                2326L,
                                "\"http://www.example.com/start.html\"",
                                "\"Mozilla/4.08 [en] (Win98; I ;Nav)\""),
                        Row.of(
                                "10.1.2.3",
                                "-",
                                "-",
                                "10/Oct/2000:13:55:37 -0700",
                                "GET",
                                "/favicon.ico",
                                "1.1",
                                null,
                                404,
                                null,
                                "\"-\"",
                                "\"curl/8.0.1\""));
    }

    @Test
    void syslogLines() {
        ReadSpec spec = classified(GrokClassifier.syslog(), SYSLOG);
        assertThat(spec.schema().toString())
                .isEqualTo("struct<timestamp:string,facility:int,priority:int,logsource:string,program:string,"
                        + "pid:int,message:string>");

        assertThat(read(spec, SYSLOG).rows())
                .containsExactly(
                        Row.of(
                                "Mar  7 04:02:16",
                                null,
                                null,
                                "myhost",
                                "sshd",
                                1234,
                                "Accepted password for root from 10.0.0.1 port 22 ssh2"),
                        Row.of("Mar 17 14:10:00", null, null, "10.0.0.5", "kernel", null, "[12345.678] eth0: link up"),
                        Row.of(
                                "Mar 17 14:10:01",
                                13,
                                6,
                                "gateway",
                                "systemd",
                                null,
                                "Started Session 42 of user ann."));
    }

    @Test
    void linesThatDoNotMatchAreBadRecords() {
        ReadSpec spec = classified(GrokClassifier.syslog(), SYSLOG);
        String log = "Mar  7 04:02:16 myhost sshd[1234]: one\n"
                + "this is not syslog\n"
                + "\n"
                + "Mar  7 04:02:17 myhost sshd[99999999999]: too big a pid\n"
                + "Mar  7 04:02:18 myhost cron[7]: two\n";

        Read read = read(spec, log);

        String file = read.bad().get(0).file();
        assertThat(read.events())
                .containsExactly(
                        "[Mar  7 04:02:16, null, null, myhost, sshd, 1234, one]",
                        "bad: " + file + ":2: 'this is not syslog' does not match the pattern "
                                + spec.serde().parameters().get("input.format"),
                        "bad: " + file + ":4: 'Mar  7 04:02:17 myhost sshd[99999999999]: too big a pid' field 'pid'"
                                + " captured '99999999999', not a value of type int",
                        "[Mar  7 04:02:18, null, null, myhost, cron, 7, two]");
        assertThat(read.bad().get(0).line()).hasValue(2);
        assertThat(read.bad().get(0).reason()).startsWith("does not match the pattern %{SYSLOGTIMESTAMP:timestamp}");
    }

    @Test
    void customPatternsAndTypedColumns() {
        GrokClassifier classifier = GrokClassifier.of(
                "app",
                "app_log",
                "%{APPTIME:at} \\[%{LEVEL:level}\\] %{INT:duration_ms:int}ms %{GREEDYDATA:message}",
                Map.of("APPTIME", "%{YEAR}-%{MONTHNUM}-%{MONTHDAY} %{TIME}", "LEVEL", "(?:INFO|WARN|ERROR)"));
        String log =
                """
                2024-03-01 10:00:00 [INFO] 12ms request served
                2024-03-01 10:00:01 [WARN] 1500ms slow request
                """;
        Classification classification = classifier
                .classify(FileSample.of("app.log", log.getBytes(UTF_8)))
                .orElseThrow();
        assertThat(classification.serde().parameters()).containsKey("input.grokCustomPatterns");

        Read read = read(spec(classification), log);

        assertThat(read.rows())
                .containsExactly(
                        Row.of("2024-03-01 10:00:00", "INFO", 12, "request served"),
                        Row.of("2024-03-01 10:00:01", "WARN", 1500, "slow request"));
    }

    @Test
    void threeSplitsYieldEveryLineOnce() {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            log.append("Mar ")
                    .append(String.format("%2d", 1 + i % 28))
                    .append(" 10:00:00 host")
                    .append(i % 7)
                    .append(" app[")
                    .append(i)
                    .append("]: message number ")
                    .append(i)
                    .append(i % 5 == 0 ? "\r\n" : "\n");
        }
        ReadSpec spec = classified(GrokClassifier.syslog(), log.toString());
        Path file = write(dir, "big.log", log.toString().getBytes(UTF_8));
        Read whole = FormatTestFiles.read(format, file, spec);
        assertThat(whole.rows()).hasSize(300);
        assertThat(whole.bad()).isEmpty();

        assertThat(FormatTestFiles.readInEqualSplits(format, file, spec, 3).rows())
                .isEqualTo(whole.rows());
        long length = FormatTestFiles.length(file);
        for (long size = 5; size < length; size += 131) {
            assertThat(FormatTestFiles.readInSplits(format, file, spec, size).rows())
                    .as("splits of %d bytes", size)
                    .isEqualTo(whole.rows());
        }
    }

    @Test
    void gzipCompressedLog() {
        ReadSpec spec = classified(GrokClassifier.syslog(), SYSLOG);
        Path file = write(dir, "messages.log.gz", FormatTestFiles.gzip(SYSLOG.getBytes(UTF_8)));

        assertThat(FormatTestFiles.read(format, file, spec).rows())
                .extracting(row -> row.get(3))
                .containsExactly("myhost", "10.0.0.5", "gateway");
    }
}
