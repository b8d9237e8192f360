package io.sluice.format;

import io.sluice.format.avro.AvroFormat;
import io.sluice.format.orc.OrcFormat;
import io.sluice.format.parquet.ParquetFormat;
import java.util.ArrayList;
import java.util.List;

/** The formats Sluice reads and writes out of the box. */
public final class BuiltinFormats {
    private BuiltinFormats() {}

    /** Every built-in reader: columnar formats, then text formats (delimited text last, Hive's default). */
    public static Formats formats() {
        List<FileFormat> formats = new ArrayList<>();
        formats.add(new ParquetFormat());
        formats.add(new OrcFormat());
        formats.add(new AvroFormat());
        formats.addAll(TextFormats.all());
        return new Formats(formats);
    }
}
