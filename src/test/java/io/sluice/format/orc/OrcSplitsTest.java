package io.sluice.format.orc;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.readSplits;
import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.FormatTesting;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcSplitsTest {
    @TempDir
    Path dir;

    @Test
    void splitsOfAFileWithManyStripesReadEveryRowExactlyOnce() throws Exception {
        OrcFormat format = new OrcFormat();
        StructType schema = schema("id:int,text:string");
        org.apache.hadoop.fs.Path file = path(dir.resolve("stripes.orc"));
        Configuration conf = conf();
        conf.setLong("orc.stripe.size", 32 * 1024);
        conf.setInt("orc.rows.between.memory.checks", 1000);
        List<Row> written = IntStream.range(0, 40_000)
                .mapToObj(i -> Row.of(i, "row " + i + " " + Integer.toHexString(i * 7919)))
                .toList();
        FormatTesting.write(format, conf, file, schema, written, Compression.NONE);
        try (Reader reader = OrcFile.createReader(file, OrcFile.readerOptions(conf()))) {
            assertThat(reader.getStripes()).hasSizeGreaterThan(3);
        }

        List<List<Row>> splits = readSplits(format, file, schema, StorageFormat.ORC, 3);

        assertThat(splits).hasSize(3).allSatisfy(split -> assertThat(split).isNotEmpty());
        List<Row> all = new ArrayList<>();
        splits.forEach(all::addAll);
        List<Row> rest = new ArrayList<>(splits.get(1));
        rest.addAll(splits.get(2));
        assertThat(FormatTesting.readRest(format, file, schema, StorageFormat.ORC, 3))
                .as("from the second split on, with an unbounded length")
                .containsExactlyElementsOf(rest);
        assertThat(all).containsExactlyElementsOf(written);
    }
}
