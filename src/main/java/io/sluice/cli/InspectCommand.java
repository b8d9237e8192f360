package io.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.classify.BuiltinClassifiers;
import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierChain;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.InferredColumn;
import io.sluice.crawler.CrawlerDefinition;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice inspect}: how Sluice classifies files, and why. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Classify files and explain: format and certainty, dialect, header, each column's type and the"
                + " sample values that decided it, and what the other classifiers said.")
final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to classify (local or any Hadoop URI).")
    private List<String> files;

    @Option(
            names = "--sample-bytes",
            paramLabel = "N",
            description = "How many bytes of text the classifiers see (default: ${DEFAULT-VALUE}).")
    private int sampleBytes = CrawlerDefinition.DEFAULT_SAMPLE_BYTES;

    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        ClassifierChain chain = BuiltinClassifiers.chain(List.of());
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode results = MAPPER.createArrayNode();
        for (String file : files) {
            ClassifierChain.Verdicts verdicts = classify(chain, file);
            if (json.json) {
                results.add(json(file, verdicts));
            } else {
                print(out, file, verdicts);
            }
        }
        if (json.json) {
            ObjectNode root = MAPPER.createObjectNode();
            root.set("Files", results);
            out.println(write(root));
        }
        return 0;
    }

    private ClassifierChain.Verdicts classify(ClassifierChain chain, String file) {
        Path path = new Path(file);
        try {
            FileSystem fs = path.getFileSystem(root.hadoopConfiguration());
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                throw SluiceException.invalidArgument(
                        "%s is a folder; inspect takes files (crawl takes folders)", file);
            }
            return chain.classifyAll(FileSample.read(fs, status, sampleBytes));
        } catch (FileNotFoundException e) {
            throw SluiceException.notFound("file %s does not exist", file);
        } catch (CorruptFileException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, file + " is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.EXTERNAL_FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, String file, ClassifierChain.Verdicts verdicts) {
        out.println(file);
        if (verdicts.winner().isEmpty()) {
            out.println("  UNKNOWN: no classifier recognised this file");
            out.println();
            return;
        }
        Classification winner = verdicts.winner().get();
        out.printf(
                "  %s (certainty %.2f, by classifier %s)%n",
                winner.classification(), winner.certainty(), winner.classifier());
        winner.reasons().forEach(r -> out.println("  - " + r));
        winner.recordCount().ifPresent(n -> out.println("  records: " + n));
        if (!winner.parameters().isEmpty()) {
            out.println("  parameters: " + winner.parameters());
        }
        out.println("  serde: " + winner.serde().serializationLibrary()
                + (winner.serde().parameters().isEmpty()
                        ? ""
                        : " " + winner.serde().parameters()));
        TextTable columns = TextTable.withHeader("  COLUMN", "TYPE", "WHY");
        for (InferredColumn column : winner.columns()) {
            columns.row("  " + column.name(), column.type(), column.reason());
        }
        columns.print(out);
        for (Classification other : verdicts.all()) {
            if (other != winner) {
                out.printf("  also: %s (certainty %.2f)%n", other.classification(), other.certainty());
            }
        }
        out.println();
    }

    private static ObjectNode json(String file, ClassifierChain.Verdicts verdicts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Path", file);
        if (verdicts.winner().isEmpty()) {
            node.put("Classification", "UNKNOWN");
            return node;
        }
        Classification winner = verdicts.winner().get();
        node.put("Classification", winner.classification());
        node.put("Classifier", winner.classifier());
        node.put("Certainty", winner.certainty());
        winner.recordCount().ifPresent(n -> node.put("RecordCount", n));
        ArrayNode columns = node.putArray("Columns");
        for (InferredColumn column : winner.columns()) {
            ObjectNode c = columns.addObject();
            c.put("Name", column.name());
            c.put("Type", column.type().toString());
            c.put("Reason", column.reason());
        }
        ObjectNode parameters = node.putObject("Parameters");
        winner.parameters().forEach(parameters::put);
        ObjectNode serde = node.putObject("SerdeInfo");
        serde.put("SerializationLibrary", winner.serde().serializationLibrary());
        ObjectNode serdeParameters = serde.putObject("Parameters");
        winner.serde().parameters().forEach(serdeParameters::put);
        ArrayNode reasons = node.putArray("Reasons");
        winner.reasons().forEach(reasons::add);
        ArrayNode others = node.putArray("OtherVerdicts");
        for (Classification other : verdicts.all()) {
            if (other != winner) {
                others.addObject().put("Classification", other.classification()).put("Certainty", other.certainty());
            }
        }
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
