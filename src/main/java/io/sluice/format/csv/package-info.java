/**
 * Delimited text (CSV, TSV, pipe-separated...): {@link io.sluice.format.csv.DelimitedFormat}. Fields are found in the
 * raw bytes and values parsed from them without intermediate strings; quoted fields take a slower path only when
 * they hold escaped quotes.
 */
package io.sluice.format.csv;
