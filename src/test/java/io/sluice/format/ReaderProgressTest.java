package io.sluice.format;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.schema;
import static io.sluice.format.FormatTesting.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.orc.OrcFormat;
import io.sluice.format.parquet.ParquetFormat;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Columnar readers report how much of their split they have read: a share that grows to 1 with the rows. */
class ReaderProgressTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "orc"})
    void progressGrowsWithTheRowsReadToOne(String kind) throws IOException, BadRecordException {
        StructType schema = schema("id:bigint,name:string");
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 50_000; i++) {
            rows.add(Row.of(i, "name-" + i));
        }
        org.apache.hadoop.fs.Path file = path(dir.resolve("rows." + kind));
        FormatWriter writer = kind.equals("parquet") ? new ParquetFormat() : new OrcFormat();
        FormatTesting.write(writer, file, schema, rows);
        FileFormat format = (FileFormat) writer;
        StorageFormat storage = kind.equals("parquet") ? StorageFormat.PARQUET : StorageFormat.ORC;
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();

        try (RowReader reader = format.open(conf(), file, 0, length, spec(schema, storage))) {
            Row row = new Row(2);
            List<Float> progress = new ArrayList<>();
            assertThat(reader.progress()).isLessThan(0.5f);
            int read = 0;
            while (reader.next(row)) {
                if (++read % 5_000 == 0) {
                    progress.add(reader.progress());
                }
            }
            assertThat(progress).isSorted().allMatch(share -> share >= 0 && share <= 1);
            assertThat(progress.get(progress.size() / 2)).isBetween(0.3f, 0.7f);
            assertThat(reader.progress()).isEqualTo(1f);
        }
    }
}
