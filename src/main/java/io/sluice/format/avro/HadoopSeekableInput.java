package io.sluice.format.avro;

import java.io.IOException;
import org.apache.avro.file.SeekableInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file of any Hadoop file system as Avro's {@link SeekableInput}: what avro-mapred's {@code FsInput} does, without
 * bringing avro-mapred and its dependencies along for one small class.
 */
final class HadoopSeekableInput implements SeekableInput {
    private final FSDataInputStream stream;
    private final long length;

    HadoopSeekableInput(Configuration conf, Path file) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        this.length = fs.getFileStatus(file).getLen();
        this.stream = fs.open(file);
    }

    @Override
    public void seek(long position) throws IOException {
        stream.seek(position);
    }

    @Override
    public long tell() throws IOException {
        return stream.getPos();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        return stream.read(buffer, offset, count);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
