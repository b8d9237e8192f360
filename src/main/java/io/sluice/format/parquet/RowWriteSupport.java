package io.sluice.format.parquet;

import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Parquet's write seam for Sluice rows: writes each row straight to the record consumer in the schema {@link
 * HiveToParquet} gives. The Hive schema is kept in the file's metadata under {@value #HIVE_SCHEMA_KEY}, since
 * Parquet's types do not tell {@code varchar(n)} or {@code char(n)} from {@code string}.
 */
final class RowWriteSupport extends WriteSupport<Row> {
    static final String HIVE_SCHEMA_KEY = "sluice.hive.schema";

    private final StructType schema;
    private ValueWriters.StructWriter root;
    private RecordConsumer consumer;

    RowWriteSupport(StructType schema) {
        this.schema = schema;
    }

    @Override
    public String getName() {
        return "sluice";
    }

    // Deprecated for the ParquetConfiguration overload, but still the abstract method a write support must implement.
    @SuppressWarnings("deprecation")
    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(HiveToParquet.messageType(schema), Map.of(HIVE_SCHEMA_KEY, schema.toString()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
        this.root = new ValueWriters.StructWriter(schema, recordConsumer);
    }

    @Override
    public void write(Row row) {
        consumer.startMessage();
        root.writeFields(row);
        consumer.endMessage();
    }
}
