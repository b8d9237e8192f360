package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.conf;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Parquet files written by parquet-hadoop's example writer, in whatever layout a schema text gives. */
final class ExampleFiles {
    private ExampleFiles() {}

    /** Writes one record per filler, each filling a new group of the schema. */
    static void write(Path file, String schemaText, List<Consumer<Group>> records) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf()))
                .withConf(conf())
                .withType(schema)
                .build()) {
            for (Consumer<Group> record : records) {
                Group group = groups.newGroup();
                record.accept(group);
                writer.write(group);
            }
        }
    }
}
