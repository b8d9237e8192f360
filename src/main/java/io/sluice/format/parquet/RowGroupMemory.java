package io.sluice.format.parquet;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory that the open Parquet writers of a process share for their unwritten row groups. A writer holds its row
 * group in memory until it is written; a partitioned output opens one writer per partition and task, so with a fixed
 * row group size the memory held grows with the number of partitions (and, until the row group size is reached, with
 * the input). Each writer's row group is therefore at most its share of the pool ({@link #POOL}, 64 MiB by default),
 * but at least {@value #MIN_ROW_GROUP_BYTES} bytes, and never more than {@code parquet.block.size}. Data held for less
 * time also leaves the young generation before the collector has to copy it.
 *
 * <p>The count of open writers is process-wide, as parquet-hadoop's own memory manager is: the heap is shared by all
 * tasks of the process.
 */
final class RowGroupMemory {
    /** Bytes of unwritten row groups all open writers of the process may hold together. */
    static final String POOL = "sluice.parquet.memory.pool";

    static final long DEFAULT_POOL_BYTES = 64L << 20;
    static final long MIN_ROW_GROUP_BYTES = 1L << 20;

    private static final AtomicInteger OPEN = new AtomicInteger();

    private final long pool;
    private final long maximum;
    private boolean open = true;

    private RowGroupMemory(long pool, long maximum) {
        this.pool = pool;
        this.maximum = maximum;
    }

    /** Registers an open writer whose row groups are at most {@code maximum} bytes; {@link #release} when closed. */
    static RowGroupMemory register(long pool, long maximum) {
        OPEN.incrementAndGet();
        return new RowGroupMemory(pool, maximum);
    }

    /** The row group size this writer should keep to now. */
    long rowGroupBytes() {
        long share = pool / Math.max(1, OPEN.get());
        return Math.min(maximum, Math.max(MIN_ROW_GROUP_BYTES, share));
    }

    /** The writer is closed: the others get its share. Idempotent. */
    void release() {
        if (open) {
            open = false;
            OPEN.decrementAndGet();
        }
    }

    /** Writers open in the process (for tests). */
    static int open() {
        return OPEN.get();
    }
}
