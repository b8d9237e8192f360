package io.sluice.runtime.io;

/**
 * Writes non-null values of one type so that unsigned byte order is their ascending SQL order, and reads them back.
 * Every encoding is self-delimiting, so the columns of a key can follow each other and a value is never a prefix of a
 * different value's encoding: that keeps the order when a descending column inverts its bytes.
 */
interface KeyField {
    void write(Object value, BinaryOutput out);

    Object read(KeyReader in);
}
