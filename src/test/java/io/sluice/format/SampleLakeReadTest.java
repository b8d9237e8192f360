package io.sluice.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.FileSample;
import io.sluice.classify.grok.GrokClassifier;
import io.sluice.classify.text.DelimitedClassifier;
import io.sluice.classify.text.JsonClassifier;
import io.sluice.classify.xml.XmlClassifier;
import io.sluice.row.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The files of the sample lake ({@code testdata/}), classified as the crawler samples them and read back. */
class SampleLakeReadTest {
    private final Formats formats = new Formats(TextFormats.all());

    /** Classifies the file from a crawler-sized sample of its (decompressed) head, then reads it whole. */
    private FormatTestFiles.Read read(Classifier classifier, String file) throws IOException {
        Path path = new Path(new java.io.File(file).getAbsoluteFile().toURI());
        FileSystem fs = path.getFileSystem(FormatTestFiles.conf());
        FileStatus status = fs.getFileStatus(path);
        Classification classification =
                classifier.classify(FileSample.read(fs, status, 64 * 1024)).orElseThrow();
        ReadSpec spec = FormatTestFiles.spec(classification);
        FormatTestFiles.Read read = FormatTestFiles.read(formats.forSpec(spec), path, spec);
        assertThat(read.messages()).as("bad records of %s", file).isEmpty();
        return read;
    }

    @Test
    void salesCsvWithHeader() throws IOException {
        List<Row> rows = read(new DelimitedClassifier(), "testdata/sales/year=2024/month=01/sales.csv")
                .rows();

        assertThat(rows).hasSize(12);
        assertThat(rows.get(0))
                .isEqualTo(Row.of(
                        1001, LocalDateTime.of(2024, 1, 15, 17, 54, 59), "JP", "gizmo", 9, new BigDecimal("149.00")));
    }

    @Test
    void multiLineReviews() throws IOException {
        List<Row> rows =
                read(new DelimitedClassifier(), "testdata/reviews/reviews.csv").rows();

        assertThat(rows).hasSize(5);
        assertThat(rows.get(1))
                .isEqualTo(Row.of(
                        2, "gadget", 3, "It is \"fine\".\nBattery life could be better.", LocalDate.of(2024, 3, 4)));
        assertThat(rows.get(2).get(3)).isEqualTo("Solid, heavy,\nand a bit loud");
    }

    @Test
    void headerlessPipeSeparatedProducts() throws IOException {
        List<Row> rows = read(new DelimitedClassifier(), "testdata/products/products.psv")
                .rows();

        assertThat(rows).hasSize(5);
        assertThat(rows.get(3)).isEqualTo(Row.of(103, "gizmo", new BigDecimal("149.00"), "home", true));
    }

    @Test
    void compressedJsonEvents() throws IOException {
        List<Row> rows = read(new JsonClassifier(), "testdata/events/2024/01/15/events-0001.json.gz")
                .rows();

        assertThat(rows).hasSize(15);
        assertThat(rows.get(0))
                .isEqualTo(Row.of(
                        "e-20240115-000",
                        LocalDateTime.of(2024, 1, 15, 21, 30, 57),
                        Row.of(40, "JP"),
                        "view",
                        List.of("mobile"),
                        null));
        assertThat(rows.get(1).get(5)).isEqualTo(35.56);
    }

    @Test
    void xmlBooks() throws IOException {
        List<Row> rows = read(new XmlClassifier(), "testdata/library/books.xml").rows();

        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).isEqualTo(Row.of("bk101", "Dune", "Frank Herbert", 1965, new BigDecimal("9.99")));
    }

    @Test
    void apacheAndSyslogLogs() throws IOException {
        List<Row> access = read(GrokClassifier.apacheCombined(), "testdata/logs/web/access.log")
                .rows();
        List<Row> messages = read(GrokClassifier.syslog(), "testdata/logs/system/messages.log")
                .rows();

        assertThat(access).hasSize(20);
        assertThat(access.get(0).get(0)).isEqualTo("192.168.1.158");
        assertThat(access.get(0).get(8)).isEqualTo(304);
        assertThat(access.get(0).get(9)).isEqualTo(6679L);
        assertThat(messages).hasSize(15);
        assertThat(messages.get(0))
                .isEqualTo(Row.of("Mar 10 19:02:06", null, null, "web-01", "sshd", 1200, "disk check passed"));
    }
}
