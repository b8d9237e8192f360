package io.sluice.format.text;

import org.apache.parquet.hadoop.codec.ZstandardCodec;

/**
 * Zstandard through zstd-jni, for Hadoop installations without native zstd (Hadoop's own {@code ZStandardCodec} needs
 * a libhadoop built with it, which the Maven artifacts lack). It writes and reads the standard zstd frame format, as
 * Hadoop's codec and the {@code zstd} tool do, under Hadoop's extension {@code .zst}.
 */
public final class ZstdCodec extends ZstandardCodec {

    @Override
    public String getDefaultExtension() {
        return ".zst";
    }
}
