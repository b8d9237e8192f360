package io.sluice.format.parquet;

import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet's read seam for Sluice rows: requests only the table's columns of a file ({@link ParquetProjection}) and
 * materializes records straight into {@link Row}s. One instance reads one file.
 */
final class RowReadSupport extends ReadSupport<Row> {
    private final StructType table;
    private final String file;
    private final RecordProblems problems = new RecordProblems();
    private ParquetProjection projection;

    RowReadSupport(StructType table, String file) {
        this.table = table;
        this.file = file;
    }

    @Override
    public ReadContext init(InitContext context) {
        projection = ParquetProjection.of(context.getFileSchema(), table, file);
        return new ReadContext(projection.requested());
    }

    // Deprecated for the ParquetConfiguration overload, but still the abstract method a read support must implement.
    @SuppressWarnings("deprecation")
    @Override
    public RecordMaterializer<Row> prepareForRead(
            Configuration configuration,
            Map<String, String> keyValueMetaData,
            MessageType fileSchema,
            ReadContext readContext) {
        return new RowMaterializer(projection.root(), problems);
    }

    /** The problems of the record read last. */
    RecordProblems problems() {
        return problems;
    }
}
