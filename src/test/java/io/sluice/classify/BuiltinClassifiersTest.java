package io.sluice.classify;

import static io.sluice.classify.ClassifierTestFiles.conf;
import static io.sluice.classify.ClassifierTestFiles.hadoopPath;
import static io.sluice.classify.ClassifierTestFiles.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.grok.GrokClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinClassifiersTest {
    private static final String COMBINED_LINE = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700]"
            + " \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08\"\n";
    private static final String COMMON_LINE =
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326\n";
    private static final String SYSLOG_LINE = "Mar  7 04:02:16 myhost sshd[1234]: Accepted password for root\n";

    @TempDir
    Path dir;

    @Test
    void binaryFormatsFirstThenXmlThenLogsThenLooseText() {
        assertThat(BuiltinClassifiers.all())
                .extracting(Classifier::name)
                .containsExactly(
                        "parquet", "orc", "avro", "xml", "apache_combined", "apache_common", "syslog", "json", "csv");
    }

    @Test
    void builtinsByName() {
        assertThat(BuiltinClassifiers.named("avro"))
                .get()
                .extracting(Classifier::name)
                .isEqualTo("avro");
        assertThat(BuiltinClassifiers.named("csv"))
                .get()
                .extracting(Classifier::name)
                .isEqualTo("csv");
        assertThat(BuiltinClassifiers.named("tsv")).isEmpty();
    }

    @Test
    void eachFileIsClaimedByItsOwnClassifier() throws IOException {
        ClassifierChain chain = BuiltinClassifiers.chain(List.of());

        assertThat(winner(chain, parquet())).isEqualTo("parquet");
        assertThat(winner(chain, orc())).isEqualTo("orc");
        assertThat(winner(chain, avro())).isEqualTo("avro");
        assertThat(winner(chain, text("books.xml", "<books><book><t>a</t></book><book><t>b</t></book></books>")))
                .isEqualTo("xml");
        assertThat(winner(chain, text("access.log", COMBINED_LINE.repeat(3)))).isEqualTo("apache_combined");
        assertThat(winner(chain, text("access.log", COMMON_LINE.repeat(3)))).isEqualTo("apache_common");
        assertThat(winner(chain, text("messages", SYSLOG_LINE.repeat(3)))).isEqualTo("syslog");
        assertThat(winner(chain, text("events.json", "{\"a\": 1}\n{\"a\": 2}\n")))
                .isEqualTo("json");
        assertThat(winner(chain, text("data.csv", "a,b\n1,2\n3,4\n"))).isEqualTo("csv");
        assertThat(chain.classify(sample(text("notes.txt", "just some words\nand more\n"))))
                .as("two lines of words read at best as a one-column list")
                .hasValueSatisfying(c -> assertThat(c.certainty()).isLessThan(0.5));
    }

    @Test
    void binaryFilesAreClaimedByNoOtherBuiltin() throws IOException {
        assertThat(claimants(parquet())).containsExactly("parquet");
        assertThat(claimants(orc())).containsExactly("orc");
        assertThat(claimants(avro())).containsExactly("avro");
    }

    /** Every built-in that claims the file, each asked on its own. */
    private static List<String> claimants(Path file) throws IOException {
        FileSample sample = sample(file);
        List<String> names = new java.util.ArrayList<>();
        for (Classifier classifier : BuiltinClassifiers.all()) {
            if (classifier.classify(sample).isPresent()) {
                names.add(classifier.name());
            }
        }
        return names;
    }

    @Test
    void customClassifiersRunFirst() throws IOException {
        GrokClassifier custom = GrokClassifier.of(
                "sshd",
                "sshd_log",
                "%{SYSLOGTIMESTAMP:ts} %{HOSTNAME:host} sshd\\[%{INT:pid:int}\\]: %{GREEDYDATA:msg}",
                Map.of());

        assertThat(winner(BuiltinClassifiers.chain(List.of(custom)), text("messages", SYSLOG_LINE.repeat(2))))
                .isEqualTo("sshd");
    }

    private static String winner(ClassifierChain chain, Path file) throws IOException {
        return chain.classify(sample(file)).orElseThrow().classifier();
    }

    private Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path parquet() throws IOException {
        Path file = dir.resolve("a.parquet");
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 a; }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                        HadoopOutputFile.fromPath(hadoopPath(file), conf()))
                .withType(schema)
                .build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("a", 1));
        }
        return file;
    }

    private Path orc() throws IOException {
        Path file = dir.resolve("a.orc");
        TypeDescription schema = TypeDescription.fromString("struct<a:int>");
        try (Writer writer = OrcFile.createWriter(
                hadoopPath(file), OrcFile.writerOptions(conf()).setSchema(schema))) {
            VectorizedRowBatch batch = schema.createRowBatch();
            ((LongColumnVector) batch.cols[0]).vector[batch.size++] = 1;
            writer.addRowBatch(batch);
        }
        return file;
    }

    private Path avro() throws IOException {
        Path file = dir.resolve("a.avro");
        Schema schema = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, file.toFile());
            GenericRecord record = new GenericData.Record(schema);
            record.put("a", 1);
            writer.append(record);
        }
        return file;
    }
}
