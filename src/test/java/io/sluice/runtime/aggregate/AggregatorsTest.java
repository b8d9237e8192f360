package io.sluice.runtime.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.row.RowTesting;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.Normalized;
import io.sluice.runtime.io.RandomValues;
import io.sluice.runtime.io.RowCodec;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AggregatorsTest {

    @ParameterizedTest(name = "{0}({1} {2}) -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "count|false||bigint|bigint",
                "count|false|string|bigint|bigint",
                "COUNT|true|int|bigint|array<int>",
                "sum|false|tinyint|bigint|bigint",
                "sum|false|bigint|bigint|bigint",
                "sum|false|float|double|double",
                "sum|false|decimal(10,2)|decimal(20,2)|decimal(20,2)",
                "sum|false|decimal(30,5)|decimal(38,5)|decimal(38,5)",
                "sum|true|decimal(5,1)|decimal(15,1)|array<decimal(5,1)>",
                "avg|false|int|double|struct<sum:double,count:bigint>",
                "avg|false|double|double|struct<sum:double,count:bigint>",
                "avg|false|decimal(10,2)|decimal(14,6)|struct<sum:decimal(20,2),count:bigint>",
                "avg|false|decimal(38,10)|decimal(38,10)|struct<sum:decimal(38,10),count:bigint>",
                "avg|false|decimal(36,30)|decimal(38,32)|struct<sum:decimal(38,30),count:bigint>",
                "min|false|string|string|string",
                "max|true|date|date|date",
                "min|false|varchar(5)|varchar(5)|varchar(5)",
                "first|false|map<string,int>|map<string,int>|map<string,int>",
                "last|false|struct<a:int>|struct<a:int>|struct<a:int>",
                "collect_list|false|int|array<int>|array<int>",
                "collect_list|true|string|array<string>|array<string>",
                "collect_set|false|double|array<double>|array<double>",
            })
    void typesResultsAndPartialsAsHiveDoes(
            String function, boolean distinct, String argument, String result, String partial) {
        Aggregator<?> aggregator =
                Aggregators.create(function, distinct, argument == null ? null : DataType.parse(argument));

        assertThat(aggregator.resultType()).isEqualTo(DataType.parse(result));
        assertThat(aggregator.partialType()).isEqualTo(DataType.parse(partial));
    }

    @Test
    void countSkipsNullsButCountOfRowsDoesNot() {
        assertThat(run(Aggregators.create("count", false, PrimitiveType.INT), 1, null, 3, null))
                .isEqualTo(2L);
        assertThat(run(Aggregators.countRows(), 1, null, 3, null)).isEqualTo(4L);
        assertThat(run(Aggregators.create("count", false, null))).isEqualTo(0L);
        assertThat(run(Aggregators.create("count", true, PrimitiveType.DOUBLE), 1.0, -0.0, 0.0, null, 1.0, Double.NaN))
                .isEqualTo(3L);
    }

    @Test
    void sumsAreNullForOnlyNullsAndTypedByTheArgument() {
        assertThat(run(Aggregators.create("sum", false, PrimitiveType.INT), null, null))
                .isNull();
        assertThat(run(Aggregators.create("sum", false, PrimitiveType.SMALLINT), (short) 3, null, (short) -5))
                .isEqualTo(-2L);
        assertThat(run(Aggregators.create("sum", false, PrimitiveType.FLOAT), 1.5f, null, 2.25f))
                .isEqualTo(3.75);
        assertThat(run(Aggregators.create("sum", false, DataType.parse("decimal(4,2)")), dec("1.25"), dec("-3.50")))
                .isEqualTo(dec("-2.25"));
        assertThat(run(Aggregators.create("sum", true, PrimitiveType.INT), 2, 2, 3, null))
                .isEqualTo(5L);
    }

    @Test
    void sumsThatOverflowTheirTypeFail() {
        Aggregator<?> bigint = Aggregators.create("sum", false, PrimitiveType.BIGINT);
        Aggregator<?> decimal = Aggregators.create("sum", false, DataType.parse("decimal(38,0)"));
        BigDecimal large = new BigDecimal("9".repeat(38));

        assertThatThrownBy(() -> run(bigint, Long.MAX_VALUE, 1L))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("sum(bigint) overflows bigint");
        assertThatThrownBy(() -> run(decimal, large, BigDecimal.ONE))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("sum(decimal(38,0)) overflows decimal(38,0)");
    }

    @Test
    void averagesRoundDecimalsHalfUpAtFourMoreDigits() {
        Aggregator<?> decimal = Aggregators.create("avg", false, DataType.parse("decimal(10,2)"));

        assertThat(run(decimal, dec("1.00"), dec("2.00"), null, dec("2.00"))).isEqualTo(dec("1.666667"));
        assertThat(run(decimal, null, null)).isNull();
        assertThat(run(Aggregators.create("avg", false, PrimitiveType.BIGINT), 1L, 2L, null))
                .isEqualTo(1.5);
        assertThat(run(Aggregators.create("avg", true, PrimitiveType.INT), 1, 1, 1, 4))
                .isEqualTo(2.5);
    }

    @Test
    void minAndMaxCompareTextByCodePointAndSkipNulls() {
        Aggregator<?> min = Aggregators.create("min", false, PrimitiveType.STRING);
        Aggregator<?> max = Aggregators.create("max", false, PrimitiveType.STRING);
        Object[] texts = {"b", null, "\uFFFF", "😀", "a", "ab"};

        assertThat(run(min, texts)).isEqualTo("a");
        assertThat(run(max, texts)).isEqualTo("😀");
        assertThat(run(max, (Object) null)).isNull();
        assertThat(run(
                        Aggregators.create("max", false, PrimitiveType.DOUBLE),
                        1.0,
                        Double.NaN,
                        Double.POSITIVE_INFINITY))
                .isEqualTo(Double.NaN);
        assertThat(run(Aggregators.create("min", false, PrimitiveType.BINARY), new byte[] {(byte) 0x80}, new byte[] {1
                }))
                .isEqualTo(new byte[] {1});
        assertThat(run(Aggregators.create("min", true, PrimitiveType.DATE), LocalDate.of(2020, 1, 2), LocalDate.EPOCH))
                .isEqualTo(LocalDate.EPOCH);
    }

    @Test
    void firstAndLastKeepInputOrderAndNulls() {
        assertThat(run(Aggregators.create("first", false, PrimitiveType.INT), null, 2, 3))
                .isNull();
        assertThat(run(Aggregators.create("first", false, PrimitiveType.INT), 1, 2, null))
                .isEqualTo(1);
        assertThat(run(Aggregators.create("last", false, PrimitiveType.INT), 1, 2, null))
                .isNull();
        assertThat(run(Aggregators.create("last", false, PrimitiveType.INT), null, 1, 2))
                .isEqualTo(2);
    }

    @Test
    void collectListSkipsNullsAndCollectSetDeduplicatesInKeyOrder() {
        assertThat(run(Aggregators.create("collect_list", false, PrimitiveType.STRING), "b", null, "a", "b"))
                .isEqualTo(List.of("b", "a", "b"));
        assertThat(run(Aggregators.create("collect_list", false, PrimitiveType.STRING), (Object) null))
                .isEqualTo(List.of());
        assertThat(run(Aggregators.create("collect_set", false, PrimitiveType.STRING), "b", null, "a", "b"))
                .isEqualTo(List.of("a", "b"));
        assertThat(run(Aggregators.create("collect_list", true, PrimitiveType.DOUBLE), 2.0, -0.0, 0.0, -1.0))
                .isEqualTo(List.of(-1.0, 0.0, 2.0));
    }

    @Test
    void explainsUnsupportedFunctionsAndTypes() {
        assertThatThrownBy(() -> Aggregators.create("median", false, PrimitiveType.INT))
                .isInstanceOf(SluiceException.class)
                .hasMessage("unknown aggregate function 'median'; Sluice has avg, collect_list, collect_set, count, "
                        + "first, last, max, min, sum");
        assertThatThrownBy(() -> Aggregators.create("sum", false, PrimitiveType.STRING))
                .hasMessage("sum(string) is not supported: sum takes tinyint, smallint, int, bigint, float, double or "
                        + "decimal");
        assertThatThrownBy(() -> Aggregators.create("avg", false, PrimitiveType.BOOLEAN))
                .hasMessageStartingWith("avg(boolean) is not supported");
        assertThatThrownBy(() -> Aggregators.create("max", false, DataType.parse("array<int>")))
                .hasMessageStartingWith("max(array<int>) is not supported: max takes numbers, text");
        assertThatThrownBy(() -> Aggregators.create("first", true, PrimitiveType.INT))
                .hasMessageStartingWith("first(DISTINCT int) is not supported");
        assertThatThrownBy(() -> Aggregators.create("count", true, DataType.parse("map<string,int>")))
                .hasMessageStartingWith(
                        "count(DISTINCT map<string,int>) is not supported: its values cannot be compared");
        assertThatThrownBy(() -> Aggregators.create("sum", false, null))
                .hasMessage("sum(*) is not valid: name the column to aggregate");
        assertThatThrownBy(() -> Aggregators.create("count", true, null))
                .hasMessage("count(DISTINCT *) is not valid: name the column to aggregate");
    }

    static Stream<Arguments> aggregates() {
        return Stream.of(
                        "count|int",
                        "count|map<string,int>",
                        "count distinct|string",
                        "count distinct|double",
                        "sum|int",
                        "sum|bigint",
                        "sum|double",
                        "sum|float",
                        "sum|decimal(10,2)",
                        "sum|decimal(30,4)",
                        "sum distinct|decimal(10,2)",
                        "avg|int",
                        "avg|double",
                        "avg|decimal(10,2)",
                        "avg|decimal(30,4)",
                        "avg distinct|bigint",
                        "min|string",
                        "min|double",
                        "max|decimal(38,10)",
                        "max|timestamp",
                        "max|binary",
                        "first|array<int>",
                        "last|struct<a:string,b:double>",
                        "collect_list|string",
                        "collect_list|struct<a:int>",
                        "collect_list distinct|date",
                        "collect_set|array<string>")
                .map(spec -> {
                    String[] parts = spec.split("\\|");
                    return Arguments.of(parts[0], parts[1]);
                });
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("aggregates")
    void mergingSerializedPartialsEqualsOnePass(String function, String argumentType) {
        String[] words = function.split(" ");
        DataType type = DataType.parse(argumentType);
        Aggregator<?> aggregator = Aggregators.create(words[0], words.length > 1, type);
        Random random = new Random(function.hashCode() ^ argumentType.hashCode());
        ExactValues values = new ExactValues(random, words[0].equals("sum") || words[0].equals("avg"));

        for (int round = 0; round < 20; round++) {
            List<Object> input = new ArrayList<>();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                input.add(values.value(type));
            }
            Object onePass = run(aggregator, input.toArray());

            assertThat(Normalized.of(inStages(aggregator, input, random)))
                    .as("%s over %s", aggregator.describe(), input)
                    .isEqualTo(Normalized.of(onePass));
        }
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("aggregates")
    void groupStatesGiveTheSamePartialsAsOneStatePerGroup(String function, String argumentType) {
        String[] words = function.split(" ");
        DataType type = DataType.parse(argumentType);
        Aggregator<?> aggregator = Aggregators.create(words[0], words.length > 1, type);
        Random random = new Random(31L * function.hashCode() + argumentType.hashCode());
        ExactValues values = new ExactValues(random, words[0].equals("sum") || words[0].equals("avg"));
        GroupStates states = aggregator.groupStates();
        GroupStates fromRows = aggregator.groupStates(); // values added from a row, unboxed where rows hold them so
        Row row = new Row(1);

        for (int round = 0; round < 5; round++) {
            int groups = 1 + random.nextInt(40);
            List<List<Object>> inputs = new ArrayList<>();
            for (int group = 0; group < groups; group++) {
                inputs.add(new ArrayList<>());
                states.grow(group + 1); // groups come one by one, as a hash table finds them
                fromRows.grow(group + 1);
            }
            for (int i = random.nextInt(200); i > 0; i--) {
                int group = random.nextInt(groups);
                Object value = values.value(type);
                inputs.get(group).add(value);
                states.add(group, value);
                RowTesting.setUnboxed(row, 0, value);
                fromRows.add(group, row, 0);
            }
            for (int group = 0; group < groups; group++) {
                Object expected = Normalized.of(partialOf(aggregator, inputs.get(group)));
                assertThat(Normalized.of(states.partial(group)))
                        .as("%s of group %s over %s", aggregator.describe(), group, inputs.get(group))
                        .isEqualTo(expected);
                assertThat(Normalized.of(fromRows.partial(group)))
                        .as("%s of group %s over %s from rows", aggregator.describe(), group, inputs.get(group))
                        .isEqualTo(expected);
            }
            states.clear(); // the next round's groups start empty
            fromRows.clear();
        }
    }

    @Test
    void groupStatesCountEveryRowAndFailOnOverflowAsStatesDo() {
        GroupStates rows = Aggregators.countRows().groupStates();
        rows.grow(2);
        rows.add(1, null);
        rows.add(1, 7);
        assertThat(rows.partial(0)).isEqualTo(0L);
        assertThat(rows.partial(1)).isEqualTo(2L);
        rows.clear();
        rows.grow(2);
        assertThat(rows.partial(1)).isEqualTo(0L);

        GroupStates sums =
                Aggregators.create("sum", false, PrimitiveType.BIGINT).groupStates();
        sums.grow(1);
        assertThat(sums.partial(0)).isNull();
        sums.add(0, Long.MAX_VALUE);
        assertThatThrownBy(() -> sums.add(0, 1L))
                .isInstanceOf(SluiceException.class)
                .hasMessage("sum(bigint) overflows bigint after 9223372036854775807 + 1");
        Row one = new Row(1);
        one.setLong(0, 1L);
        assertThatThrownBy(() -> sums.add(0, one, 0))
                .isInstanceOf(SluiceException.class)
                .hasMessage("sum(bigint) overflows bigint after 9223372036854775807 + 1");
    }

    private static <S> Object partialOf(Aggregator<S> aggregator, List<Object> input) {
        S state = aggregator.createState();
        input.forEach(value -> aggregator.add(state, value));
        return aggregator.partial(state);
    }

    /**
     * As a job would compute it: map-side states over consecutive parts of the input, their partials serialized,
     * merged by a combiner in two halves, serialized again and merged by the reducer.
     */
    private static <S> Object inStages(Aggregator<S> aggregator, List<Object> input, Random random) {
        RowCodec codec = RowCodec.of(StructType.of(StructField.of("partial", aggregator.partialType())));
        List<Object> mapPartials = new ArrayList<>();
        int start = 0;
        while (start < input.size()) {
            int end = Math.min(input.size(), start + 1 + random.nextInt(8));
            S state = aggregator.createState();
            input.subList(start, end).forEach(value -> aggregator.add(state, value));
            mapPartials.add(roundTrip(codec, aggregator.partial(state)));
            start = end;
        }
        S reduceState = aggregator.createState();
        int half = mapPartials.size() / 2;
        for (List<Object> combined :
                List.of(mapPartials.subList(0, half), mapPartials.subList(half, mapPartials.size()))) {
            if (combined.isEmpty()) {
                continue;
            }
            S combinerState = aggregator.createState();
            combined.forEach(partial -> aggregator.merge(combinerState, partial));
            aggregator.merge(reduceState, roundTrip(codec, aggregator.partial(combinerState)));
        }
        return aggregator.result(reduceState);
    }

    private static Object roundTrip(RowCodec codec, Object partial) {
        BinaryOutput out = new BinaryOutput();
        codec.encode(Row.of(partial), out);
        return codec.decode(out.buffer(), 0, out.length(), new Row(1)).get(0);
    }

    private static Object run(Aggregator<?> aggregator, Object... values) {
        Aggregation<?> aggregation = Aggregation.of(aggregator);
        Arrays.stream(values).forEach(aggregation::add);
        return aggregation.result();
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    /**
     * Random values; for sums and averages, numbers whose sums are exact in any order and stay within their types
     * (quarters for float and double, small integers, decimals of a few digits), so one pass and partials must agree.
     */
    private static final class ExactValues {
        private final Random random;
        private final boolean summed;
        private final RandomValues any;

        ExactValues(Random random, boolean summed) {
            this.random = random;
            this.summed = summed;
            this.any = new RandomValues(random.nextLong(), 0.2);
        }

        Object value(DataType type) {
            if (!summed || random.nextInt(5) == 0) {
                return summed ? null : any.value(type);
            }
            int small = random.nextInt(20_001) - 10_000;
            if (type == PrimitiveType.INT) {
                return small;
            }
            if (type == PrimitiveType.BIGINT) {
                return (long) small * 1_000_000_000L;
            }
            if (type == PrimitiveType.FLOAT) {
                return small / 4.0f;
            }
            if (type == PrimitiveType.DOUBLE) {
                return small / 4.0;
            }
            return BigDecimal.valueOf(small, ((io.sluice.types.DecimalType) type).scale());
        }
    }
}
