package io.sluice.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cluster.HadoopConfigurations;
import io.sluice.format.Compression;
import io.sluice.format.RowWriter;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dictionaries for columns whose values repeat, none for columns of mostly distinct values. */
class ParquetDictionaryChoiceTest {
    private static final StructType SCHEMA =
            (StructType) DataType.parse("struct<id:bigint,country:string,price:double,tags:array<string>>");
    private static final String[] COUNTRIES = {"DE", "FR", "US", "NL"};

    @TempDir
    java.nio.file.Path folder;

    /** Each column's encodings in the file's first row group. */
    private Map<String, Set<Encoding>> write(Configuration conf, int rows) throws IOException {
        Path file = new Path(folder.resolve("data-" + rows + ".parquet").toUri());
        try (RowWriter writer = new ParquetFormat().create(conf, file, SCHEMA, Compression.SNAPPY)) {
            for (int i = 0; i < rows; i++) {
                writer.write(Row.of((long) i, COUNTRIES[i % 4], i * 1.25, java.util.List.of("a", "b")));
            }
        }
        Map<String, Set<Encoding>> encodings = new HashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            assertThat(reader.getRecordCount()).isEqualTo(rows);
            for (ColumnChunkMetaData column :
                    reader.getFooter().getBlocks().get(0).getColumns()) {
                encodings.put(column.getPath().toDotString(), column.getEncodings());
            }
        }
        return encodings;
    }

    private static boolean dictionary(Set<Encoding> encodings) {
        return encodings.contains(Encoding.PLAIN_DICTIONARY) || encodings.contains(Encoding.RLE_DICTIONARY);
    }

    @Test
    void columnsOfDistinctValuesAreWrittenWithoutADictionary() throws IOException {
        Map<String, Set<Encoding>> encodings = write(HadoopConfigurations.local(), 20_000);

        assertThat(dictionary(encodings.get("id"))).isFalse();
        assertThat(dictionary(encodings.get("price"))).isFalse();
        assertThat(dictionary(encodings.get("country"))).isTrue();
        assertThat(encodings.keySet()).anyMatch(path -> path.startsWith("tags.") && dictionary(encodings.get(path)));
    }

    @Test
    void aFileSmallerThanTheSampleIsDecidedOnWhatItHas() throws IOException {
        Map<String, Set<Encoding>> encodings = write(HadoopConfigurations.local(), 10);

        assertThat(dictionary(encodings.get("id"))).isFalse();
        assertThat(dictionary(encodings.get("country"))).isTrue();
    }

    @Test
    void dictionariesCanBeTurnedOffEverywhere() throws IOException {
        Configuration conf = HadoopConfigurations.local();
        conf.setBoolean("parquet.enable.dictionary", false);

        assertThat(write(conf, 5000).values()).noneMatch(ParquetDictionaryChoiceTest::dictionary);
    }
}
