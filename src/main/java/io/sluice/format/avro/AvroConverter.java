package io.sluice.format.avro;

/**
 * Turns a datum of a (projected) Avro schema, as Avro's generic reader gives it, into a {@link io.sluice.row.Values}
 * value of the table's type. Built once per file, used for every record.
 */
@FunctionalInterface
interface AvroConverter {

    /** The value of a datum; null for null. */
    Object convert(Object datum);
}
