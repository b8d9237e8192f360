package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowCodecTest {
    static final StructType EVERY_TYPE = (StructType) DataType.parse("struct<bo:boolean,ti:tinyint,sm:smallint,i:int,"
            + "bi:bigint,f:float,d:double,d1:decimal(1,0),d9:decimal(9,4),d18:decimal(18,18),d19:decimal(19,2),"
            + "d38:decimal(38,10),s:string,vc:varchar(10),ch:char(5),da:date,ts:timestamp,bin:binary,"
            + "arr:array<int>,arrs:array<string>,arrbin:array<binary>,nested:array<array<double>>,"
            + "m:map<string,int>,mb:map<bigint,binary>,mstruct:map<int,struct<x:decimal(20,3),y:array<date>>>,"
            + "st:struct<a:int,b:struct<c:string,d:array<timestamp>>,e:map<string,array<int>>>>");

    private final RowCodec codec = RowCodec.of(EVERY_TYPE);
    private final BinaryOutput out = new BinaryOutput(16);

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 0.9})
    void roundTripsRandomRowsOfEveryTypeWithNullsAtEveryLevel(double nullChance) {
        RandomValues random = new RandomValues(Double.doubleToLongBits(nullChance), nullChance);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Row row = random.row(EVERY_TYPE);
            rows.add(row);
            codec.encode(row, out);
        }

        BinaryInput in = new BinaryInput().reset(out.buffer(), 0, out.length());
        Row decoded = new Row(EVERY_TYPE.fields().size());
        for (Row row : rows) {
            assertThat(Normalized.of(codec.decode(in, decoded))).isEqualTo(Normalized.of(row));
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void unboxedValuesEncodeAsTheirBoxedValuesAndDecodeUnboxed() {
        RandomValues random = new RandomValues(7, 0.2);
        BinaryOutput boxed = new BinaryOutput(16);
        Row decoded = new Row(EVERY_TYPE.fields().size());
        int bigint = EVERY_TYPE.fields().indexOf(EVERY_TYPE.field("bi").orElseThrow());
        for (int i = 0; i < 500; i++) {
            Row row = random.row(EVERY_TYPE);
            boxed.reset();
            out.reset();
            codec.encode(row, boxed);

            codec.encode(RowTesting.unboxed(row), out);

            assertThat(Arrays.copyOf(out.buffer(), out.length()))
                    .isEqualTo(Arrays.copyOf(boxed.buffer(), boxed.length()));
            codec.decode(out.buffer(), 0, out.length(), decoded);
            assertThat(Normalized.of(decoded)).isEqualTo(Normalized.of(row));
            assertThat(decoded.isUnboxed(bigint)).isEqualTo(row.get(bigint) != null);
        }
    }

    @Test
    void decodesARepeatedStringOnceAndEveryOtherAsItIs() {
        RowCodec strings = RowCodec.of((StructType) DataType.parse("struct<country:string,note:string>"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Row.of(i % 3 == 0 ? "DE" : "Türkiye", i % 7 == 0 ? null : "note " + i));
        }
        rows.forEach(row -> strings.encode(row, out));

        BinaryInput in = new BinaryInput().reset(out.buffer(), 0, out.length());
        List<Object> countries = new ArrayList<>();
        for (Row row : rows) {
            Row decoded = strings.decode(in, new Row(2));
            assertThat(decoded.get(0)).isEqualTo(row.get(0));
            assertThat(decoded.get(1)).isEqualTo(row.get(1));
            countries.add(decoded.get(0));
        }
        assertThat(countries.stream()
                        .filter(c -> c.equals("DE"))
                        .map(System::identityHashCode)
                        .distinct())
                .hasSize(1);
        assertThat(countries.stream()
                        .filter(c -> c.equals("Türkiye"))
                        .map(System::identityHashCode)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void writesTheDocumentedBytes() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<a:int,b:string,c:double,d:boolean>"));

        small.encode(Row.of(-1, "hé", null, true), out);

        // bitmap (c null), zigzag(-1), length 3 and UTF-8 of "hé", true
        assertThat(hex(out)).isEqualTo("04" + "01" + "0368c3a9" + "01");
    }

    @Test
    void writesDecimalsAsUnscaledValuesAndTimestampsAsMicros() {
        RowCodec small = RowCodec.of(
                (StructType) DataType.parse("struct<a:decimal(5,2),b:decimal(20,2),t:timestamp,u:timestamp>"));

        small.encode(
                Row.of(
                        new BigDecimal("-1.28"),
                        new BigDecimal("1.28"),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1000),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1001)),
                out);

        // bitmap; zigzag(-128) = 255 as a varint; 1 byte: 128 is 0x0080 in two's complement; micros 1 → zigzag(2);
        // micros 1 with a remainder → zigzag(3) and 1 ns
        assertThat(hex(out)).isEqualTo("00" + "ff01" + "020080" + "04" + "0601");
    }

    @Test
    void keepsNanPayloadsNegativeZeroAndMapOrder() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<f:float,d:double,m:map<string,int>>"));
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put(null, null);
        map.put("a", null);
        Row row = Row.of(Float.intBitsToFloat(0x7FC00123), -0.0, map);

        small.encode(row, out);
        Row decoded = small.decode(out.buffer(), 0, out.length(), new Row(3));

        assertThat(Float.floatToRawIntBits((Float) decoded.get(0))).isEqualTo(0x7FC00123);
        assertThat(Double.doubleToRawLongBits((Double) decoded.get(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(new ArrayList<Object>(((Map<?, ?>) decoded.get(2)).keySet())).containsExactly("z", null, "a");
        assertThat(Normalized.of(decoded)).isEqualTo(Normalized.of(row));
    }

    @Test
    void rescalesDecimalsOfAnotherScaleWhenExact() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<a:decimal(6,2),b:decimal(30,5)>"));

        small.encode(Row.of(new BigDecimal("1.5"), new BigDecimal("7")), out);
        Row decoded = small.decode(out.buffer(), 0, out.length(), new Row(2));

        assertThat(decoded.get(0)).isEqualTo(new BigDecimal("1.50"));
        assertThat(decoded.get(1)).isEqualTo(new BigDecimal("7.00000"));
    }

    @Test
    void refusesDecimalsThatNeedRounding() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<a:decimal(6,2)>"));

        assertThatThrownBy(() -> small.encode(Row.of(new BigDecimal("1.234")), out))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("1.234 does not fit decimal(6,2)");
    }

    @Test
    void roundTripsTimestampsAroundTheEpochToTheNanosecond() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<t:timestamp>"));
        List<LocalDateTime> timestamps = List.of(
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1),
                LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 123_456_789),
                LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000));
        for (LocalDateTime timestamp : timestamps) {
            out.reset();
            small.encode(Row.of(timestamp), out);
            assertThat(small.decode(out.buffer(), 0, out.length(), new Row(1)).get(0))
                    .isEqualTo(timestamp);
        }
    }

    @Test
    void refusesTimestampsTooFarFromTheEpoch() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<t:timestamp>"));

        assertThatThrownBy(() -> small.encode(Row.of(LocalDateTime.of(200_000, 1, 1, 0, 0)), out))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("+200000-01-01T00:00")
                .hasMessageContaining("too far from 1970");
        assertThatThrownBy(() -> small.encode(RowTesting.unboxed(Row.of(LocalDateTime.of(200_000, 1, 1, 0, 0))), out))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("+200000-01-01T00:00")
                .hasMessageContaining("too far from 1970");
    }

    @Test
    void roundTripsTheWholeDateRange() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<d:date>"));
        for (LocalDate date : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH)) {
            out.reset();
            small.encode(Row.of(date), out);
            assertThat(small.decode(out.buffer(), 0, out.length(), new Row(1)).get(0))
                    .isEqualTo(date);
        }
    }

    @Test
    void reusesTheBufferAndGrowsItForLargeValues() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<s:string,b:binary>"));
        String large = "ü".repeat(100_000);
        byte[] bytes = new byte[70_000];
        Arrays.fill(bytes, (byte) 7);

        small.encode(Row.of(large, bytes), out);
        Row decoded = small.decode(out.buffer(), 0, out.length(), new Row(2));
        out.reset();
        small.encode(Row.of("ok", new byte[0]), out);

        assertThat(decoded.get(0)).isEqualTo(large);
        assertThat((byte[]) decoded.get(1)).isEqualTo(bytes);
        assertThat(small.decode(out.buffer(), 0, out.length(), decoded)).isEqualTo(Row.of("ok", new byte[0]));
        assertThat(out.length()).isEqualTo(1 + 3 + 1);
    }

    @Test
    void namesTheSchemaWhenAValueHasTheWrongJavaType() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<a:int>"));

        assertThatThrownBy(() -> small.encode(Row.of("7"), out))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("struct<a:int>");
    }

    @Test
    void refusesRowsOfAnotherWidth() {
        assertThatThrownBy(() -> codec.encode(new Row(3), out)).hasMessageContaining("cannot hold a row of 3 values");
        assertThatThrownBy(() -> codec.decode(new byte[0], 0, 0, new Row(3)))
                .hasMessageContaining("a row of 3 values cannot hold");
    }

    @Test
    void reportsTruncatedBytes() {
        RowCodec small = RowCodec.of((StructType) DataType.parse("struct<s:string>"));
        small.encode(Row.of("hello"), out);

        assertThatThrownBy(() -> small.decode(out.buffer(), 0, out.length() - 1, new Row(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("need 5 bytes");
    }

    private static String hex(BinaryOutput out) {
        return HexFormat.of().formatHex(out.buffer(), 0, out.length());
    }
}
