package io.sluice.format.parquet;

import io.sluice.format.ValueConversion;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Reads one primitive column: decodes each physical value to the file type's Java value, converts it to the table's
 * type and hands it on. A value that fails either step is reported to the record's problems and read as null.
 *
 * <p>Dictionary-encoded values are decoded once per dictionary entry and shared, which saves a String per value on
 * the typical low-cardinality text column; byte arrays are not shared, being mutable.
 */
abstract class LeafConverter extends PrimitiveConverter {
    private final ReadNode.Leaf leaf;
    private final ValueReceiver receiver;
    private final RecordProblems problems;
    private final boolean shareDictionaryValues;
    private Dictionary dictionary;
    private Object[] dictionaryValues;

    /** File value to table value, applied after decoding. */
    final ValueConversion conversion;

    LeafConverter(ReadNode.Leaf leaf, ValueReceiver receiver, RecordProblems problems) {
        this.leaf = leaf;
        this.conversion = leaf.conversion();
        this.receiver = receiver;
        this.problems = problems;
        this.shareDictionaryValues = leaf.tableType() != io.sluice.types.PrimitiveType.BINARY;
    }

    /** The value of a dictionary entry, of the file type's Java type. */
    abstract Object decode(Dictionary dictionary, int id);

    final void receive(Object value) {
        receiver.receive(value);
    }

    /** Reports a value that could not be decoded or converted; returns the null it reads as. */
    final Object failed(RuntimeException problem) {
        problems.report(leaf.column(), problem);
        return null;
    }

    @Override
    public final boolean hasDictionarySupport() {
        return true;
    }

    @Override
    public final void setDictionary(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.dictionaryValues = shareDictionaryValues ? new Object[dictionary.getMaxId() + 1] : null;
    }

    @Override
    public final void addValueFromDictionary(int id) {
        Object value = dictionaryValues == null ? null : dictionaryValues[id];
        if (value == null) {
            try {
                value = conversion.apply(decode(dictionary, id));
                if (dictionaryValues != null) {
                    dictionaryValues[id] = value;
                }
            } catch (RuntimeException e) {
                value = failed(e);
            }
        }
        receive(value);
    }
}
