package io.sluice.classify.grok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrokPatternTest {

    private static boolean matches(String grok, String line) {
        return GrokPattern.compile(grok).match(line).isPresent();
    }

    private static GrokLibrary custom(String definitions) {
        return GrokLibrary.standard().with(GrokLibrary.parseDefinitions(definitions));
    }

    @Test
    void everyStandardPatternCompiles() {
        assertThat(GrokLibrary.standard().names())
                .contains(
                        "WORD",
                        "NOTSPACE",
                        "DATA",
                        "GREEDYDATA",
                        "INT",
                        "NUMBER",
                        "BASE10NUM",
                        "IP",
                        "IPV4",
                        "IPV6",
                        "HOSTNAME",
                        "IPORHOST",
                        "USER",
                        "USERNAME",
                        "HTTPDATE",
                        "MONTHDAY",
                        "MONTH",
                        "YEAR",
                        "TIME",
                        "HOUR",
                        "MINUTE",
                        "SECOND",
                        "SYSLOGTIMESTAMP",
                        "SYSLOGPROG",
                        "SYSLOGHOST",
                        "PROG",
                        "POSINT",
                        "QS",
                        "QUOTEDSTRING",
                        "URIPATHPARAM",
                        "COMMONAPACHELOG",
                        "COMBINEDAPACHELOG",
                        "SYSLOGBASE",
                        "SYSLOGLINE");
        for (String name : GrokLibrary.standard().names()) {
            assertThat(GrokPattern.compile("%{" + name + "}").regex()).as(name).isNotEmpty();
        }
    }

    @Test
    void numbers() {
        assertThat(matches("%{INT}", "-42")).isTrue();
        assertThat(matches("%{INT}", "4.2")).isFalse();
        assertThat(matches("%{NUMBER}", "-1.5")).isTrue();
        assertThat(matches("%{NUMBER}", ".5")).isTrue();
        assertThat(matches("%{NUMBER}", "1e5")).isFalse();
        assertThat(matches("%{POSINT}", "10")).isTrue();
        assertThat(matches("%{POSINT}", "0")).isFalse();
        assertThat(matches("%{NONNEGINT}", "0")).isTrue();
        assertThat(matches("%{BASE16NUM}", "0x1F")).isTrue();
    }

    @Test
    void words() {
        assertThat(matches("%{WORD}", "hello_1")).isTrue();
        assertThat(matches("%{WORD}", "hello world")).as("whole line").isFalse();
        assertThat(matches("%{NOTSPACE}", "a/b?c")).isTrue();
        assertThat(matches("%{USERNAME}", "j.doe-1")).isTrue();
        assertThat(matches("%{QS}", "\"say \\\"hi\\\"\"")).isTrue();
        assertThat(matches("%{QS}", "'single'")).isTrue();
        assertThat(matches("%{QS}", "\"open")).isFalse();
        assertThat(matches("%{UUID}", "123e4567-e89b-12d3-a456-426614174000")).isTrue();
        assertThat(matches("%{EMAILADDRESS}", "a.b+c@example.com")).isTrue();
        assertThat(matches("%{LOGLEVEL}", "WARNING")).isTrue();
    }

    @Test
    void addresses() {
        assertThat(matches("%{IPV4}", "192.168.0.255")).isTrue();
        assertThat(matches("%{IPV4}", "256.1.1.1")).isFalse();
        assertThat(matches("%{IPV4}", "1.2.3")).isFalse();
        for (String v6 : new String[] {
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "2001:db8::1",
            "::1",
            "::",
            "fe80::1%eth0",
            "::ffff:192.168.1.1",
            "1::",
            "1:2:3:4:5:6:7::"
        }) {
            assertThat(matches("%{IPV6}", v6)).as(v6).isTrue();
        }
        assertThat(matches("%{IPV6}", "1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(matches("%{IPV6}", "2001:db8::g")).isFalse();
        assertThat(matches("%{IP}", "10.0.0.1")).isTrue();
        assertThat(matches("%{HOSTNAME}", "www.example.com")).isTrue();
        assertThat(matches("%{IPORHOST}", "db-01.internal")).isTrue();
        assertThat(matches("%{HOSTPORT}", "localhost:8080")).isTrue();
        assertThat(matches("%{MAC}", "00:1a:2b:3c:4d:5e")).isTrue();
        assertThat(matches("%{URIPATHPARAM}", "/a/b.html?x=1&y=%20")).isTrue();
        assertThat(matches("%{URI}", "https://user@example.com:8443/p?q=1")).isTrue();
    }

    @Test
    void datesAndTimes() {
        assertThat(matches("%{HTTPDATE}", "10/Oct/2000:13:55:36 -0700")).isTrue();
        assertThat(matches("%{SYSLOGTIMESTAMP}", "Mar  7 04:02:16")).isTrue();
        assertThat(matches("%{SYSLOGTIMESTAMP}", "Dec 24 23:59:60")).isTrue();
        assertThat(matches("%{TIME}", "25:00:00")).isFalse();
        assertThat(matches("%{TIMESTAMP_ISO8601}", "2024-02-29T12:30:45.123+01:00"))
                .isTrue();
        assertThat(matches("%{TIMESTAMP_ISO8601}", "2024-02-29 12:30:45Z")).isTrue();
        assertThat(matches("%{DATE}", "12/31/2024")).isTrue();
        assertThat(matches("%{MONTH}", "September")).isTrue();
        assertThat(matches("%{YEAR}", "24")).isTrue();
    }

    @Test
    void typedCapturesInOrder() {
        GrokPattern pattern = GrokPattern.compile(
                "%{INT:count:int} %{INT:total:long} %{NUMBER:ratio:double} %{NUMBER:share:float} %{WORD:ok:boolean}"
                        + " %{INT:tiny:byte} %{INT:small:short} %{WORD:name}");

        assertThat(pattern.fields())
                .extracting(GrokField::name, GrokField::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("count", GrokType.INT),
                        org.assertj.core.groups.Tuple.tuple("total", GrokType.LONG),
                        org.assertj.core.groups.Tuple.tuple("ratio", GrokType.DOUBLE),
                        org.assertj.core.groups.Tuple.tuple("share", GrokType.FLOAT),
                        org.assertj.core.groups.Tuple.tuple("ok", GrokType.BOOLEAN),
                        org.assertj.core.groups.Tuple.tuple("tiny", GrokType.BYTE),
                        org.assertj.core.groups.Tuple.tuple("small", GrokType.SHORT),
                        org.assertj.core.groups.Tuple.tuple("name", GrokType.STRING));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("count", 42);
        expected.put("total", 9_000_000_000L);
        expected.put("ratio", 0.25);
        expected.put("share", 1.5);
        expected.put("ok", true);
        expected.put("tiny", (byte) -3);
        expected.put("small", (short) 300);
        expected.put("name", "abc");
        assertThat(pattern.match("42 9000000000 0.25 1.5 TRUE -3 300 abc")).contains(expected);
    }

    @Test
    void hiveTypesOfGrokTypes() {
        assertThat(GrokType.INT.hiveType()).hasToString("int");
        assertThat(GrokType.LONG.hiveType()).hasToString("bigint");
        assertThat(GrokType.FLOAT.hiveType()).hasToString("double");
        assertThat(GrokType.DOUBLE.hiveType()).hasToString("double");
        assertThat(GrokType.BYTE.hiveType()).hasToString("tinyint");
        assertThat(GrokType.SHORT.hiveType()).hasToString("smallint");
        assertThat(GrokType.BOOLEAN.hiveType()).hasToString("boolean");
        assertThat(GrokType.STRING.hiveType()).hasToString("string");
        assertThat(GrokType.of("Long")).isEqualTo(GrokType.LONG);
    }

    @Test
    void capturesInsideReferencedPatternsAreFields() {
        GrokPattern pattern = GrokPattern.compile("%{COMMONAPACHELOG}");

        assertThat(pattern.fields())
                .extracting(GrokField::name)
                .containsExactly(
                        "clientip",
                        "ident",
                        "auth",
                        "timestamp",
                        "verb",
                        "request",
                        "httpversion",
                        "rawrequest",
                        "response",
                        "bytes");
        Map<String, Object> values = pattern.match(
                        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 -")
                .orElseThrow();
        assertThat(values)
                .containsEntry("clientip", "127.0.0.1")
                .containsEntry("auth", "frank")
                .containsEntry("timestamp", "10/Oct/2000:13:55:36 -0700")
                .containsEntry("request", "/apache_pb.gif")
                .containsEntry("httpversion", "1.0")
                .containsEntry("rawrequest", null)
                .containsEntry("response", "200")
                .containsEntry("bytes", null);
    }

    @Test
    void namedCaptureOfTheWholeReferenceComesBeforeItsInnerCaptures() {
        GrokPattern pattern = GrokPattern.compile("%{SYSLOGPROG:tag}");

        assertThat(pattern.fields()).extracting(GrokField::name).containsExactly("tag", "program", "pid");
        assertThat(pattern.match("sshd[42]").orElseThrow())
                .containsEntry("tag", "sshd[42]")
                .containsEntry("program", "sshd")
                .containsEntry("pid", "42");
    }

    @Test
    void fieldCapturedInAlternativesIsOneField() {
        GrokPattern pattern = GrokPattern.compile("(?:%{INT:id:int}|id-%{INT:id:int})");

        assertThat(pattern.fields()).hasSize(1);
        assertThat(pattern.match("id-7").orElseThrow()).containsEntry("id", 7);
        assertThat(pattern.match("8").orElseThrow()).containsEntry("id", 8);
    }

    @Test
    void plainNamedGroupsAndGrokFieldNamesWithPunctuation() {
        GrokPattern pattern = GrokPattern.compile("(?<user>[a-z]+)@%{HOSTNAME:[host][name]} %{WORD:http.method}");

        assertThat(pattern.fields()).extracting(GrokField::name).containsExactly("user", "[host][name]", "http.method");
        assertThat(pattern.match("ann@example.org GET").orElseThrow())
                .containsEntry("user", "ann")
                .containsEntry("[host][name]", "example.org")
                .containsEntry("http.method", "GET");
        assertThat(GrokPattern.compile("(?<![0-9])%{INT:n}").fields())
                .as("lookbehind is no group")
                .hasSize(1);
    }

    @Test
    void matcherReportsWhyALineDoesNotMatch() {
        GrokMatcher matcher = GrokPattern.compile("%{NOTSPACE:n:int} %{WORD:w}").matcher();

        assertThat(matcher.matches("12 ok")).isTrue();
        assertThat(matcher.value(0)).isEqualTo(12);
        assertThat(matcher.text(1)).isEqualTo("ok");
        assertThat(matcher.failure()).isEmpty();
        assertThat(matcher.matches("x1 ok")).isFalse();
        assertThat(matcher.failure()).contains("field 'n' captured 'x1', not a value of type int");
        assertThat(matcher.matches("12")).isFalse();
        assertThat(matcher.failure()).contains("does not match %{NOTSPACE:n:int} %{WORD:w}");
        assertThat(matcher.matches("13 again")).isTrue();
        assertThat(matcher.value(0)).isEqualTo(13);
    }

    @Test
    void customPatternsExtendAndReplaceTheStandardOnes() {
        GrokLibrary library = custom(
                """
                # application patterns
                THREAD [a-z0-9-]+

                WORD [a-z]+
                """);

        assertThat(GrokPattern.compile("%{THREAD:t}", library).match("worker-1"))
                .isPresent();
        assertThat(GrokPattern.compile("%{WORD:w}", library).match("ABC")).isEmpty();
        assertThat(GrokPattern.compile("%{WORD:w}").match("ABC")).isPresent();
    }

    @Test
    void unknownPatternsAreErrorsWithSuggestions() {
        assertThatThrownBy(() -> GrokPattern.compile("%{FOOBAR:x}"))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("unknown grok pattern %{FOOBAR}; define it in the custom patterns");
        assertThatThrownBy(() -> GrokPattern.compile("%{NUMBR:x}"))
                .hasMessage("unknown grok pattern %{NUMBR}; did you mean %{NUMBER}?");
        assertThatThrownBy(() -> GrokPattern.compile("%{word:x}"))
                .hasMessage("unknown grok pattern %{word}; did you mean %{WORD}?");
        assertThatThrownBy(() -> GrokPattern.compile("%{OUTER:x}", custom("OUTER a %{MIDDLE}\nMIDDLE %{MISSING_ONE}")))
                .hasMessage("unknown grok pattern %{MISSING_ONE} (in %{OUTER} → %{MIDDLE}); define it in the custom"
                        + " patterns");
    }

    @Test
    void cyclesAreErrorsThatShowTheChain() {
        assertThatThrownBy(() -> GrokPattern.compile("%{A}", custom("A x%{B}\nB y%{C}\nC %{A}")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("grok pattern A refers to itself: %{A} → %{B} → %{C} → %{A}");
        assertThatThrownBy(() -> GrokPattern.compile("%{SELF}", custom("SELF a|%{SELF}")))
                .hasMessage("grok pattern SELF refers to itself: %{SELF} → %{SELF}");
    }

    @Test
    void patternUsedTwiceIsNoCycle() {
        assertThat(GrokPattern.compile("%{INT:a} %{INT:b}").match("1 2")).isPresent();
    }

    @Test
    void otherPatternErrors() {
        assertThatThrownBy(() -> GrokPattern.compile("%{INT:n:integer}"))
                .hasMessage("unknown grok type 'integer': use one of string, byte, short, int, long, float, double,"
                        + " boolean");
        assertThatThrownBy(() -> GrokPattern.compile("(?:%{INT:n:int}|%{WORD:n})"))
                .hasMessageContaining("captures field 'n' as int and as string");
        assertThatThrownBy(() -> GrokPattern.compile("%{WORD:w} ("))
                .hasMessageContaining("is not a valid regular expression once expanded");
        assertThatThrownBy(() -> GrokPattern.compile("%{WORD:w")).hasMessageContaining("unclosed %{ at position 0");
        assertThatThrownBy(() -> GrokPattern.compile("%{WORD:}")).hasMessage("%{WORD:} has an empty field name");
        assertThatThrownBy(() -> GrokPattern.compile("  ")).hasMessage("grok pattern is empty");
    }

    @Test
    void definitionsAreParsedLineByLine() {
        assertThat(GrokLibrary.parseDefinitions("A \\d+\r\n# comment\n\n  B   %{A}-x  \n"))
                .containsExactly(Map.entry("A", "\\d+"), Map.entry("B", "%{A}-x"));
        assertThatThrownBy(() -> GrokLibrary.parseDefinitions("A 1\nLONELY\n"))
                .hasMessage("grok pattern definitions, line 2: 'LONELY' has a name but no pattern");
        assertThatThrownBy(() -> GrokLibrary.parseDefinitions("9X 1"))
                .hasMessage("invalid grok pattern name '9X': use letters, digits and underscores");
    }
}
