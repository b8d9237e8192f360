package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.StorageFormat;
import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.CorruptFileException;
import io.sluice.classify.FileSample;
import io.sluice.classify.InferredColumn;
import io.sluice.classify.TemporalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in classifier of JSON records, named {@code json}: JSON lines (one object per line), a JSON array of
 * objects (pretty-printed or not), or multi-line objects one after another (see {@link JsonScanner}).
 *
 * <p>The schema is the union of the records' top-level fields in first-seen order; keys are lower-cased, and keys
 * equal but for case are one column. Each field's type merges its values over all records with {@link
 * io.sluice.types.TypeWidening#merge}: objects are {@code struct<...>} (fields merged the same way), arrays {@code
 * array<T>} of their merged elements, integers {@code int}/{@code bigint} by range, numbers with a fraction or
 * exponent {@code double} (JSON keeps no scale), booleans {@code boolean}, strings {@code date} or {@code timestamp}
 * when every one of them matches the same {@link TemporalFormat}, else {@code string}. Nulls, empty arrays and empty
 * objects contribute nothing; a field with nothing else is {@code string}.
 *
 * <p>Certainty: the share of records that are JSON objects — 1.0 when all are; lines that are not JSON or not
 * objects lower it and are reported with their line numbers. 0.5 when the sample holds no record at all (an empty
 * array, or a first record longer than the sample): JSON, but of unknown schema. Text that does not start with '{'
 * or '[', or in which no record is an object, is not JSON records (empty). A broken array in a whole file is
 * corrupt.
 *
 * <p>What it records:
 *
 * <ul>
 *   <li>storage {@link StorageFormat#JSON} (the OpenX JsonSerDe) with SerDe parameter {@code paths}, the column names,
 *       as Glue writes it; {@code ignore.malformed.json=true} when some lines are not JSON objects, so Hive skips them
 *       instead of failing;
 *   <li>SerDe {@code serialization.encoding}: the charset, when not UTF-8;
 *   <li>table {@code classification=json};
 *   <li>table {@code sluice.json.layout}: {@code lines}, {@code array} or {@code concatenated}. Hive's SerDes read only
 *       {@code lines}; Sluice's reader reads all three;
 *   <li>table {@code sluice.format.<path>}: the {@link TemporalFormat#pattern()} of each date or timestamp field,
 *       nested ones by path ({@code order.placed_at}, {@code events[].at}).
 * </ul>
 *
 * <p>The record count is set when the sample is the whole file.
 */
public final class JsonClassifier implements Classifier {
    public static final String NAME = "json";
    private static final int REJECTS_SHOWN = 3;
    private static final double NO_RECORDS = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) throws CorruptFileException {
        requireNonNull(sample, "sample is null");
        Optional<DecodedText> decoded = TextDecoder.decode(sample.head(), sample.complete());
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonScan> scan = JsonScanner.scan(decoded.get().text(), sample.complete());
        if (scan.isEmpty()
                || (scan.get().schema().records() == 0 && !scan.get().rejected().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(classification(decoded.get(), scan.get(), sample.complete()));
    }

    private static Classification classification(DecodedText decoded, JsonScan scan, boolean complete) {
        List<InferredColumn> columns = scan.schema().columns();
        Classification.Builder builder = Classification.builder(NAME, StorageFormat.JSON.classification())
                .certainty(certainty(scan))
                .columns(columns)
                .format(StorageFormat.JSON)
                .parameter("classification", StorageFormat.JSON.classification())
                .parameter("sluice.json.layout", scan.layout().parameter());
        if (!columns.isEmpty()) {
            builder.serdeParameter(
                    "paths", columns.stream().map(InferredColumn::name).collect(Collectors.joining(",")));
        }
        if (!scan.rejected().isEmpty()) {
            builder.serdeParameter("ignore.malformed.json", "true");
        }
        if (!decoded.isUtf8()) {
            builder.serdeParameter("serialization.encoding", decoded.charset().name());
        }
        Map<String, TemporalFormat> formats = scan.schema().formats();
        formats.forEach((path, format) -> builder.parameter(DelimitedStorage.FORMAT_PREFIX + path, format.pattern()));
        reasons(decoded, scan, complete).forEach(builder::reason);
        if (complete) {
            builder.recordCount(scan.schema().records());
        }
        return builder.build();
    }

    private static double certainty(JsonScan scan) {
        long records = scan.schema().records();
        if (records == 0) {
            return NO_RECORDS;
        }
        return scan.rejected().isEmpty()
                ? 1.0
                : (double) records / (records + scan.rejected().size());
    }

    private static List<String> reasons(DecodedText decoded, JsonScan scan, boolean complete) {
        List<String> reasons = new ArrayList<>();
        reasons.add(verdict(scan));
        reasons.add(decoded.describe());
        reasons.add("layout: " + scan.layout().description() + " (sluice.json.layout="
                + scan.layout().parameter() + ")");
        if (!complete) {
            reasons.add("the sample is the head of a larger file: its last, cut-off record is ignored");
        }
        if (scan.emptyKeys() > 0) {
            reasons.add(scan.emptyKeys() + " values with an empty key are left out: no column can be named ''");
        }
        return reasons;
    }

    private static String verdict(JsonScan scan) {
        long records = scan.schema().records();
        if (scan.rejected().isEmpty()) {
            return records == 0
                    ? "no record in the sample (an empty array, or a first record longer than the sample)"
                    : "all " + records + " records are JSON objects";
        }
        String shown = scan.rejected().stream()
                .limit(REJECTS_SHOWN)
                .map(JsonScan.Rejected::toString)
                .collect(Collectors.joining("; "));
        long total = records + scan.rejected().size();
        return records + " of " + total + " records are JSON objects; rejected " + shown
                + (scan.rejected().size() > REJECTS_SHOWN ? "; ..." : "");
    }
}
