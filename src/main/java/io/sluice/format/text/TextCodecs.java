package io.sluice.format.text;

import io.sluice.format.Compression;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.io.compress.ZStandardCodec;
import org.apache.hadoop.util.NativeCodeLoader;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * The Hadoop codecs of compressed text files: the one a {@link Compression} writes with, and the one that reads a file
 * by its extension ({@code .gz}, {@code .bz2}, {@code .snappy}, {@code .zst}...). Zstandard goes through {@link
 * ZstdCodec} where Hadoop's native one is missing, so that {@code .zst} files are read and written everywhere.
 */
public final class TextCodecs {
    private TextCodecs() {}

    /** The codec that writes {@code compression}; empty for {@link Compression#NONE}. */
    public static Optional<CompressionCodec> of(Compression compression, Configuration conf) {
        return switch (compression) {
            case NONE -> Optional.empty();
            case GZIP -> Optional.of(ReflectionUtils.newInstance(GzipCodec.class, conf));
            case SNAPPY -> Optional.of(ReflectionUtils.newInstance(SnappyCodec.class, conf));
            case ZSTD -> Optional.of(zstd(conf));
        };
    }

    /** The extension a file compressed so ends with: {@code .gz}, {@code .snappy}, {@code .zst}, or none. */
    public static String extension(Compression compression) {
        return switch (compression) {
            case NONE -> "";
            case GZIP -> ".gz";
            case SNAPPY -> ".snappy";
            case ZSTD -> ".zst";
        };
    }

    /** The codec that reads {@code file}, as its extension says; null when it is not compressed. */
    public static CompressionCodec forFile(Configuration conf, Path file) {
        return usable(new CompressionCodecFactory(conf).getCodec(file), conf);
    }

    /** {@code codec}, or a codec of the same format that works in this process. */
    public static CompressionCodec usable(CompressionCodec codec, Configuration conf) {
        return codec instanceof ZStandardCodec && !nativeZstd() ? zstd(conf) : codec;
    }

    private static CompressionCodec zstd(Configuration conf) {
        return nativeZstd()
                ? ReflectionUtils.newInstance(ZStandardCodec.class, conf)
                : ReflectionUtils.newInstance(ZstdCodec.class, conf);
    }

    private static boolean nativeZstd() {
        try {
            return NativeCodeLoader.isNativeCodeLoaded() && NativeCodeLoader.buildSupportsZstd();
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
