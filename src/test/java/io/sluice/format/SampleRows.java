package io.sluice.format;

import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows with a value of every Hive type, nulls everywhere they can be, and edge values, for round trips. */
public final class SampleRows {
    public static final StructType SCHEMA = FormatTesting.schema("flag:boolean,tiny:tinyint,small:smallint,i:int,"
            + "big:bigint,f:float,d:double,small_dec:decimal(5,2),mid_dec:decimal(15,3),big_dec:decimal(30,4),"
            + "s:string,vc:varchar(10),ch:char(3),bin:binary,day:date,ts:timestamp,"
            + "ints:array<int>,people:array<struct<name:string,age:int>>,"
            + "scores:map<string,array<double>>,address:struct<street:string,geo:struct<lat:double,day:date>>");

    private SampleRows() {}

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(
                true,
                (byte) -128,
                (short) 32767,
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                1.5f,
                -2.25e300,
                new BigDecimal("-999.99"),
                new BigDecimal("123456789012.345"),
                new BigDecimal("-12345678901234567890123456.7890"),
                "héllo wörld ✓ 𝄞",
                "varchar",
                "abc",
                new byte[] {0, 1, (byte) 0xFF},
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000),
                list(1, null, 3),
                list(Row.of("ann", 31), null, Row.of(null, 7)),
                map("a", list(1.0, 2.0), "b", null, "c", list()),
                Row.of("1 Main St", Row.of(52.5, LocalDate.of(1999, 12, 31)))));
        rows.add(new Row(SCHEMA.fields().size()));
        rows.add(Row.of(
                false,
                (byte) 0,
                (short) -1,
                0,
                -1L,
                Float.MAX_VALUE,
                0.0,
                new BigDecimal("0.05"),
                new BigDecimal("-0.001"),
                new BigDecimal("99999999999999999999999999.9999"),
                "",
                "",
                "x",
                new byte[0],
                LocalDate.of(1500, 1, 1),
                // Not in the last second before 1970, which ORC cannot tell from the first after (OrcFormat).
                LocalDateTime.of(1969, 12, 31, 23, 59, 58, 999_999_000),
                list(),
                list(),
                map(),
                Row.of(null, null)));
        rows.add(Row.of(
                null,
                (byte) 1,
                null,
                42,
                null,
                null,
                Double.NaN,
                null,
                new BigDecimal("1.000"),
                null,
                "x",
                null,
                null,
                null,
                LocalDate.of(1970, 1, 1),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                null,
                list((Object) null),
                null,
                Row.of("only street", null)));
        return rows;
    }

    public static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    public static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
