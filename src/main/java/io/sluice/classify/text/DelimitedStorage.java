package io.sluice.classify.text;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.TemporalFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Records how to read a delimited text: storage, SerDe and table parameters (see {@link DelimitedClassifier}). */
final class DelimitedStorage {
    static final String FORMAT_PREFIX = "sluice.format.";

    private DelimitedStorage() {}

    static void record(Classification.Builder builder, DelimitedText text) {
        Dialect dialect = text.dialect();
        String delimiter = String.valueOf(dialect.delimiter());
        if (dialect.quote().isPresent()) {
            String quote = String.valueOf(dialect.quote().get());
            builder.format(StorageFormat.CSV)
                    .serdeParameter("separatorChar", delimiter)
                    .serdeParameter("quoteChar", quote)
                    .serdeParameter(
                            "escapeChar", String.valueOf(dialect.quoteEscape().orElseThrow()))
                    .parameter("quoteChar", quote);
        } else {
            builder.format(StorageFormat.DELIMITED)
                    .serdeParameter("field.delim", delimiter)
                    .serdeParameter("serialization.format", delimiter);
        }
        builder.parameter("classification", StorageFormat.CSV.classification())
                .parameter("delimiter", delimiter)
                .parameter("columnsOrdered", "true")
                .parameter("areColumnsQuoted", String.valueOf(dialect.quote().isPresent()));
        encoding(builder, text.decoded());
        lines(builder, text);
        formats(builder, text.columns());
    }

    private static void encoding(Classification.Builder builder, DecodedText decoded) {
        if (!decoded.isUtf8()) {
            builder.serdeParameter("serialization.encoding", decoded.charset().name());
        }
    }

    private static void lines(Classification.Builder builder, DelimitedText text) {
        if (text.skippedLines() > 0) {
            builder.parameter("skip.header.line.count", String.valueOf(text.skippedLines()));
        }
        if (text.lineEnding() != LineEnding.LF) {
            builder.parameter("sluice.line.ending", text.lineEnding().name());
        }
        if (text.multiline()) {
            builder.parameter("sluice.multiline", "true");
        }
    }

    private static void formats(Classification.Builder builder, List<TypedColumn> columns) {
        for (TypedColumn column : columns) {
            column.format().ifPresent(f -> builder.parameter(FORMAT_PREFIX + column.name(), f.pattern()));
        }
        String timestampFormats = columns.stream()
                .map(TypedColumn::format)
                .flatMap(Optional::stream)
                .filter(TemporalFormat::isTimestamp)
                .map(TemporalFormat::pattern)
                .distinct()
                .collect(Collectors.joining(","));
        if (!timestampFormats.isEmpty()) {
            builder.serdeParameter("timestamp.formats", timestampFormats);
        }
    }
}
