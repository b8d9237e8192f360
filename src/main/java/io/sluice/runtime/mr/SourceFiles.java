package io.sluice.runtime.mr;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.format.Schemas;
import io.sluice.job.PathSource;
import io.sluice.job.ResolvedSource;
import io.sluice.job.SourceRef;
import io.sluice.job.TableSource;
import io.sluice.job.UnionSource;
import io.sluice.job.ValidatedJob;
import io.sluice.types.StructType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the files a job's source reads, with how to read each: a catalog table's files (only the partitions its
 * {@code where} keeps), the files under a path source's path (read as its format and options say, see {@link
 * PathStorage}), or the parts of a union, each keeping its own schema so that mappers widen its rows to the union's.
 * Files whose names start with {@code _} or {@code .} are not data, as for Hadoop tools.
 */
final class SourceFiles {
    private final Catalog catalog;
    private final Configuration conf;

    SourceFiles(Catalog catalog, Configuration conf) {
        this.catalog = catalog;
        this.conf = conf;
    }

    /**
     * Files of one schema: a table, a path, or one input of a union.
     *
     * @param schema the schema of the rows the files give (data columns, then partition keys)
     */
    record Part(StructType schema, List<InputFile> files) {
        Part {
            files = List.copyOf(files);
        }
    }

    /** The parts of a source of the job: one, or one per (nested) input of a union, in union order. */
    List<Part> parts(ValidatedJob job, ResolvedSource source) throws IOException {
        List<Part> parts = new ArrayList<>();
        addParts(job, source, parts);
        return parts;
    }

    private void addParts(ValidatedJob job, ResolvedSource resolved, List<Part> parts) throws IOException {
        if (resolved.source() instanceof TableSource table) {
            parts.add(new Part(resolved.schema(), tableFiles(table, resolved)));
        } else if (resolved.source() instanceof PathSource path) {
            parts.add(new Part(resolved.schema(), pathFiles(path, resolved.schema())));
        } else {
            for (SourceRef input : ((UnionSource) resolved.source()).inputs()) {
                ResolvedSource named = job.sources().get(input.name());
                if (named == null) {
                    throw new SluiceException(
                            ErrorCode.INTERNAL_ERROR,
                            "job " + job.definition().name() + ": union input '" + input.name() + "' was not resolved");
                }
                addParts(job, named, parts);
            }
        }
    }

    private List<InputFile> tableFiles(TableSource source, ResolvedSource resolved) throws IOException {
        Table table = catalog.getTable(source.table())
                .orElseThrow(() -> SluiceException.notFound("table %s does not exist", source.table()));
        String schema = Schemas.struct(table.storageDescriptor().columns()).toString();
        List<String> keyTypes =
                table.partitionKeys().stream().map(k -> k.type().toString()).toList();
        List<InputFile> files = new ArrayList<>();
        if (!table.isPartitioned()) {
            addTableFiles(files, table, table.storageDescriptor(), schema, List.of(), keyTypes);
            return files;
        }
        List<Partition> partitions = resolved.partitionFilter()
                .map(filter -> catalog.listPartitions(table.id(), filter))
                .orElseGet(() -> catalog.listPartitions(table.id()));
        for (Partition partition : partitions) {
            addTableFiles(files, table, partition.storageDescriptor(), schema, partition.values(), keyTypes);
        }
        return files;
    }

    private void addTableFiles(
            List<InputFile> files,
            Table table,
            StorageDescriptor storage,
            String schema,
            List<String> values,
            List<String> keyTypes)
            throws IOException {
        for (FileStatus file : dataFiles(new Path(storage.location()), false)) {
            files.add(new InputFile(
                    file.getPath().toString(),
                    file.getLen(),
                    schema,
                    storage.inputFormat(),
                    storage.serdeInfo().serializationLibrary(),
                    storage.serdeInfo().parameters(),
                    table.parameters(),
                    values,
                    keyTypes));
        }
    }

    private List<InputFile> pathFiles(PathSource source, StructType schema) throws IOException {
        PathStorage storage = PathStorage.of(source, schema);
        List<InputFile> files = new ArrayList<>();
        for (FileStatus file : dataFiles(new Path(source.path()), true)) {
            files.add(new InputFile(
                    file.getPath().toString(),
                    file.getLen(),
                    schema.toString(),
                    storage.inputFormat(),
                    storage.serde(),
                    storage.serdeParameters(),
                    storage.parameters(),
                    List.of(),
                    List.of()));
        }
        return files;
    }

    /**
     * The data files at a location (itself when it is a file), in name order; a missing location has none, or for a
     * path source is an error naming it.
     */
    private List<FileStatus> dataFiles(Path location, boolean required) throws IOException {
        FileSystem fs = location.getFileSystem(conf);
        List<FileStatus> files = new ArrayList<>();
        FileStatus status;
        try {
            status = fs.getFileStatus(location);
        } catch (FileNotFoundException e) {
            if (required) {
                throw SluiceException.notFound("path %s does not exist", location);
            }
            return files;
        }
        if (status.isFile()) {
            files.add(status);
        } else {
            collect(fs, location, files);
        }
        files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        return files;
    }

    private static void collect(FileSystem fs, Path folder, List<FileStatus> files) throws IOException {
        for (FileStatus child : fs.listStatus(folder)) {
            String name = child.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (child.isDirectory()) {
                collect(fs, child.getPath(), files);
            } else if (child.getLen() > 0) {
                files.add(child);
            }
        }
    }
}
