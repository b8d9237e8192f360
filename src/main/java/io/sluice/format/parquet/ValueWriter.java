package io.sluice.format.parquet;

/** Writes one non-null value of a Hive type to Parquet's record consumer, inside its field. */
abstract class ValueWriter {
    abstract void write(Object value);
}
