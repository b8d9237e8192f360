package io.sluice.classify.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How consistently the records of a text split into fields: the usual field count, the leading records that do not
 * have it (a title or notes above the table), and how many of the others do.
 *
 * @param columns the most frequent field count (the larger on a tie)
 * @param preamble leading records with another field count, skipped as a preamble; at most {@value #MAX_PREAMBLE}
 *     and fewer than half the records, else none
 * @param consistent records after the preamble with {@code columns} fields
 * @param body records after the preamble
 */
record RecordLayout(int columns, int preamble, int consistent, int body) {
    static final int MAX_PREAMBLE = 10;

    static RecordLayout of(List<Row> rows) {
        int columns = modalFieldCount(rows);
        int preamble = preamble(rows, columns);
        int consistent = 0;
        for (int i = preamble; i < rows.size(); i++) {
            if (rows.get(i).size() == columns) {
                consistent++;
            }
        }
        return new RecordLayout(columns, preamble, consistent, rows.size() - preamble);
    }

    private static int modalFieldCount(List<Row> rows) {
        Map<Integer, Integer> frequency = new HashMap<>();
        int best = 0;
        int bestFrequency = 0;
        for (Row row : rows) {
            int n = frequency.merge(row.size(), 1, Integer::sum);
            if (n > bestFrequency || (n == bestFrequency && row.size() > best)) {
                best = row.size();
                bestFrequency = n;
            }
        }
        return best;
    }

    private static int preamble(List<Row> rows, int columns) {
        int leading = 0;
        while (leading < rows.size() && rows.get(leading).size() != columns) {
            leading++;
        }
        return leading <= MAX_PREAMBLE && leading * 2 < rows.size() ? leading : 0;
    }

    /** The share of records after the preamble that have the usual field count. */
    double consistency() {
        return body == 0 ? 0 : (double) consistent / body;
    }

    /** At least two columns on at least half the records: a delimiter that really splits the text. */
    boolean splits() {
        return columns >= 2 && consistent * 2 >= body;
    }

    /** Records that agree, weighted by the columns they give: what the dialect sniffer maximises. */
    long score() {
        return (long) consistent * (columns - 1);
    }

    String describe() {
        return columns + (columns == 1 ? " column" : " columns") + " on " + consistent + " of " + body + " records";
    }
}
