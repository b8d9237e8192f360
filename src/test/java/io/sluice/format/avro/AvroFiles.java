package io.sluice.format.avro;

import static io.sluice.format.FormatTesting.conf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;

/** Avro data files written with Avro's own generic writer. */
final class AvroFiles {
    private AvroFiles() {}

    /** Writes the records, ending a block (with a sync marker) every {@code recordsPerBlock} records. */
    static void write(Path file, Schema schema, List<GenericRecord> records, int recordsPerBlock) throws IOException {
        try (OutputStream out = file.getFileSystem(conf()).create(file);
                DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, out);
            int inBlock = 0;
            for (GenericRecord record : records) {
                writer.append(record);
                if (++inBlock == recordsPerBlock) {
                    writer.sync();
                    inBlock = 0;
                }
            }
        }
    }

    static void write(Path file, Schema schema, List<GenericRecord> records) throws IOException {
        write(file, schema, records, Integer.MAX_VALUE);
    }
}
