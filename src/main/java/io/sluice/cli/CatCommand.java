package io.sluice.cli;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.PartitionFilter;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.classify.BuiltinClassifiers;
import io.sluice.classify.Classification;
import io.sluice.classify.ClassifierChain;
import io.sluice.classify.FileSample;
import io.sluice.crawler.CrawlerDefinition;
import io.sluice.format.BuiltinFormats;
import io.sluice.format.FileFormat;
import io.sluice.format.Formats;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.Schemas;
import io.sluice.format.TableReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice cat}: reads rows of a catalog table or of files through the same readers jobs use, so a crawl's
 * verdict is proven by reading the data back. Values that do not parse as their column's type are reported with
 * file, line and column on stderr — never turned into null — and make the exit code 1.
 */
@Command(
        name = "cat",
        mixinStandardHelpOptions = true,
        description = "Print the rows of a catalog table (DB.TABLE) or of files (classified as 'sluice inspect' does).")
final class CatCommand implements Callable<Integer> {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_$-]+");

    @ParentCommand
    private SluiceCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH|DB.TABLE", description = "A catalog table, or a file or folder.")
    private String source;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N rows (default: all).")
    private long limit = Long.MAX_VALUE;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv (with a header) or json (one object per line); default: ${DEFAULT-VALUE}.")
    private RowPrinter.Format format = RowPrinter.Format.CSV;

    @Option(
            names = "--where",
            paramLabel = "EXPR",
            description = "For a partitioned table: only partitions matching this filter on partition keys.")
    private String where;

    private long printed;
    private long bad;

    @Override
    public Integer call() throws IOException {
        RowPrinter printer = new RowPrinter(spec.commandLine().getOut(), format);
        Formats formats = BuiltinFormats.formats();
        Optional<Table> table = TABLE_NAME.matcher(source).matches() ? findTable() : Optional.empty();
        if (table.isPresent()) {
            catTable(table.get(), formats, printer);
        } else {
            catFiles(formats, printer);
        }
        spec.commandLine().getOut().flush();
        if (bad > 0) {
            spec.commandLine().getErr().println(bad + " bad record" + (bad == 1 ? "" : "s") + " (see above)");
            return 1;
        }
        return 0;
    }

    private Optional<Table> findTable() {
        try (Catalog catalog = root.openCatalog()) {
            return catalog.getTable(TableId.parse(source)).map(t -> t);
        }
    }

    private void catTable(Table table, Formats formats, RowPrinter printer) throws IOException {
        List<Partition> partitions = List.of();
        if (table.isPartitioned()) {
            try (Catalog catalog = root.openCatalog()) {
                partitions = where == null
                        ? catalog.listPartitions(table.id())
                        : catalog.listPartitions(table.id(), PartitionFilter.parse(where, table.partitionKeys()));
            }
        } else if (where != null) {
            throw SluiceException.invalidArgument("table %s is not partitioned: --where does not apply", table.id());
        }
        try (TableReader reader = TableReader.open(root.hadoopConfiguration(), formats, table, partitions)) {
            Row row = new Row(reader.schema().fields().size());
            while (printed < limit) {
                try {
                    if (!reader.next(row)) {
                        break;
                    }
                    printer.print(reader.schema(), row);
                    printed++;
                } catch (BadRecordException e) {
                    reportBad(e);
                }
            }
        }
    }

    private void catFiles(Formats formats, RowPrinter printer) throws IOException {
        Configuration conf = root.hadoopConfiguration();
        Path path = new Path(source);
        FileSystem fs = path.getFileSystem(conf);
        List<FileStatus> files = new ArrayList<>();
        try {
            collect(fs, fs.getFileStatus(path), files);
        } catch (FileNotFoundException e) {
            throw SluiceException.notFound("no table or file named %s", source);
        }
        ClassifierChain classifiers = BuiltinClassifiers.chain(List.of());
        for (FileStatus file : files) {
            if (printed >= limit) {
                break;
            }
            Classification classification = classifiers
                    .classify(FileSample.read(fs, file, CrawlerDefinition.DEFAULT_SAMPLE_BYTES))
                    .orElseThrow(() -> new SluiceException(
                            ErrorCode.INVALID_ARGUMENT,
                            file.getPath() + ": no classifier recognised the format (see 'sluice inspect')"));
            StructType schema = Schemas.struct(classification.catalogColumns());
            java.util.Map<String, String> parameters = new java.util.TreeMap<>(classification.parameters());
            parameters.put("classification", classification.classification());
            ReadSpec readSpec = new ReadSpec(schema, classification.inputFormat(), classification.serde(), parameters);
            FileFormat fileFormat = formats.forSpec(readSpec);
            try (RowReader reader = fileFormat.open(conf, file.getPath(), 0, file.getLen(), readSpec)) {
                Row row = new Row(schema.fields().size());
                while (printed < limit) {
                    try {
                        if (!reader.next(row)) {
                            break;
                        }
                        printer.print(schema, row);
                        printed++;
                    } catch (BadRecordException e) {
                        reportBad(e);
                    }
                }
            }
        }
    }

    private static void collect(FileSystem fs, FileStatus status, List<FileStatus> files) throws IOException {
        String name = status.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
            return;
        }
        if (status.isFile()) {
            if (status.getLen() > 0) {
                files.add(status);
            }
            return;
        }
        FileStatus[] children = fs.listStatus(status.getPath());
        java.util.Arrays.sort(children, (a, b) -> a.getPath().compareTo(b.getPath()));
        for (FileStatus child : children) {
            collect(fs, child, files);
        }
    }

    private void reportBad(BadRecordException e) {
        bad++;
        PrintWriter err = spec.commandLine().getErr();
        err.println("bad record: " + e.getMessage());
    }
}
