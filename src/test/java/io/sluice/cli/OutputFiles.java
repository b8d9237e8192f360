package io.sluice.cli;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.FormatTesting;
import io.sluice.format.parquet.ParquetFormat;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Parquet data files of a job's output folder, read back in tests. */
final class OutputFiles {
    private OutputFiles() {}

    /** The data files of the folder (not {@code _*} or {@code .*}), in name order. */
    static List<Path> parts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("_"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** The rows of each data file, files in name order. */
    static List<List<Row>> rowsByPart(Path folder, String schema) throws IOException {
        StructType type = FormatTesting.schema(schema);
        List<List<Row>> parts = new ArrayList<>();
        for (Path part : parts(folder)) {
            parts.add(FormatTesting.read(new ParquetFormat(), FormatTesting.path(part), type, StorageFormat.PARQUET));
        }
        return parts;
    }

    /** Every row, files in name order. */
    static List<Row> rows(Path folder, String schema) throws IOException {
        return rowsByPart(folder, schema).stream().flatMap(List::stream).toList();
    }

    /** The hidden folders (staging, intermediate rows) left beside an output. */
    static List<String> hidden(Path parent) throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("."))
                    .toList();
        }
    }
}
