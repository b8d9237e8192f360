package io.sluice.testdata;

import io.sluice.cluster.HadoopConfigurations;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the binary files of the sample lake in {@code testdata/} (Parquet, ORC, Avro and a truncated Parquet file)
 * with the formats' own libraries, so the crawler is tested on files other tools wrote. The files are committed; run
 * this only to regenerate them: {@code java -cp ... io.sluice.testdata.SampleLakeWriter testdata}.
 */
public final class SampleLakeWriter {
    private SampleLakeWriter() {}

    public static void main(String[] args) throws IOException {
        Path lake = Path.of(args.length > 0 ? args[0] : "testdata");
        Configuration conf = HadoopConfigurations.local();
        inventory(conf, lake.resolve("inventory/inventory.parquet"));
        shipments(conf, lake.resolve("shipments/shipments.orc"));
        clicks(lake.resolve("clicks/clicks.avro"));
        truncated(lake.resolve("inventory/inventory.parquet"), lake.resolve("broken/metrics.parquet"));
    }

    private static void inventory(Configuration conf, Path file) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(
                """
                message inventory {
                  required binary sku (STRING);
                  optional binary warehouse (STRING);
                  required int32 on_hand;
                  optional int64 unit_cost (DECIMAL(9,2));
                  optional int64 updated_at (TIMESTAMP(MICROS,true));
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                }
                """);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(conf)
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            String[] warehouses = {"berlin", "lyon", "austin"};
            for (int i = 0; i < 24; i++) {
                Group row = groups.newGroup().append("sku", "SKU-" + (1000 + i)).append("on_hand", (i * 37) % 120);
                if (i % 7 != 3) {
                    row.append("warehouse", warehouses[i % 3]);
                }
                row.append(
                        "unit_cost",
                        new BigDecimal("4.50")
                                .add(BigDecimal.valueOf(i * 125, 2))
                                .unscaledValue()
                                .longValue());
                LocalDateTime at = LocalDateTime.of(2024, 3, 1 + i % 28, 8, i, 0);
                row.append("updated_at", at.toEpochSecond(ZoneOffset.UTC) * 1_000_000L);
                Group tags = row.addGroup("tags");
                tags.addGroup("list").append("element", i % 2 == 0 ? "fragile" : "bulk");
                if (i % 5 == 0) {
                    tags.addGroup("list").append("element", "promo");
                }
                writer.write(row);
            }
        }
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }

    private static void shipments(Configuration conf, Path file) throws IOException {
        TypeDescription schema = TypeDescription.fromString(
                "struct<shipment_id:bigint,order_id:int,carrier:string,shipped_on:date,weight_kg:double,"
                        + "address:struct<city:string,country:string>>");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (Writer writer = OrcFile.createWriter(
                new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.writerOptions(conf).setSchema(schema))) {
            VectorizedRowBatch batch = schema.createRowBatch();
            String[] carriers = {"DHL", "UPS", "La Poste"};
            String[][] cities = {{"Berlin", "Germany"}, {"Lyon", "France"}, {"Austin", "United States"}};
            for (int i = 0; i < 18; i++) {
                int row = batch.size++;
                ((LongColumnVector) batch.cols[0]).vector[row] = 7_000_000_000L + i;
                ((LongColumnVector) batch.cols[1]).vector[row] = 1001 + i * 2;
                ((BytesColumnVector) batch.cols[2]).setVal(row, carriers[i % 3].getBytes(StandardCharsets.UTF_8));
                ((LongColumnVector) batch.cols[3]).vector[row] =
                        LocalDate.of(2024, 1, 2 + i).toEpochDay();
                ((DoubleColumnVector) batch.cols[4]).vector[row] = 0.25 + i * 1.5;
                StructColumnVector address = (StructColumnVector) batch.cols[5];
                ((BytesColumnVector) address.fields[0]).setVal(row, cities[i % 3][0].getBytes(StandardCharsets.UTF_8));
                ((BytesColumnVector) address.fields[1]).setVal(row, cities[i % 3][1].getBytes(StandardCharsets.UTF_8));
            }
            writer.addRowBatch(batch);
        }
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }

    private static void clicks(Path file) throws IOException {
        Schema schema = new Schema.Parser()
                .parse(
                        """
                {"type": "record", "name": "Click", "namespace": "shop", "fields": [
                  {"name": "session", "type": "string"},
                  {"name": "url", "type": "string"},
                  {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "duration_ms", "type": "long"},
                  {"name": "referrer", "type": ["null", "string"], "default": null}
                ]}
                """);
        Files.createDirectories(file.getParent());
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.setCodec(CodecFactory.deflateCodec(6));
            writer.create(schema, file.toFile());
            List<String> urls = List.of("/", "/products/42", "/cart", "/checkout");
            for (int i = 0; i < 20; i++) {
                GenericRecord click = new GenericData.Record(schema);
                click.put("session", "s-" + (i / 4));
                click.put("url", urls.get(i % 4));
                click.put(
                        "ts",
                        LocalDateTime.of(2024, 3, 10, 12, i, 5)
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli());
                click.put("duration_ms", 250L * (i + 1));
                click.put("referrer", i % 3 == 0 ? "https://search.example/?q=widget" : null);
                writer.append(click);
            }
        }
    }

    private static void truncated(Path source, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    }
}
