package io.sluice.format.parquet;

import io.sluice.format.Utf8Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * A column of BINARY (strings included) or FIXED_LEN_BYTE_ARRAY values. While the column has a dictionary, the open
 * page keeps ids only and the dictionary the bytes of each distinct value once; a value given as a {@link String}
 * that was given just before as the same instance (readers hand out one instance per repeated value) finds its id
 * without being encoded or hashed. Without a dictionary the page keeps the bytes of its values one after the other.
 *
 * <p>Statistics order values as Parquet orders the column: unsigned bytes, or two's complement numbers for decimals.
 * On a dictionary page only the distinct values the page uses are compared.
 */
final class BinaryChunkWriter extends ColumnChunkWriter {
    private static final int RECENT = 2048;
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final boolean fixed;
    private final boolean signed;
    private int[] ids = new int[INITIAL_PAGE_VALUES];
    private final Utf8Buffer utf8 = new Utf8Buffer();

    // the open page without a dictionary: value i is bytes [ends[i - 1], ends[i]) of slab
    private byte[] slab = new byte[1024];
    private int[] ends = new int[INITIAL_PAGE_VALUES];
    private int count;
    /** The open page's values in PLAIN encoding, whichever way they are kept. */
    private int plainBytes;

    // the dictionary: entry id is bytes [starts[id], starts[id + 1]) of entryBytes
    private byte[] entryBytes = new byte[16 * 1024];
    private int[] starts = new int[257];
    private int[] hashes = new int[256];
    private int entries;
    private int dictionaryBytes;
    /** Slots of the hash table: id + 1, or 0 when free. */
    private int[] slots = new int[512];

    // the distinct ids of the open page, for its statistics
    private int[] pageOf = new int[256];
    private int[] distinct = new int[256];
    private int distinctCount;
    private int page = 1;

    // the ids of the strings given last, by their hash codes
    private final String[] recent = new String[RECENT];
    private final int[] recentIds = new int[RECENT];

    BinaryChunkWriter(ColumnDescriptor column, Settings settings, boolean dictionaryEnabled) {
        super(column, settings, dictionaryEnabled);
        PrimitiveTypeName type = column.getPrimitiveType().getPrimitiveTypeName();
        if (!handles(column)) {
            throw new IllegalArgumentException("not a binary column: " + column);
        }
        this.fixed = type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        this.signed = column.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
    }

    /** Whether columns of this descriptor's type are written by this class. */
    static boolean handles(ColumnDescriptor column) {
        PrimitiveTypeName type = column.getPrimitiveType().getPrimitiveTypeName();
        return type == PrimitiveTypeName.BINARY || type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
    }

    /** Adds a string as its UTF-8 bytes. */
    void addString(String value) {
        if (dictionary) {
            int slot = value.hashCode() & (RECENT - 1);
            if (recent[slot] == value) {
                addId(recentIds[slot], plainSize(utf8Length(value)));
                return;
            }
            int length = utf8.encode(value);
            int id = intern(utf8.bytes(), 0, length);
            recent[slot] = value;
            recentIds[slot] = id;
            addId(id, plainSize(length));
            return;
        }
        int length = utf8.encode(value);
        append(utf8.bytes(), 0, length);
        valueAdded();
    }

    /** The UTF-8 length of a string already in the dictionary: its entry's length. */
    private int utf8Length(String value) {
        int id = recentIds[value.hashCode() & (RECENT - 1)];
        return starts[id + 1] - starts[id];
    }

    @Override
    public void addBinary(Binary value) {
        byte[] bytes = value.getBytesUnsafe();
        if (fixed && bytes.length != column.getPrimitiveType().getTypeLength()) {
            throw new IllegalArgumentException(bytes.length + " bytes for column " + column + " of "
                    + column.getPrimitiveType().getTypeLength());
        }
        if (dictionary) {
            addId(intern(bytes, 0, bytes.length), plainSize(bytes.length));
            return;
        }
        append(bytes, 0, bytes.length);
        valueAdded();
    }

    private int plainSize(int length) {
        return fixed ? length : length + 4;
    }

    private void addId(int id, int plainSize) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, grown(count));
        }
        ids[count++] = id;
        plainBytes += plainSize;
        if (pageOf[id] != page) {
            pageOf[id] = page;
            distinct[distinctCount++] = id;
        }
        if (dictionaryBytes > settings.dictionaryBytes()) {
            fallBack();
        }
        valueAdded();
    }

    /** Adds bytes to the open page without a dictionary. */
    private void append(byte[] bytes, int from, int length) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, grown(count));
        }
        int start = count == 0 ? 0 : ends[count - 1];
        if (start + length > slab.length) {
            slab = Arrays.copyOf(slab, Math.max(start + length, slab.length * 2));
        }
        System.arraycopy(bytes, from, slab, start, length);
        ends[count++] = start + length;
        plainBytes += plainSize(length);
    }

    /** The id of the bytes, added to the dictionary when new. */
    private int intern(byte[] bytes, int from, int length) {
        int hash = hash(bytes, from, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return insert(bytes, from, length, hash, slot);
            }
            if (hashes[id] == hash
                    && Arrays.equals(entryBytes, starts[id], starts[id + 1], bytes, from, from + length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(byte[] bytes, int from, int length, int hash, int slot) {
        int id = entries++;
        if (entries == hashes.length) {
            int capacity = hashes.length * 2;
            starts = Arrays.copyOf(starts, capacity + 1);
            hashes = Arrays.copyOf(hashes, capacity);
            pageOf = Arrays.copyOf(pageOf, capacity);
            distinct = Arrays.copyOf(distinct, capacity);
        }
        int start = starts[id];
        if (start + length > entryBytes.length) {
            entryBytes = Arrays.copyOf(entryBytes, Math.max(start + length, entryBytes.length * 2));
        }
        System.arraycopy(bytes, from, entryBytes, start, length);
        starts[id + 1] = start + length;
        hashes[id] = hash;
        dictionaryBytes += plainSize(length);
        slots[slot] = id + 1;
        if (entries * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] larger = new int[slots.length * 2];
        int mask = larger.length - 1;
        for (int id = 0; id < entries; id++) {
            int slot = hashes[id] & mask;
            while (larger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            larger[slot] = id + 1;
        }
        slots = larger;
    }

    private static int hash(byte[] bytes, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + bytes[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override
    protected int plainBytes() {
        return plainBytes;
    }

    @Override
    protected int openPageBytes() {
        return dictionary ? count * 4 : plainBytes;
    }

    @Override
    protected int dictionaryBytes() {
        return dictionaryBytes;
    }

    @Override
    protected int dictionarySize() {
        return entries;
    }

    @Override
    protected int[] ids() {
        return ids;
    }

    @Override
    protected int idCount() {
        return count;
    }

    @Override
    protected void writePlain(PageBytes out) {
        out.ensure(plainBytes);
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = ends[i];
            if (!fixed) {
                out.writeInt(end - start);
            }
            out.writeBytes(slab, start, end - start);
            start = end;
        }
    }

    @Override
    protected int writeDictionary(PageBytes out) {
        for (int id = 0; id < entries; id++) {
            int length = starts[id + 1] - starts[id];
            if (!fixed) {
                out.writeInt(length);
            }
            out.writeBytes(entryBytes, starts[id], length);
        }
        return entries;
    }

    @Override
    protected void idsToValues() {
        int[] pageIds = Arrays.copyOf(ids, count);
        int plain = plainBytes;
        count = 0;
        plainBytes = 0;
        for (int id : pageIds) {
            append(entryBytes, starts[id], starts[id + 1] - starts[id]);
        }
        if (plainBytes != plain) {
            throw new IllegalStateException("column " + column + ": " + plainBytes + " bytes for " + plain);
        }
    }

    @Override
    protected void updateStatistics(Statistics<?> statistics) {
        if (count == 0) {
            return;
        }
        byte[] bytes;
        int min;
        int max;
        int[] from;
        int[] to;
        if (dictionary) {
            bytes = entryBytes;
            from = new int[distinctCount];
            to = new int[distinctCount];
            for (int i = 0; i < distinctCount; i++) {
                from[i] = starts[distinct[i]];
                to[i] = starts[distinct[i] + 1];
            }
        } else {
            bytes = slab;
            from = new int[count];
            to = Arrays.copyOf(ends, count);
            for (int i = 1; i < count; i++) {
                from[i] = ends[i - 1];
            }
        }
        min = 0;
        max = 0;
        if (signed) {
            for (int i = 1; i < from.length; i++) {
                if (compare(bytes, from[i], to[i], from[min], to[min]) < 0) {
                    min = i;
                }
                if (compare(bytes, from[i], to[i], from[max], to[max]) > 0) {
                    max = i;
                }
            }
        } else {
            // the first eight bytes as an unsigned number order most values; equal ones are compared in full
            long minPrefix = prefix(bytes, from[0], to[0]);
            long maxPrefix = minPrefix;
            for (int i = 1; i < from.length; i++) {
                long prefix = prefix(bytes, from[i], to[i]);
                int low = Long.compareUnsigned(prefix, minPrefix);
                if (low < 0 || low == 0 && compare(bytes, from[i], to[i], from[min], to[min]) < 0) {
                    min = i;
                    minPrefix = prefix;
                }
                int high = Long.compareUnsigned(prefix, maxPrefix);
                if (high > 0 || high == 0 && compare(bytes, from[i], to[i], from[max], to[max]) > 0) {
                    max = i;
                    maxPrefix = prefix;
                }
            }
        }
        statistics.updateStats(Binary.fromConstantByteArray(Arrays.copyOfRange(bytes, from[min], to[min])));
        statistics.updateStats(Binary.fromConstantByteArray(Arrays.copyOfRange(bytes, from[max], to[max])));
    }

    /** Bytes {@code [from, to)} up to the eighth, big-endian, zero-padded: their unsigned order as far as it goes. */
    private static long prefix(byte[] bytes, int from, int to) {
        if (to - from >= 8) {
            return (long) BIG_ENDIAN_LONG.get(bytes, from);
        }
        long prefix = 0;
        for (int i = from; i < from + 8; i++) {
            prefix = prefix << 8 | (i < to ? bytes[i] & 0xFF : 0);
        }
        return prefix;
    }

    /** Parquet's order of two values of the column held in {@code bytes}. */
    private int compare(byte[] bytes, int aFrom, int aTo, int bFrom, int bTo) {
        if (signed && aTo > aFrom && bTo > bFrom) {
            // two's complement of the same length: the sign byte decides first
            int sign = Byte.compare(bytes[aFrom], bytes[bFrom]);
            if (sign != 0) {
                return sign;
            }
            return Arrays.compareUnsigned(bytes, aFrom + 1, aTo, bytes, bFrom + 1, bTo);
        }
        return Arrays.compareUnsigned(bytes, aFrom, aTo, bytes, bFrom, bTo);
    }

    @Override
    protected void clearPage() {
        count = 0;
        plainBytes = 0;
        distinctCount = 0;
        page++;
    }

    @Override
    protected void clearDictionary() {
        if (entries > 0) {
            entries = 0;
            dictionaryBytes = 0;
            Arrays.fill(slots, 0);
            Arrays.fill(recent, null);
        }
    }
}
