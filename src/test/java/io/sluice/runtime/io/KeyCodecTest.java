package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyCodecTest {
    static final List<String> ORDERABLE_TYPES = List.of(
            "boolean",
            "tinyint",
            "smallint",
            "int",
            "bigint",
            "float",
            "double",
            "decimal(1,0)",
            "decimal(5,2)",
            "decimal(18,0)",
            "decimal(18,18)",
            "decimal(19,4)",
            "decimal(38,0)",
            "decimal(38,10)",
            "string",
            "varchar(10)",
            "char(5)",
            "binary",
            "date",
            "timestamp",
            "array<int>",
            "array<string>",
            "array<array<double>>",
            "struct<a:int,b:string>",
            "array<struct<x:float,y:binary>>");

    private final BinaryOutput out = new BinaryOutput();

    static Stream<Arguments> typesAndOrders() {
        return ORDERABLE_TYPES.stream()
                .flatMap(type -> Stream.of(
                        Arguments.of(type, KeyColumn.Order.ASC, KeyColumn.Nulls.FIRST),
                        Arguments.of(type, KeyColumn.Order.ASC, KeyColumn.Nulls.LAST),
                        Arguments.of(type, KeyColumn.Order.DESC, KeyColumn.Nulls.FIRST),
                        Arguments.of(type, KeyColumn.Order.DESC, KeyColumn.Nulls.LAST)));
    }

    @ParameterizedTest(name = "{0} {1} NULLS {2}")
    @MethodSource("typesAndOrders")
    void byteOrderIsSqlOrderForEveryPair(String typeName, KeyColumn.Order order, KeyColumn.Nulls nulls) {
        DataType type = DataType.parse(typeName);
        KeyColumn column = new KeyColumn(0, type, order, nulls);
        RandomValues random = new RandomValues(typeName.hashCode() * 31L + order.ordinal() * 2 + nulls.ordinal(), 0.1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(Row.of(random.value(type)));
        }

        assertByteOrderMatches(rows, List.of(column));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesAndOrders")
    void decodesWhatItEncoded(String typeName, KeyColumn.Order order, KeyColumn.Nulls nulls) {
        DataType type = DataType.parse(typeName);
        KeyCodec codec = KeyCodec.of(List.of(new KeyColumn(0, type, order, nulls)));
        RandomValues random = new RandomValues(typeName.hashCode(), 0.1);
        for (int i = 0; i < 200; i++) {
            Object value = random.value(type);
            out.reset();
            codec.encode(Row.of(value), out);

            byte[] boxed = Arrays.copyOf(out.buffer(), out.length());
            out.reset();
            codec.encode(RowTesting.unboxed(Row.of(value)), out);
            Object decoded =
                    codec.decode(out.buffer(), 0, out.length(), new Row(1)).get(0);

            assertThat(Arrays.copyOf(out.buffer(), out.length())).as("unboxed").isEqualTo(boxed);
            assertThat(Normalized.of(decoded)).isEqualTo(Normalized.of(keyForm(type, value)));
        }
    }

    @Test
    void compositeKeysSortColumnByColumn() {
        List<KeyColumn> columns = List.of(
                KeyColumn.asc(2, PrimitiveType.STRING),
                KeyColumn.desc(0, PrimitiveType.INT),
                KeyColumn.asc(1, PrimitiveType.DOUBLE).nullsLast(),
                KeyColumn.desc(3, DataType.parse("decimal(10,3)")).nullsFirst());
        RandomValues random = new RandomValues(7, 0.15);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Few distinct values per column, so that earlier columns tie often.
            rows.add(Row.of(
                    random.random().nextInt(3),
                    random.random().nextBoolean()
                            ? null
                            : (double) random.random().nextInt(3) - 1,
                    random.random().nextInt(5) == 0
                            ? null
                            : List.of("", "a", "a\u0000", "ab")
                                    .get(random.random().nextInt(4)),
                    random.value(DataType.parse("decimal(10,3)"))));
        }

        assertByteOrderMatches(rows, columns);
    }

    @Test
    void prefixesSortFirstAndZeroBytesAreEscaped() {
        KeyCodec codec = KeyCodec.of(List.of(KeyColumn.asc(0, PrimitiveType.STRING)));

        assertThat(hex(codec, "a")).isEqualTo("01" + "61" + "0001");
        assertThat(hex(codec, "a\u0000")).isEqualTo("01" + "61" + "00ff" + "0001");
        assertThat(hex(codec, null)).isEqualTo("00");
        List<String> sorted = sortedByBytes(codec, "ab", "a\u0000", "", "a", "b", "\uFFFF", "😀");
        assertThat(sorted).containsExactly("", "a", "a\u0000", "ab", "b", "\uFFFF", "😀");
    }

    @Test
    void descendingInvertsTheValueButNotTheNullFlag() {
        KeyCodec codec = KeyCodec.of(List.of(KeyColumn.desc(0, PrimitiveType.STRING)));

        assertThat(hex(codec, "a")).isEqualTo("01" + "9e" + "fffe");
        assertThat(hex(codec, null)).isEqualTo("02");
        assertThat(sortedByBytes(codec, "a", null, "ab", "", "b")).containsExactly("b", "ab", "a", "", null);
    }

    @Test
    void nanSortsLastAndNegativeZeroEqualsZero() {
        KeyCodec codec = KeyCodec.of(List.of(KeyColumn.asc(0, PrimitiveType.DOUBLE)));

        assertThat(hex(codec, -0.0)).isEqualTo(hex(codec, 0.0));
        assertThat(hex(codec, Double.longBitsToDouble(0x7FF0000000000123L))).isEqualTo(hex(codec, Double.NaN));
        assertThat(sortedByBytes(codec, Double.NaN, 1.0, Double.POSITIVE_INFINITY, -2.5, Double.NEGATIVE_INFINITY))
                .containsExactly(Double.NEGATIVE_INFINITY, -2.5, 1.0, Double.POSITIVE_INFINITY, Double.NaN);
    }

    @Test
    void decimalsCompareAtTheColumnsScale() {
        KeyCodec codec = KeyCodec.of(List.of(KeyColumn.asc(0, DataType.parse("decimal(10,2)"))));

        assertThat(hex(codec, new BigDecimal("1.5"))).isEqualTo(hex(codec, new BigDecimal("1.50")));
        assertThat(hex(codec, BigDecimal.ZERO.setScale(2))).isEqualTo("01" + "80");
        assertThat(hex(codec, new BigDecimal("-2.56"))).isEqualTo("01" + "7e" + "feff");
    }

    @Test
    void charKeysIgnoreTrailingSpaces() {
        KeyCodec codec = KeyCodec.of(List.of(KeyColumn.asc(0, CharType.of(5))));

        assertThat(hex(codec, "ab  ")).isEqualTo(hex(codec, "ab"));
        out.reset();
        codec.encode(Row.of("ab   "), out);
        assertThat(codec.decode(out.buffer(), 0, out.length(), new Row(1)).get(0))
                .isEqualTo("ab");
    }

    @Test
    void encodeReturnsTheLengthOfTheGroupingColumns() {
        List<KeyColumn> columns = List.of(
                KeyColumn.asc(0, PrimitiveType.STRING),
                KeyColumn.desc(1, PrimitiveType.BIGINT),
                KeyColumn.asc(2, PrimitiveType.DATE));
        KeyCodec full = KeyCodec.of(columns, 2);
        KeyCodec grouping = KeyCodec.of(columns.subList(0, 2));
        Row row = Row.of("key", 42L, null);

        out.writeByte(0x55);
        int prefix = full.encode(row, out);
        BinaryOutput alone = new BinaryOutput();
        grouping.encode(row, alone);

        assertThat(prefix).isEqualTo(alone.length()).isEqualTo(1 + 5 + 1 + 8);
        assertThat(Arrays.copyOfRange(out.buffer(), 1, 1 + prefix)).isEqualTo(alone.toByteArray());
        assertThat(full.decode(out.buffer(), 1, out.length() - 1, new Row(2))).isEqualTo(Row.of("key", 42L));
    }

    @Test
    void aKeyOfNoColumnsIsEmptySoThatEveryRowIsInOneGroup() {
        KeyCodec none = KeyCodec.of(List.of());

        assertThat(none.encode(Row.of(1, "a"), out)).isZero();
        assertThat(none.encode(Row.of(2, null), out)).isZero();
        assertThat(out.length()).isZero();
        assertThat(none.groupingColumns()).isZero();
    }

    @Test
    void refusesMapsAndBadGroupingCounts() {
        assertThatThrownBy(() -> KeyColumn.asc(0, DataType.parse("array<map<string,int>>")))
                .hasMessageContaining("array<map<string,int>>")
                .hasMessageContaining("maps have no order");
        List<KeyColumn> one = List.of(KeyColumn.asc(0, PrimitiveType.INT));
        assertThatThrownBy(() -> KeyCodec.of(one, 2)).hasMessageContaining("between 1 and 1, got 2");
        assertThatThrownBy(() -> KeyCodec.of(one, 0)).hasMessageContaining("between 1 and 1, got 0");
        assertThatThrownBy(() -> KeyCodec.of(one).decode(new byte[0], 0, 0, new Row(2)))
                .hasMessageContaining("cannot fill a row of 2");
    }

    private void assertByteOrderMatches(List<Row> rows, List<KeyColumn> columns) {
        KeyCodec codec = KeyCodec.of(columns);
        List<byte[]> keys = new ArrayList<>();
        for (Row row : rows) {
            out.reset();
            codec.encode(row, out);
            keys.add(out.toByteArray());
        }
        Comparator<Row> sql = SqlOrder.rows(columns);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.size(); j++) {
                int expected = Integer.signum(sql.compare(rows.get(i), rows.get(j)));
                int actual = Integer.signum(Arrays.compareUnsigned(keys.get(i), keys.get(j)));
                if (expected != actual) {
                    throw new AssertionError("SQL order says " + expected + " but bytes say " + actual + " for "
                            + rows.get(i) + " and " + rows.get(j) + " by " + columns);
                }
            }
        }
    }

    /** The value as a key gives it back: -0.0 as 0.0, any NaN as the canonical one, char without trailing spaces. */
    private static Object keyForm(DataType type, Object value) {
        if (value instanceof Double d) {
            return d == 0.0 ? 0.0 : Double.isNaN(d) ? Double.NaN : d;
        }
        if (value instanceof Float f) {
            return f == 0.0f ? 0.0f : Float.isNaN(f) ? Float.NaN : f;
        }
        if (type instanceof CharType && value instanceof String text) {
            return SqlOrder.stripSpaces(text);
        }
        if (value instanceof List<?> list) {
            DataType element = ((io.sluice.types.ArrayType) type).elementType();
            return list.stream().map(v -> keyForm(element, v)).toList();
        }
        if (value instanceof Row row) {
            io.sluice.types.StructType struct = (io.sluice.types.StructType) type;
            Row copy = new Row(row.width());
            for (int i = 0; i < row.width(); i++) {
                copy.set(i, keyForm(struct.fields().get(i).type(), row.get(i)));
            }
            return copy;
        }
        return value;
    }

    private String hex(KeyCodec codec, Object value) {
        out.reset();
        codec.encode(Row.of(value), out);
        return java.util.HexFormat.of().formatHex(out.buffer(), 0, out.length());
    }

    @SafeVarargs
    @SuppressWarnings("unchecked")
    private final <T> List<T> sortedByBytes(KeyCodec codec, T... values) {
        List<Object[]> keyed = new ArrayList<>();
        for (T value : values) {
            out.reset();
            codec.encode(Row.of(value), out);
            keyed.add(new Object[] {out.toByteArray(), value});
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned((byte[]) a[0], (byte[]) b[0]));
        return keyed.stream().map(k -> (T) k[1]).toList();
    }
}
