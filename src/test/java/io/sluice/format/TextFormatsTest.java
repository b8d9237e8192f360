package io.sluice.format;

import static io.sluice.format.FormatTestFiles.classify;
import static io.sluice.format.FormatTestFiles.spec;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.grok.GrokClassifier;
import io.sluice.classify.text.DelimitedClassifier;
import io.sluice.classify.text.JsonClassifier;
import io.sluice.classify.xml.XmlClassifier;
import org.junit.jupiter.api.Test;

class TextFormatsTest {
    private final Formats formats = new Formats(TextFormats.all());

    private String formatFor(io.sluice.classify.Classifier classifier, String sample) {
        return formats.forSpec(spec(classify(classifier, "sample", sample.getBytes(UTF_8))))
                .name();
    }

    @Test
    void eachClassifiedTableFindsItsFormat() {
        assertThat(formats.all()).extracting(FileFormat::name).containsExactly("grok", "json", "xml", "csv");
        assertThat(formatFor(new DelimitedClassifier(), "a,b\n1,2\n3,4\n")).isEqualTo("csv");
        assertThat(formatFor(new DelimitedClassifier(), "a|b\n1|\"x\"\n3|4\n")).isEqualTo("csv");
        assertThat(formatFor(new JsonClassifier(), "{\"a\": 1}\n{\"a\": 2}\n")).isEqualTo("json");
        assertThat(formatFor(new XmlClassifier(), "<r><i a=\"1\"/><i a=\"2\"/></r>"))
                .isEqualTo("xml");
        assertThat(formatFor(GrokClassifier.syslog(), "Mar  7 04:02:16 myhost sshd[1234]: hello\n"))
                .isEqualTo("grok");
    }
}
