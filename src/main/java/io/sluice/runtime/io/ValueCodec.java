package io.sluice.runtime.io;

/**
 * Writes and reads the non-null values of one type in {@link RowCodec}'s format. Built once per column, so the type is
 * decided when the codec is made, never per value. Nulls are recorded by the enclosing struct, array or map.
 */
interface ValueCodec {
    void write(Object value, BinaryOutput out);

    Object read(BinaryInput in);
}
