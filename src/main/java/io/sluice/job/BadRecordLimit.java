package io.sluice.job;

import java.math.BigDecimal;

/**
 * How many bad records (unreadable values, failing expressions) a job may send to its error output before it fails:
 * a count ({@code max_bad_records: 100}) or a percentage of the records read ({@code max_bad_records: 0.5%}). The
 * default is {@link #NONE}: the first bad record fails the job.
 */
public sealed interface BadRecordLimit {

    /** No bad record is tolerated. */
    BadRecordLimit NONE = new Count(0);

    /** True when {@code badRecords} out of {@code records} read are more than the limit allows. */
    boolean isExceeded(long badRecords, long records);

    /** Reads {@code 100} or {@code 2.5%}. */
    static BadRecordLimit parse(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("%")) {
                double percent =
                        new BigDecimal(value.substring(0, value.length() - 1).trim()).doubleValue();
                return new Percent(percent);
            }
            return new Count(Long.parseLong(value.replace("_", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected a count of records (100) or a percentage (0.5%), got '" + text + "'");
        }
    }

    /** At most {@code max} bad records. */
    record Count(long max) implements BadRecordLimit {
        public Count {
            if (max < 0) {
                throw new IllegalArgumentException("the count of bad records must not be negative, got " + max);
            }
        }

        @Override
        public boolean isExceeded(long badRecords, long records) {
            return badRecords > max;
        }

        @Override
        public String toString() {
            return Long.toString(max);
        }
    }

    /** At most {@code max} percent of the records read. */
    record Percent(double max) implements BadRecordLimit {
        public Percent {
            if (!(max >= 0 && max <= 100)) {
                throw new IllegalArgumentException("the percentage of bad records must be 0..100, got " + max);
            }
        }

        @Override
        public boolean isExceeded(long badRecords, long records) {
            return badRecords * 100.0 > max * records;
        }

        @Override
        public String toString() {
            return BigDecimal.valueOf(max).stripTrailingZeros().toPlainString() + "%";
        }
    }
}
