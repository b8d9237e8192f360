package io.sluice.runtime.mr;

import io.sluice.SluiceException;
import io.sluice.catalog.StorageFormat;
import io.sluice.classify.TemporalFormat;
import io.sluice.format.text.TextEncoding;
import io.sluice.format.text.ValueFormats;
import io.sluice.job.PathSource;
import io.sluice.job.SourceFormat;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the files of a path source are read, in the catalog's terms the format readers take: the storage a crawler
 * would record for them, from the source's format and options.
 *
 * <ul>
 *   <li>{@code csv}: OpenCSVSerde with {@code delimiter} (default {@code ,}), {@code quote} (default {@code "}) and
 *       {@code escape} (default: the quote, so a quote in a quoted field is written twice, as RFC 4180 has it);
 *       {@code header: true} skips the first line; {@code null_value} is the text of null;
 *   <li>{@code csv} and {@code json}: {@code encoding}, and {@code date_format} / {@code timestamp_format} for every
 *       date / timestamp column (nested JSON fields too), which must be formats Sluice reads;
 *   <li>{@code parquet}, {@code orc}, {@code avro}: the format's Hive classes; columns are found by name.
 * </ul>
 */
record PathStorage(
        String inputFormat, String serde, Map<String, String> serdeParameters, Map<String, String> parameters) {

    static PathStorage of(PathSource source, StructType schema) {
        StorageFormat format = StorageFormat.valueOf(source.format().name());
        Map<String, String> serde = new TreeMap<>();
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("classification", format.classification());
        if (source.format() == SourceFormat.CSV) {
            String quote = source.option("quote").orElse("\"");
            serde.put("separatorChar", source.option("delimiter").orElse(","));
            serde.put("quoteChar", quote);
            serde.put("escapeChar", source.option("escape").orElse(quote));
            if (source.option("header").map(Boolean::parseBoolean).orElse(false)) {
                parameters.put("skip.header.line.count", "1");
            }
            source.option("null_value").ifPresent(text -> serde.put("serialization.null.format", text));
        }
        source.option("encoding").ifPresent(encoding -> serde.put(TextEncoding.PARAMETER, encoding));
        Optional<String> date = source.option("date_format").map(p -> known(source, "date_format", p, false));
        Optional<String> timestamp =
                source.option("timestamp_format").map(p -> known(source, "timestamp_format", p, true));
        for (StructField field : schema.fields()) {
            temporalFormats(field.name(), field.type(), date, timestamp, parameters);
        }
        return new PathStorage(format.inputFormat(), format.serde(), serde, parameters);
    }

    /** Records the format of every date or timestamp at {@code path}, as readers look them up. */
    private static void temporalFormats(
            String path,
            DataType type,
            Optional<String> date,
            Optional<String> timestamp,
            Map<String, String> parameters) {
        if (type == PrimitiveType.DATE) {
            date.ifPresent(pattern -> parameters.put(ValueFormats.PREFIX + path, pattern));
        } else if (type == PrimitiveType.TIMESTAMP) {
            timestamp.ifPresent(pattern -> parameters.put(ValueFormats.PREFIX + path, pattern));
        } else if (type instanceof StructType struct) {
            for (StructField field : struct.fields()) {
                temporalFormats(path + "." + field.name(), field.type(), date, timestamp, parameters);
            }
        } else if (type instanceof ArrayType array) {
            temporalFormats(path + "[]", array.elementType(), date, timestamp, parameters);
        }
    }

    /**
     * The pattern of the format Sluice reads that {@code pattern} names: itself, or one whose optional parts (a
     * fraction, an offset) were left out of it.
     */
    private static String known(PathSource source, String option, String pattern, boolean timestamp) {
        for (TemporalFormat format : TemporalFormat.all()) {
            String full = format.pattern();
            String required = full.replace("[.S]", "").replace("[XXX]", "");
            if (format.isTimestamp() == timestamp && (full.equals(pattern) || required.equals(pattern))) {
                return full;
            }
        }
        throw SluiceException.invalidArgument(
                "source %s (line %d): %s '%s' is not a %s format Sluice reads; use one of %s",
                source.path(),
                source.line(),
                option,
                pattern,
                timestamp ? "timestamp" : "date",
                TemporalFormat.all().stream()
                        .filter(f -> f.isTimestamp() == timestamp)
                        .map(TemporalFormat::pattern)
                        .collect(Collectors.joining(", ")));
    }
}
