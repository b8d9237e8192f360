package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.FileSample;
import io.sluice.classify.TemporalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in classifier of delimited text (CSV, TSV, pipe- or {@code \u0001}-separated...), named {@code csv}.
 *
 * <p>What it finds, in order:
 *
 * <ol>
 *   <li><b>Encoding</b>: UTF-8 with or without byte order mark, UTF-16LE/BE with one, else windows-1252 or ISO-8859-1;
 *       binary content (NUL bytes, control characters) is not delimited text.
 *   <li><b>Line ending</b> LF, CRLF or CR. All three end lines for Hadoop's {@code TextInputFormat}, and Hive accepts
 *       only {@code \n} as {@code line.delim}, so none is recorded there; {@code sluice.line.ending} names a line
 *       ending other than LF, so writers can keep it.
 *   <li><b>Leading comment lines</b> starting with {@code #}, skipped.
 *   <li><b>Dialect</b>: delimiter, quote and escape, the ones that split records most consistently (see {@link
 *       DialectSniffer}). Records are then split by Commons CSV, so quoted delimiters, doubled or backslash-escaped
 *       quotes and quoted line breaks read correctly. A sample cut off inside a file loses its last, partial record.
 *   <li><b>Preamble</b>: leading records with another field count than the table (a title), skipped.
 *   <li><b>Header</b>, also over columns that are all text (see {@link HeaderDetector}); header cells become column
 *       names (see {@link ColumnNames}), else {@code col0, col1, ...}.
 *   <li><b>Types</b> per column with {@link io.sluice.classify.ValueInference} over the sampled records.
 * </ol>
 *
 * <p>How certain it is, see {@link DelimitedCertainty}. What it records:
 *
 * <ul>
 *   <li>storage: {@code OpenCSVSerde} with SerDe parameters {@code separatorChar}, {@code quoteChar} and {@code
 *       escapeChar} (the quote itself when quotes are doubled, else backslash) when fields are quoted; else {@code
 *       LazySimpleSerDe} with {@code field.delim} and {@code serialization.format};
 *   <li>SerDe {@code serialization.encoding}: the charset, when not UTF-8 (a byte order mark is not recorded: it sits
 *       in a skipped line when there is a header);
 *   <li>SerDe {@code timestamp.formats}: the patterns of the timestamp columns, comma-separated, as Hive's
 *       LazySimpleSerDe reads them; the patterns are {@link TemporalFormat#pattern()}s;
 *   <li>table {@code classification=csv}, {@code delimiter}, {@code quoteChar} (when quoted), {@code areColumnsQuoted},
 *       {@code columnsOrdered=true}, as Glue writes them;
 *   <li>table {@code skip.header.line.count}: the lines before the data (comments, preamble, header and blank lines
 *       among them), when there are any;
 *   <li>table {@code sluice.format.<column>}: the {@link TemporalFormat#pattern()} of each date and timestamp column,
 *       which Sluice's readers parse with ({@link TemporalFormat#forPattern});
 *   <li>table {@code sluice.line.ending}: {@code CRLF} or {@code CR}, when not LF;
 *   <li>table {@code sluice.multiline=true}: quoted values hold line breaks, so a record may span lines and the file
 *       must be read by a CSV parser, not split into lines.
 * </ul>
 *
 * <p>The record count is set when the sample is the whole file: the data records, header and preamble excluded.
 */
public final class DelimitedClassifier implements Classifier {
    public static final String NAME = "csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Classification> classify(FileSample sample) {
        requireNonNull(sample, "sample is null");
        return TextDecoder.decode(sample.head(), sample.complete())
                .flatMap(decoded -> DelimitedText.read(decoded, sample.complete()))
                .flatMap(text -> DelimitedCertainty.judge(text).map(verdict -> classification(text, verdict)));
    }

    private static Classification classification(DelimitedText text, DelimitedCertainty.Verdict verdict) {
        Classification.Builder builder = Classification.builder(NAME, NAME)
                .certainty(verdict.certainty())
                .columns(text.columns().stream().map(TypedColumn::column).toList());
        DelimitedStorage.record(builder, text);
        reasons(text, verdict).forEach(builder::reason);
        if (text.complete()) {
            builder.recordCount(text.dataRows().size());
        }
        return builder.build();
    }

    private static List<String> reasons(DelimitedText text, DelimitedCertainty.Verdict verdict) {
        List<String> reasons = new ArrayList<>();
        reasons.add(verdict.reason());
        reasons.add(text.decoded().describe());
        reasons.add("line ending " + text.lineEnding());
        if (text.comments().lines() > 0) {
            reasons.add("skipped " + count(text.comments().lines(), "leading comment line") + " starting with '#'");
        }
        reasons.add(text.sniffed().describe());
        reasons.add(quoting(text));
        if (text.layout().preamble() > 0) {
            reasons.add("skipped " + count(text.layout().preamble(), "leading record")
                    + " with another field count (a title or notes above the table)");
        }
        reasons.add(text.header().evidence());
        if (text.multiline()) {
            reasons.add("quoted values hold line breaks: records span lines (sluice.multiline=true)");
        }
        return reasons;
    }

    private static String quoting(DelimitedText text) {
        Dialect dialect = text.dialect();
        if (dialect.quote().isEmpty()) {
            return "no quoted fields: LazySimpleSerDe";
        }
        return "quote " + Dialect.show(dialect.quote().get()) + " opens "
                + count(text.sniffed().quotedFields(), "field")
                + (dialect.escape().isPresent() ? ", quotes inside escaped by backslash" : ", quotes inside doubled")
                + ": OpenCSVSerde";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
