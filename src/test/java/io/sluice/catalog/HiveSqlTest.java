package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiveSqlTest {

    @Test
    void escapesLiteralsTheWayHiveReadsThem() {
        assertThat(HiveSql.literal("plain")).isEqualTo("'plain'");
        assertThat(HiveSql.literal("")).isEqualTo("''");
        assertThat(HiveSql.literal("it's")).isEqualTo("'it\\'s'");
        assertThat(HiveSql.literal("C:\\data")).isEqualTo("'C:\\\\data'");
        assertThat(HiveSql.literal("\"")).isEqualTo("'\"'");
        assertThat(HiveSql.literal("\t")).isEqualTo("'\\t'");
        assertThat(HiveSql.literal("a\nb\r")).isEqualTo("'a\\nb\\r'");
        assertThat(HiveSql.literal("\u0001")).isEqualTo("'\\001'");
        assertThat(HiveSql.literal("\u0000")).isEqualTo("'\\000'");
        assertThat(HiveSql.literal("\u001f\u007f")).isEqualTo("'\\037\\177'");
        assertThat(HiveSql.literal("\u0085\u200b")).isEqualTo("'\\u0085\\u200b'");
        assertThat(HiveSql.literal("café ☕ %_;")).isEqualTo("'café ☕ %_;'");
    }

    @Test
    void everyCharacterSurvivesHivesUnescaping() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c).append('\\').append(c).append("0").append(c).append("01");
        }
        String text = all.toString();

        assertThat(hiveUnescape(HiveSql.literal(text))).isEqualTo(text);
    }

    /** Hive's BaseSemanticAnalyzer.unescapeSQLString, for one single-quoted literal. */
    private static String hiveUnescape(String literal) {
        StringBuilder out = new StringBuilder();
        int end = literal.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c == '\'') {
                throw new AssertionError("unescaped quote at " + i + " in " + literal);
            }
            if (c == '\\' && i + 6 < literal.length() && literal.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(literal.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 4 < literal.length() && isOctal(literal, i + 1)) {
                out.append((char) Integer.parseInt(literal.substring(i + 1, i + 4), 8));
                i += 3;
            } else if (c == '\\' && i + 2 < literal.length()) {
                char n = literal.charAt(++i);
                out.append(
                        switch (n) {
                            case '0' -> "\0";
                            case 'b' -> "\b";
                            case 'n' -> "\n";
                            case 'r' -> "\r";
                            case 't' -> "\t";
                            case 'Z' -> "\u001a";
                            case '%' -> "\\%";
                            case '_' -> "\\_";
                            default -> String.valueOf(n);
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int at) {
        char first = text.charAt(at);
        char second = text.charAt(at + 1);
        char third = text.charAt(at + 2);
        return first >= '0' && first <= '1' && second >= '0' && second <= '7' && third >= '0' && third <= '7';
    }

    @Test
    void quotesIdentifiersAlways() {
        assertThat(HiveSql.identifier("id")).isEqualTo("`id`");
        assertThat(HiveSql.identifier("a`b")).isEqualTo("`a``b`");
        assertThat(HiveSql.tableName(TableId.of("my-db", "t$1"))).isEqualTo("`my-db`.`t$1`");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "int | int",
                "struct<id:int,name:string> | struct<id:int,name:string>",
                "struct<date:string> | struct<`date`:string>",
                "struct<Date:string,USER:int> | struct<`Date`:string,`USER`:int>",
                "struct<comment:string,location:string> | struct<comment:string,location:string>",
                "array<struct<a:map<string,struct<timestamp:int,`a b`:int>>>> | array<struct<a:map<string,struct<`timestamp`:int,`a b`:int>>>>",
            })
    void typesQuoteReservedStructFieldNames(String type, String ddl) {
        assertThat(HiveSql.type(DataType.parse(type))).isEqualTo(ddl);
        assertThat(DataType.parse(ddl)).isEqualTo(DataType.parse(type));
    }

    @Test
    void propertiesOnePerLineInTheGivenOrder() {
        Map<String, String> properties = Map.of("b", "2", "a", "it's", "c", "\t");

        assertThat(HiveSql.properties(properties, Comparator.naturalOrder()))
                .isEqualTo("(\n  'a'='it\\'s',\n  'b'='2',\n  'c'='\\t'\n)");
        assertThat(HiveSql.properties(properties, Comparator.reverseOrder()))
                .isEqualTo("(\n  'c'='\\t',\n  'b'='2',\n  'a'='it\\'s'\n)");
    }
}
