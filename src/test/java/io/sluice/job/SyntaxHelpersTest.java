package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small readers behind job fields: SQL names, schemas, sort keys, bad record limits, casts, format options. */
class SyntaxHelpersTest {

    @Test
    void findsNamesAndCallsOutsideStringsAndQuotes() {
        assertThat(SqlText.names("lower(`odd col`) = 'sum(x)' AND user.id > 1.5e3"))
                .extracting(n -> n.text() + (n.call() ? "()" : "") + (n.qualified() ? "^" : ""))
                .containsExactly("lower()", "odd col", "AND", "user", "id^");
        assertThat(SqlText.aggregateCall("CASE WHEN count (x) > 1 THEN 'sum(y)' END"))
                .hasValueSatisfying(n -> {
                    assertThat(n.text()).isEqualTo("count");
                    assertThat(n.offset()).isEqualTo(10);
                });
        assertThat(SqlText.aggregateCall("lower(name) || 'max(' || t.sum(x)")).isEmpty();
        assertThat(SqlText.columnName(" qty ")).contains("qty");
        assertThat(SqlText.columnName("`full name`")).contains("full name");
        assertThat(SqlText.columnName("true")).isEmpty();
        assertThat(SqlText.columnName("qty + 1")).isEmpty();
        assertThat(SqlText.mentions("revenue / orders", "ORDERS")).isTrue();
        assertThat(SqlText.mentions("'orders' || orders_total", "orders")).isFalse();
        assertThat(SqlText.topLevelCommas("a, f(b, c), 'd,e'")).containsExactly(1, 10);
    }

    @Test
    void readsAggregateCalls() {
        assertThat(AggregateCalls.parse(" SUM( qty * price ) ", List.of()))
                .isEqualTo(new AggregateCalls.Call(AggregateFunction.SUM, false, java.util.Optional.of("qty * price")));
        assertThat(AggregateCalls.parse("count(distinct(id))", List.of()))
                .isEqualTo(new AggregateCalls.Call(AggregateFunction.COUNT, true, java.util.Optional.of("(id)")));
        assertThat(AggregateCalls.parse("max(concat(a, ')'))", List.of()).argument())
                .contains("concat(a, ')')");
        assertThatThrownBy(() -> AggregateCalls.parse("count(a, b)", List.of()))
                .hasMessage("'count(a, b)': count takes one argument");
        assertThatThrownBy(() -> AggregateCalls.parse("sum(a", List.of()))
                .hasMessage("'sum(a': the parenthesis after sum is not closed");
        assertThatThrownBy(() -> AggregateCalls.parse("sum()", List.of())).hasMessage("'sum()': sum needs an argument");
    }

    @Test
    void readsDeclaredSchemas() {
        assertThat(SchemaText.parse("id bigint, m map<string, decimal(5,2)>, `a, b` struct<x:int, y:string>"))
                .hasToString("struct<id:bigint,m:map<string,decimal(5,2)>,`a, b`:struct<x:int,y:string>>");
        assertThatThrownBy(() -> SchemaText.parse("id bigint, id int")).hasMessage("column 'id' appears twice");
        assertThatThrownBy(() -> SchemaText.parse("id"))
                .hasMessage("column 'id' has no type: write 'name type', as in 'id bigint'");
        assertThatThrownBy(() -> SchemaText.parse("id bigint,"))
                .hasMessage("expected columns as 'name type, name type', found an empty column");
    }

    @Test
    void readsSortKeys() {
        assertThat(SortKeys.parse("day desc", 4)).isEqualTo(SortKey.descending(new ColumnRef("day", 4)));
        assertThat(SortKeys.parse("day", 4).sql()).isEqualTo("day ASC NULLS FIRST");
        assertThat(SortKeys.parse("`a b` ASC NULLS LAST", 1).sql()).isEqualTo("a b ASC NULLS LAST");
        assertThatThrownBy(() -> SortKeys.parse("day NULLS", 1))
                .hasMessage("'day NULLS' is not a sort key: write 'column [ASC|DESC] [NULLS FIRST|LAST]'");
    }

    @Test
    void badRecordLimitsCountOrShare() {
        assertThat(BadRecordLimit.parse("1_000")).isEqualTo(new BadRecordLimit.Count(1000));
        assertThat(BadRecordLimit.parse("2.5 %")).hasToString("2.5%");
        assertThat(BadRecordLimit.NONE.isExceeded(1, 1_000_000)).isTrue();
        assertThat(BadRecordLimit.NONE.isExceeded(0, 10)).isFalse();
        assertThat(new BadRecordLimit.Count(10).isExceeded(10, 20)).isFalse();
        assertThat(new BadRecordLimit.Percent(1).isExceeded(1, 100)).isFalse();
        assertThat(new BadRecordLimit.Percent(1).isExceeded(2, 100)).isTrue();
        assertThatThrownBy(() -> BadRecordLimit.parse("120%"))
                .hasMessage("the percentage of bad records must be 0..100, got 120.0");
        assertThatThrownBy(() -> BadRecordLimit.parse("-1"))
                .hasMessage("the count of bad records must not be negative, got -1");
    }

    @Test
    void castsFollowHiveRules() {
        assertThat(Casts.allowed(PrimitiveType.STRING, PrimitiveType.INT)).isTrue();
        assertThat(Casts.allowed(PrimitiveType.TIMESTAMP, PrimitiveType.DATE)).isTrue();
        assertThat(Casts.allowed(PrimitiveType.STRING, PrimitiveType.BINARY)).isTrue();
        assertThat(Casts.allowed(PrimitiveType.INT, PrimitiveType.BINARY)).isFalse();
        assertThat(Casts.allowed(PrimitiveType.BOOLEAN, PrimitiveType.DATE)).isFalse();
        assertThat(Casts.allowed(DataType.parse("array<int>"), DataType.parse("array<bigint>")))
                .isTrue();
        assertThat(Casts.allowed(DataType.parse("array<int>"), PrimitiveType.STRING))
                .isFalse();
    }

    @Test
    void checksFormatOptionValues() {
        assertThat(FormatOptions.check("delimiter", "\\u0001")).isEqualTo("\u0001");
        assertThat(FormatOptions.check("header", "YES")).isEqualTo("true");
        assertThatThrownBy(() -> FormatOptions.check("delimiter", ";;"))
                .hasMessage("expected one character (or \\t, or \\uXXXX), got ';;'");
        assertThatThrownBy(() -> FormatOptions.check("encoding", "utf-9"))
                .hasMessage("unknown encoding 'utf-9' (such as UTF-8, ISO-8859-1)");
        assertThatThrownBy(() -> FormatOptions.check("date_format", "yyyy-MM-dd{"))
                .hasMessageStartingWith("'yyyy-MM-dd{' is not a date/time pattern: ");
    }
}
