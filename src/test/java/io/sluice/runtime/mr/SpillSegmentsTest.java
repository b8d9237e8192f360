package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapred.IFile;
import org.apache.hadoop.mapred.IndexRecord;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spill file written directly is the one Hadoop's IFile writer writes, byte for byte. */
class SpillSegmentsTest {
    @TempDir
    java.nio.file.Path dir;

    /** Records as IFile holds them: vint key and value lengths, then the serialized Writables. */
    private static byte[] record(String key, String value) throws IOException {
        ByteArrayOutputStream serializedKey = new ByteArrayOutputStream();
        new Text(key).write(new DataOutputStream(serializedKey));
        ByteArrayOutputStream serializedValue = new ByteArrayOutputStream();
        new Text(value).write(new DataOutputStream(serializedValue));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        WritableUtils.writeVInt(out, serializedKey.size());
        WritableUtils.writeVInt(out, serializedValue.size());
        serializedKey.writeTo(out);
        serializedValue.writeTo(out);
        return bytes.toByteArray();
    }

    @Test
    void writesWhatHadoopsWriterWrites() throws IOException {
        List<List<String[]>> partitions = List.of(
                List.of(new String[] {"a", "1"}, new String[] {"b", "x".repeat(300)}),
                List.of(),
                List.<String[]>of(new String[] {"c", ""}));
        JobConf job = new JobConf(false);
        Path reference = new Path(dir.resolve("hadoop.out").toString());
        List<IndexRecord> expected = new ArrayList<>();
        try (FSDataOutputStream out = FileSystem.getLocal(job).getRaw().create(reference)) {
            for (List<String[]> records : partitions) {
                long start = out.getPos();
                IFile.Writer<Text, Text> writer = new IFile.Writer<>(job, out, Text.class, Text.class, null, null);
                for (String[] record : records) {
                    writer.append(new Text(record[0]), new Text(record[1]));
                }
                writer.close();
                expected.add(new IndexRecord(start, writer.getRawLength(), writer.getCompressedLength()));
            }
        }

        java.nio.file.Path direct = dir.resolve("spills").resolve("direct.out");
        List<IndexRecord> actual = new ArrayList<>();
        try (SpillSegments out = new SpillSegments(direct)) {
            for (List<String[]> records : partitions) {
                out.startSegment();
                for (String[] record : records) {
                    byte[] bytes = record(record[0], record[1]);
                    out.write(bytes, 0, bytes.length);
                }
                actual.add(out.endSegment());
            }
        }

        assertThat(Files.readAllBytes(direct)).isEqualTo(Files.readAllBytes(dir.resolve("hadoop.out")));
        for (int p = 0; p < partitions.size(); p++) {
            assertThat(actual.get(p).startOffset).isEqualTo(expected.get(p).startOffset);
            assertThat(actual.get(p).rawLength).isEqualTo(expected.get(p).rawLength);
            assertThat(actual.get(p).partLength).isEqualTo(expected.get(p).partLength);
        }
    }
}
