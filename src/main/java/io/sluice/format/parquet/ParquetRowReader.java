package io.sluice.format.parquet;

import io.sluice.format.RowReader;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport.ReadContext;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;

/**
 * Reads the row groups of one split of a Parquet file: those whose midpoint lies in the split, as Parquet's own input
 * format decides, so that every row group is read by exactly one split. Record numbers in bad-record errors count
 * from the file's first row, 1-based.
 */
final class ParquetRowReader implements RowReader {
    private final String file;
    private final int width;
    private final ParquetFileReader reader;
    private final MessageColumnIO columns;
    private final RowMaterializer materializer;
    private final RecordProblems problems;
    private RecordReader<Row> records;
    private long remainingInGroup;
    /** Rows read of the split's row groups, for {@link #progress}. */
    private long rowsRead;

    private long rowNumber;

    private ParquetRowReader(
            String file,
            int width,
            ParquetFileReader reader,
            MessageColumnIO columns,
            RowMaterializer materializer,
            RecordProblems problems) {
        this.file = file;
        this.width = width;
        this.reader = reader;
        this.columns = columns;
        this.materializer = materializer;
        this.problems = problems;
    }

    static ParquetRowReader open(Configuration conf, Path path, long start, long length, StructType table)
            throws IOException {
        ParquetReadOptions options = HadoopReadOptions.builder(conf, path)
                .withRange(start, end(start, length))
                .build();
        ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf), options);
        try {
            return open(conf, path.toString(), reader, table);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The split's end; one that would overflow is the largest position. */
    private static long end(long start, long length) {
        return length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
    }

    private static ParquetRowReader open(Configuration conf, String file, ParquetFileReader reader, StructType table) {
        FileMetaData metadata = reader.getFooter().getFileMetaData();
        RowReadSupport support = new RowReadSupport(table, file);
        ReadContext context =
                support.init(new InitContext(conf, sets(metadata.getKeyValueMetaData()), metadata.getSchema()));
        reader.setRequestedSchema(context.getRequestedSchema());
        RowMaterializer materializer = (RowMaterializer)
                support.prepareForRead(conf, metadata.getKeyValueMetaData(), metadata.getSchema(), context);
        MessageColumnIO columns = new ColumnIOFactory(metadata.getCreatedBy())
                .getColumnIO(context.getRequestedSchema(), metadata.getSchema(), true);
        return new ParquetRowReader(file, table.fields().size(), reader, columns, materializer, support.problems());
    }

    private static Map<String, Set<String>> sets(Map<String, String> metadata) {
        Map<String, Set<String>> sets = new HashMap<>();
        metadata.forEach((key, value) -> sets.put(key, Set.of(value)));
        return sets;
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        if (row.width() != width) {
            throw new IllegalArgumentException("row of width " + row.width() + " for a schema of " + width);
        }
        while (remainingInGroup == 0) {
            if (!nextRowGroup()) {
                return false;
            }
        }
        materializer.target(row);
        try {
            records.read();
        } catch (RuntimeException e) {
            // Parquet reports corrupt pages unchecked; past one, nothing more of the row group can be trusted.
            throw new IOException(file + ": cannot read row " + (rowNumber + 1) + ": " + e.getMessage(), e);
        }
        remainingInGroup--;
        rowNumber++;
        rowsRead++;
        if (problems.any()) {
            throw new BadRecordException(
                    file,
                    OptionalLong.of(rowNumber),
                    Optional.of(problems.column()),
                    Optional.empty(),
                    problems.reason());
        }
        return true;
    }

    private boolean nextRowGroup() throws IOException {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
            return false;
        }
        rowNumber = pages.getRowIndexOffset().orElse(rowNumber);
        remainingInGroup = pages.getRowCount();
        records = columns.getRecordReader(pages, materializer, FilterCompat.NOOP);
        return true;
    }

    /** The share of the split's rows (those of its row groups) read. */
    @Override
    public float progress() {
        long total = reader.getRecordCount();
        return total <= 0 ? 1 : Math.min(1, rowsRead / (float) total);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
