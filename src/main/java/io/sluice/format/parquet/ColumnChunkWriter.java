package io.sluice.format.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * One column of a flat schema, as the pages of the row group being written: the values of the open page in
 * primitive arrays, then, page by page, the page encoded and compressed in memory until the row group is written.
 * Encoding a whole page at once in tight loops over arrays is what makes this faster than parquet-column's column
 * writers, which encode, count statistics and check sizes value by value through several layers.
 *
 * <p>The pages are those parquet-column writes for a flat optional column with the same properties (data page v1):
 * no repetition levels; definition levels run-length/bit-packed hybrid behind their 4-byte length; values PLAIN or,
 * while the dictionary pays, PLAIN_DICTIONARY ids (bit width byte, then hybrid runs) with a dictionary page per
 * column chunk. As parquet-column does, a column falls back to PLAIN for the rest of the row group when its
 * dictionary outgrows the dictionary page size, and at the end of its first page when the dictionary does not make
 * the page smaller; page statistics feed the chunk statistics and the column and offset indexes the file writer
 * builds. The values arrive through the {@link RecordConsumer} calls of {@link ValueWriters}, one per value, and
 * {@link #writeNull()}.
 */
abstract class ColumnChunkWriter extends RecordConsumer {
    /** What every column of a file shares. */
    record Settings(
            int pageRowLimit,
            int pageBytes,
            int dictionaryBytes,
            PageCompressor compressor,
            CompressionCodecName codec,
            PageBytes scratch) {}

    /** An encoded and compressed data page waiting for its row group to be written. */
    private record DataPage(byte[] bytes, int uncompressedSize, int rows, Statistics<?> statistics, Encoding values) {}

    private static final BytePacker[] PACKERS = packers();

    /**
     * Values a page's arrays hold at first: they grow up to the page's rows as needed, so that the many small
     * writers of a partitioned output do not each hold arrays for a full page.
     */
    protected static final int INITIAL_PAGE_VALUES = 1024;

    protected final ColumnDescriptor column;
    protected final Settings settings;
    private final boolean optional;
    private final boolean dictionaryEnabled;
    private final long[] present;
    private final List<DataPage> pages = new ArrayList<>();
    /** Where pages are encoded before compression: one buffer for all columns of a file, written one at a time. */
    private final PageBytes encoded;
    /** Rows of the open page, nulls included. */
    protected int rows;

    private int nulls;
    private long pageBytesBuffered;
    private long chunkRows;
    /** True while values are dictionary ids; false once the column fell back to PLAIN in this row group. */
    protected boolean dictionary;

    private boolean dictionaryPages;
    private boolean firstPage = true;

    ColumnChunkWriter(ColumnDescriptor column, Settings settings, boolean dictionaryEnabled) {
        if (column.getMaxRepetitionLevel() != 0 || column.getMaxDefinitionLevel() > 1) {
            throw new IllegalArgumentException("not a flat column: " + column);
        }
        this.column = column;
        this.settings = settings;
        this.optional = column.getMaxDefinitionLevel() == 1;
        this.dictionaryEnabled = dictionaryEnabled;
        this.dictionary = dictionaryEnabled;
        this.present = new long[(settings.pageRowLimit() + 63) >>> 6];
        this.encoded = settings.scratch();
    }

    /** A null: the row has no value in this column. */
    final void writeNull() {
        if (!optional) {
            throw new IllegalArgumentException("column " + column.getPath()[0] + " is required: a null");
        }
        nulls++;
        endRow();
    }

    /** Called by a subclass once it has added a value of the row. */
    protected final void valueAdded() {
        present[rows >>> 6] |= 1L << rows;
        endRow();
    }

    private void endRow() {
        if (++rows >= settings.pageRowLimit() || openPageBytes() >= settings.pageBytes()) {
            endPage();
        }
    }

    /** Bytes the buffered row group of this column takes: encoded pages, the open page, the dictionary. */
    final long bufferedSize() {
        return pageBytesBuffered + openPageBytes() + dictionaryBytes();
    }

    /** Encodes and compresses the open page, if it has rows. */
    final void endPage() {
        if (rows == 0) {
            return;
        }
        PageBytes out = encoded;
        out.reset();
        if (optional) {
            writeDefinitionLevels(out);
        }
        int levels = out.size();
        Encoding encoding;
        if (dictionary) {
            writeIds(out);
            if (firstPage && out.size() - levels + dictionaryBytes() >= plainBytes()) {
                // the dictionary does not pay for itself: the page and the rest of the row group go PLAIN
                fallBack();
                out.reset();
                if (optional) {
                    writeDefinitionLevels(out);
                }
                writePlain(out);
                encoding = Encoding.PLAIN;
            } else {
                dictionaryPages = true;
                encoding = Encoding.PLAIN_DICTIONARY;
            }
        } else {
            writePlain(out);
            encoding = Encoding.PLAIN;
        }
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        updateStatistics(statistics);
        statistics.incrementNumNulls(nulls);
        byte[] bytes = compress(out);
        pages.add(new DataPage(bytes, out.size(), rows, statistics, encoding));
        pageBytesBuffered += bytes.length;
        chunkRows += rows;
        Arrays.fill(present, 0, (rows + 63) >>> 6, 0L);
        rows = 0;
        nulls = 0;
        firstPage = false;
        clearPage();
    }

    /** Writes the column chunk of this row group to {@code file} and starts the next row group afresh. */
    final void flushTo(ParquetFileWriter file) throws IOException {
        endPage();
        file.startColumn(column, chunkRows, settings.codec());
        if (dictionaryPages) {
            PageBytes out = encoded;
            out.reset();
            int size = writeDictionary(out);
            byte[] bytes = compress(out);
            file.writeDictionaryPage(
                    new DictionaryPage(BytesInput.from(bytes), out.size(), size, Encoding.PLAIN_DICTIONARY));
        }
        Encoding levels = optional ? Encoding.RLE : Encoding.BIT_PACKED;
        for (DataPage page : pages) {
            file.writeDataPage(
                    page.rows(),
                    page.uncompressedSize(),
                    BytesInput.from(page.bytes()),
                    page.statistics(),
                    page.rows(),
                    Encoding.BIT_PACKED,
                    levels,
                    page.values());
        }
        file.endColumn();
        pages.clear();
        pageBytesBuffered = 0;
        chunkRows = 0;
        dictionaryPages = false;
        firstPage = true;
        dictionary = dictionaryEnabled;
        clearDictionary();
    }

    /**
     * The next capacity of a page's arrays holding {@code count} values: doubled, up to the page's row limit, and
     * a multiple of 8 so that ids can be bit-packed by groups of eight.
     */
    protected final int grown(int count) {
        return (Math.min(Math.max(count * 2, INITIAL_PAGE_VALUES), settings.pageRowLimit()) + 7) & ~7;
    }

    /** Switches to PLAIN for the rest of the row group, the open page's values included. */
    protected final void fallBack() {
        if (dictionary) {
            dictionary = false;
            idsToValues();
        }
    }

    /** The size of the open page's values in PLAIN encoding. */
    protected abstract int plainBytes();

    /** What the open page holds now, to cut pages at the page size. */
    protected abstract int openPageBytes();

    /** The size of the dictionary in PLAIN encoding (0 without one). */
    protected abstract int dictionaryBytes();

    /** Entries of the dictionary. */
    protected abstract int dictionarySize();

    /** The open page's ids, in order. */
    protected abstract int[] ids();

    /** How many ids the open page has. */
    protected abstract int idCount();

    protected abstract void writePlain(PageBytes out);

    /** Writes the dictionary's values, PLAIN, and returns their count. */
    protected abstract int writeDictionary(PageBytes out);

    /** Turns the open page's ids into PLAIN values. */
    protected abstract void idsToValues();

    /** Adds the open page's minimum and maximum (as the statistics' own order says) to {@code statistics}. */
    protected abstract void updateStatistics(Statistics<?> statistics);

    protected abstract void clearPage();

    protected abstract void clearDictionary();

    private void writeDefinitionLevels(PageBytes out) {
        int lengthAt = out.size();
        out.writeInt(0);
        if (nulls == 0 || nulls == rows) {
            out.writeUnsignedVarInt(rows << 1);
            out.writeByte(nulls == 0 ? 1 : 0);
        } else {
            // bit width 1, eight levels a byte, first level in the lowest bit: the presence bits as they are
            int groups = (rows + 7) >>> 3;
            out.writeUnsignedVarInt(groups << 1 | 1);
            out.ensure(groups);
            byte[] b = out.array();
            int at = out.size();
            for (int i = 0; i < groups; i++) {
                b[at + i] = (byte) (present[i >>> 3] >>> ((i & 7) << 3));
            }
            out.skip(groups);
        }
        out.putInt(lengthAt, out.size() - lengthAt - 4);
    }

    /** The ids: their bit width, then one RLE run when they are all the same, else one bit-packed run. */
    private void writeIds(PageBytes out) {
        int bitWidth = 32 - Integer.numberOfLeadingZeros(Math.max(0, dictionarySize() - 1));
        out.writeByte(bitWidth);
        int count = idCount();
        if (count == 0) {
            return;
        }
        int[] ids = ids();
        int first = ids[0];
        boolean same = true;
        for (int i = 1; i < count && same; i++) {
            same = ids[i] == first;
        }
        if (same) {
            out.writeUnsignedVarInt(count << 1);
            for (int i = 0; i < (bitWidth + 7) >>> 3; i++) {
                out.writeByte(first >>> (8 * i));
            }
            return;
        }
        int groups = (count + 7) >>> 3;
        Arrays.fill(ids, count, groups << 3, 0);
        out.writeUnsignedVarInt(groups << 1 | 1);
        out.ensure(groups * bitWidth);
        BytePacker packer = PACKERS[bitWidth];
        byte[] b = out.array();
        int at = out.size();
        for (int group = 0; group < groups; group++) {
            packer.pack8Values(ids, group << 3, b, at);
            at += bitWidth;
        }
        out.skip(groups * bitWidth);
    }

    private byte[] compress(PageBytes out) {
        try {
            return settings.compressor().compress(out.array(), out.size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("compressing a page of column " + column.getPath()[0], e);
        }
    }

    private static BytePacker[] packers() {
        BytePacker[] packers = new BytePacker[33];
        for (int width = 0; width <= 32; width++) {
            packers[width] = Packer.LITTLE_ENDIAN.newBytePacker(width);
        }
        return packers;
    }

    // A flat column takes values only: the record structure is the file writer's.

    @Override
    public final void startMessage() {
        throw new IllegalStateException("a flat column has no records of its own");
    }

    @Override
    public final void endMessage() {
        throw new IllegalStateException("a flat column has no records of its own");
    }

    @Override
    public final void startField(String field, int index) {
        throw new IllegalStateException("a flat column has no fields");
    }

    @Override
    public final void endField(String field, int index) {
        throw new IllegalStateException("a flat column has no fields");
    }

    @Override
    public final void startGroup() {
        throw new IllegalStateException("a flat column has no groups");
    }

    @Override
    public final void endGroup() {
        throw new IllegalStateException("a flat column has no groups");
    }

    @Override
    public void addInteger(int value) {
        throw misfit("an int");
    }

    @Override
    public void addLong(long value) {
        throw misfit("a long");
    }

    @Override
    public void addBoolean(boolean value) {
        throw misfit("a boolean");
    }

    @Override
    public void addBinary(Binary value) {
        throw misfit("a binary");
    }

    @Override
    public void addFloat(float value) {
        throw misfit("a float");
    }

    @Override
    public void addDouble(double value) {
        throw misfit("a double");
    }

    private IllegalStateException misfit(String what) {
        return new IllegalStateException(what + " for column " + column);
    }
}
