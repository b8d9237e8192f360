package io.sluice.format;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads every row of a catalog table, or of some of its partitions, file after file: the data columns through the
 * format the storage descriptor names, then the partition keys with the partition's values (typed by the key's type).
 * Files whose names start with {@code _} or {@code .} are not data and are skipped, as Hadoop tools do.
 */
public final class TableReader implements Closeable {
    private final Configuration conf;
    private final Formats formats;
    private final Table table;
    private final StructType schema;
    private final Deque<Source> sources = new ArrayDeque<>();
    private final int dataWidth;
    private RowReader current;
    private Source currentSource;
    private Row dataRow;

    private TableReader(Configuration conf, Formats formats, Table table) {
        this.conf = conf;
        this.formats = formats;
        this.table = table;
        List<StructField> fields = new ArrayList<>(
                Schemas.struct(table.storageDescriptor().columns()).fields());
        for (Column key : table.partitionKeys()) {
            fields.add(StructField.of(key.name(), key.type()));
        }
        this.schema = new StructType(fields);
        this.dataWidth = table.storageDescriptor().columns().size();
    }

    /** Reads an unpartitioned table, or all of a partitioned one's given partitions. */
    public static TableReader open(Configuration conf, Formats formats, Table table, List<Partition> partitions)
            throws IOException {
        TableReader reader = new TableReader(conf, formats, requireNonNull(table, "table is null"));
        if (table.isPartitioned()) {
            for (Partition partition : partitions) {
                reader.addFiles(partition.storageDescriptor(), partitionValues(table, partition));
            }
        } else {
            reader.addFiles(table.storageDescriptor(), new Object[0]);
        }
        return reader;
    }

    /** The schema of the rows: data columns, then partition keys. */
    public StructType schema() {
        return schema;
    }

    /** The file being read, for messages. */
    public String currentFile() {
        return currentSource == null ? "" : currentSource.file.toString();
    }

    /** Fills {@code row} (of {@link #schema()}'s width) with the next record; false when every file is read. */
    public boolean next(Row row) throws IOException, BadRecordException {
        while (true) {
            if (current == null) {
                if (sources.isEmpty()) {
                    return false;
                }
                currentSource = sources.poll();
                current = currentSource.format.open(
                        conf, currentSource.file, 0, currentSource.length, currentSource.spec);
                dataRow = new Row(dataWidth);
            }
            if (current.next(dataRow)) {
                for (int i = 0; i < dataWidth; i++) {
                    row.setFrom(i, dataRow, i);
                }
                Object[] values = currentSource.partitionValues;
                for (int i = 0; i < values.length; i++) {
                    row.set(dataWidth + i, values[i]);
                }
                return true;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        sources.clear();
    }

    private void addFiles(StorageDescriptor storage, Object[] partitionValues) throws IOException {
        ReadSpec spec = ReadSpec.of(table, storage);
        FileFormat format = formats.forSpec(spec);
        Path location = new Path(storage.location());
        FileSystem fs = location.getFileSystem(conf);
        List<FileStatus> files = new ArrayList<>();
        try {
            FileStatus status = fs.getFileStatus(location);
            if (status.isFile()) {
                files.add(status);
            } else {
                collect(fs, location, files);
            }
        } catch (FileNotFoundException e) {
            return; // a table or partition whose folder is gone has no rows
        }
        files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        for (FileStatus file : files) {
            sources.add(new Source(file.getPath(), file.getLen(), format, spec, partitionValues));
        }
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

    private static Object[] partitionValues(Table table, Partition partition) {
        Object[] values = new Object[table.partitionKeys().size()];
        for (int i = 0; i < values.length; i++) {
            Column key = table.partitionKeys().get(i);
            String text = partition.values().get(i);
            values[i] = Partition.NULL_VALUE.equals(text)
                    ? null
                    : TextValueParser.of(key.type(), java.util.Optional.empty()).parse(text);
        }
        return values;
    }

    private record Source(Path file, long length, FileFormat format, ReadSpec spec, Object[] partitionValues) {
        @Override
        public String toString() {
            return file + " " + Arrays.toString(partitionValues);
        }
    }
}
