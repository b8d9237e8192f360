package io.sluice.format;

import io.sluice.SluiceException;
import java.util.List;

/** The formats Sluice reads, and which one reads given data. */
public final class Formats {
    private final List<FileFormat> formats;

    public Formats(List<FileFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public List<FileFormat> all() {
        return formats;
    }

    /** The format that reads data stored as the spec says. */
    public FileFormat forSpec(ReadSpec spec) {
        return formats.stream()
                .filter(f -> f.reads(spec))
                .findFirst()
                .orElseThrow(() -> SluiceException.invalidArgument(
                        "no reader for data classified '%s' (SerDe %s, input format %s)",
                        spec.classification(), spec.serde().serializationLibrary(), spec.inputFormat()));
    }
}
