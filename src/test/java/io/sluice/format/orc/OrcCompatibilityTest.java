package io.sluice.format.orc;

import static io.sluice.format.FormatTesting.conf;
import static io.sluice.format.FormatTesting.path;
import static io.sluice.format.FormatTesting.read;
import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.IncompatibleColumnException;
import io.sluice.row.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written with orc-core's own writer, as other engines write them. */
class OrcCompatibilityTest {
    private final OrcFormat format = new OrcFormat();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path orcFile(String schema, Consumer<VectorizedRowBatch> fill) throws Exception {
        org.apache.hadoop.fs.Path file = path(dir.resolve("other.orc"));
        TypeDescription type = TypeDescription.fromString(schema);
        try (Writer writer =
                OrcFile.createWriter(file, OrcFile.writerOptions(conf()).setSchema(type))) {
            VectorizedRowBatch batch = type.createRowBatch();
            fill.accept(batch);
            writer.addRowBatch(batch);
        }
        return file;
    }

    @Test
    void columnsOfFilesWithoutNamesMatchByPositionAsInHive() throws Exception {
        org.apache.hadoop.fs.Path file = orcFile("struct<_col0:int,_col1:string,_col2:int>", batch -> {
            batch.size = 2;
            ((LongColumnVector) batch.cols[0]).vector[0] = 1;
            ((LongColumnVector) batch.cols[0]).vector[1] = 2;
            BytesColumnVector names = (BytesColumnVector) batch.cols[1];
            names.initBuffer();
            names.setVal(0, "ann".getBytes(StandardCharsets.UTF_8));
            names.setVal(1, "bob".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(read(format, file, schema("id:bigint,name:string"), StorageFormat.ORC))
                .containsExactly(Row.of(1L, "ann"), Row.of(2L, "bob"));
    }

    @Test
    void timestampsWithLocalTimeZoneReadAsUtc() throws Exception {
        LocalDateTime time = LocalDateTime.of(2024, 1, 15, 10, 30, 0, 5_000);
        org.apache.hadoop.fs.Path file = orcFile("struct<t:timestamp with local time zone>", batch -> {
            batch.size = 1;
            TimestampColumnVector t = (TimestampColumnVector) batch.cols[0];
            t.time[0] = time.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            t.nanos[0] = time.getNano();
        });

        assertThat(read(format, file, schema("t:timestamp"), StorageFormat.ORC)).containsExactly(Row.of(time));
    }

    @Test
    void unionsHaveNoHiveTypeToReadAs() throws Exception {
        org.apache.hadoop.fs.Path file = orcFile("struct<u:uniontype<int,string>,ok:int>", batch -> batch.size = 0);

        assertThatThrownBy(() -> read(format, file, schema("u:string"), StorageFormat.ORC))
                .isInstanceOfSatisfying(IncompatibleColumnException.class, e -> {
                    assertThat(e.column()).isEqualTo("u");
                    assertThat(e.fileType()).isEqualTo("uniontype");
                });
        assertThat(read(format, file, schema("ok:int"), StorageFormat.ORC)).isEmpty();
    }
}
