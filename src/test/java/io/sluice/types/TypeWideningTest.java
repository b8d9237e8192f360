package io.sluice.types;

import static io.sluice.types.PrimitiveType.BIGINT;
import static io.sluice.types.PrimitiveType.BINARY;
import static io.sluice.types.PrimitiveType.BOOLEAN;
import static io.sluice.types.PrimitiveType.DATE;
import static io.sluice.types.PrimitiveType.FLOAT;
import static io.sluice.types.PrimitiveType.INT;
import static io.sluice.types.PrimitiveType.SMALLINT;
import static io.sluice.types.PrimitiveType.STRING;
import static io.sluice.types.PrimitiveType.TIMESTAMP;
import static io.sluice.types.PrimitiveType.TINYINT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeWideningTest {

    private static DataType t(String text) {
        return DataType.parse(text);
    }

    private static void assertMerge(String a, String b, String expected) {
        assertThat(TypeWidening.merge(t(a), t(b)))
                .as("%s ∪ %s", a, b)
                .hasToString(expected)
                .isEqualTo(t(expected));
    }

    static Stream<Arguments> merges() {
        return Stream.of(
                // the integral ladder, every pair
                Arguments.of("tinyint", "smallint", "smallint"),
                Arguments.of("tinyint", "int", "int"),
                Arguments.of("tinyint", "bigint", "bigint"),
                Arguments.of("smallint", "int", "int"),
                Arguments.of("smallint", "bigint", "bigint"),
                Arguments.of("int", "bigint", "bigint"),
                // integral ∪ decimal: the integral type counts as decimal(digits,0)
                Arguments.of("tinyint", "decimal(5,2)", "decimal(5,2)"),
                Arguments.of("smallint", "decimal(5,2)", "decimal(7,2)"),
                Arguments.of("int", "decimal(5,2)", "decimal(12,2)"),
                Arguments.of("bigint", "decimal(5,2)", "decimal(21,2)"),
                Arguments.of("int", "decimal(30,0)", "decimal(30,0)"),
                Arguments.of("bigint", "decimal(38,30)", "decimal(38,19)"),
                // decimal ∪ decimal: larger integer part, larger scale, 38 at most with the integer digits kept
                Arguments.of("decimal(5,2)", "decimal(7,1)", "decimal(8,2)"),
                Arguments.of("decimal(10,0)", "decimal(3,3)", "decimal(13,3)"),
                Arguments.of("decimal(38,0)", "decimal(38,38)", "decimal(38,0)"),
                Arguments.of("decimal(30,10)", "decimal(20,18)", "decimal(38,18)"),
                Arguments.of("decimal(35,5)", "decimal(20,10)", "decimal(38,8)"),
                // floating point
                Arguments.of("float", "double", "double"),
                Arguments.of("tinyint", "float", "double"),
                Arguments.of("bigint", "double", "double"),
                Arguments.of("decimal(38,10)", "double", "double"),
                Arguments.of("decimal(5,2)", "float", "double"),
                // dates
                Arguments.of("date", "timestamp", "timestamp"),
                // texts
                Arguments.of("char(3)", "char(10)", "char(10)"),
                Arguments.of("char(30)", "varchar(10)", "varchar(30)"),
                Arguments.of("varchar(5)", "varchar(8)", "varchar(8)"),
                Arguments.of("varchar(5)", "string", "string"),
                Arguments.of("char(5)", "string", "string"),
                // nothing in common but text
                Arguments.of("int", "string", "string"),
                Arguments.of("boolean", "int", "string"),
                Arguments.of("date", "int", "string"),
                Arguments.of("binary", "string", "string"),
                Arguments.of("array<int>", "int", "string"),
                Arguments.of("struct<a:int>", "map<string,int>", "string"),
                // containers
                Arguments.of("array<int>", "array<bigint>", "array<bigint>"),
                Arguments.of("array<int>", "array<boolean>", "array<string>"),
                Arguments.of("array<array<tinyint>>", "array<array<decimal(4,1)>>", "array<array<decimal(4,1)>>"),
                Arguments.of("map<int,float>", "map<bigint,double>", "map<bigint,double>"),
                Arguments.of("map<date,int>", "map<timestamp,struct<a:int>>", "map<timestamp,string>"),
                Arguments.of("map<string,array<int>>", "map<string,array<bigint>>", "map<string,array<bigint>>"));
    }

    @ParameterizedTest(name = "{0} ∪ {1} = {2}")
    @MethodSource("merges")
    void mergesBothWays(String a, String b, String expected) {
        assertMerge(a, b, expected);
        assertMerge(b, a, expected);
    }

    @Test
    void aTypeMergedWithItselfIsItself() {
        for (String type : List.of("int", "decimal(9,3)", "varchar(4)", "struct<Id:int,x:array<string>>")) {
            assertMerge(type, type, type);
        }
    }

    @Test
    void wideningNeverFallsBackToString() {
        assertThat(TypeWidening.widen(INT, STRING)).isEmpty();
        assertThat(TypeWidening.widen(BOOLEAN, INT)).isEmpty();
        assertThat(TypeWidening.widen(DATE, BIGINT)).isEmpty();
        assertThat(TypeWidening.widen(BINARY, STRING)).isEmpty();
        assertThat(TypeWidening.widen(t("array<int>"), INT)).isEmpty();
        assertThat(TypeWidening.widen(t("array<int>"), t("array<boolean>"))).isEmpty();
        assertThat(TypeWidening.widen(t("map<string,int>"), t("map<string,date>")))
                .isEmpty();
        assertThat(TypeWidening.widen(t("map<int,int>"), t("map<date,int>"))).isEmpty();
        assertThat(TypeWidening.widen(t("struct<a:int,b:int>"), t("struct<b:boolean>")))
                .isEmpty();
    }

    @Test
    void wideningAgreesWithMergeWhenItSucceeds() {
        assertThat(TypeWidening.widen(INT, t("decimal(5,2)"))).contains(t("decimal(12,2)"));
        assertThat(TypeWidening.widen(DATE, TIMESTAMP)).contains(TIMESTAMP);
        assertThat(TypeWidening.widen(t("char(2)"), STRING)).contains(STRING);
        assertThat(TypeWidening.widen(t("struct<a:int>"), t("struct<b:string>")))
                .contains(t("struct<a:int,b:string>"));
    }

    @Test
    void structsMergeByTheUnionOfTheirFieldsInFirstSeenOrder() {
        assertMerge("struct<a:int,b:string>", "struct<c:date,a:bigint>", "struct<a:bigint,b:string,c:date>");
        assertMerge("struct<c:date,a:bigint>", "struct<a:int,b:string>", "struct<c:date,a:bigint,b:string>");
    }

    @Test
    void structFieldsMatchWithoutCaseAndKeepTheFirstSpelling() {
        assertMerge(
                "struct<Id:int,Name:string>",
                "struct<id:bigint,NAME:string,Extra:int>",
                "struct<Id:bigint,Name:string,Extra:int>");
        assertMerge("struct<id:bigint>", "struct<ID:int>", "struct<id:bigint>");
    }

    @Test
    void structsMergeRecursively() {
        assertMerge(
                "struct<user:struct<id:int,tags:array<varchar(3)>>,n:tinyint>",
                "struct<user:struct<tags:array<varchar(9)>,email:string>,n:smallint>",
                "struct<user:struct<id:int,tags:array<varchar(9)>,email:string>,n:smallint>");
        assertMerge(
                "array<struct<a:struct<b:int>>>",
                "array<struct<a:struct<b:boolean,c:int>>>",
                "array<struct<a:struct<b:string,c:int>>>");
    }

    @Test
    void mergeIsCommutativeOnSamples() {
        List<DataType> samples = Stream.of(
                        "tinyint",
                        "smallint",
                        "int",
                        "bigint",
                        "float",
                        "double",
                        "decimal(5,2)",
                        "decimal(38,30)",
                        "decimal(20,0)",
                        "string",
                        "varchar(10)",
                        "char(4)",
                        "char(40)",
                        "boolean",
                        "date",
                        "timestamp",
                        "binary",
                        "array<int>",
                        "array<string>",
                        "array<decimal(4,4)>",
                        "map<string,int>",
                        "map<int,bigint>",
                        "struct<a:int,b:string>",
                        "struct<a:bigint,b:char(2)>",
                        "struct<a:array<int>,b:date>")
                .map(DataType::parse)
                .toList();
        List<String> asymmetric = new ArrayList<>();
        for (DataType a : samples) {
            for (DataType b : samples) {
                if (!TypeWidening.merge(a, b).equals(TypeWidening.merge(b, a))) {
                    asymmetric.add(a + " ∪ " + b);
                }
                if (!TypeWidening.widen(a, b).equals(TypeWidening.widen(b, a))) {
                    asymmetric.add("widen " + a + ", " + b);
                }
            }
        }
        assertThat(asymmetric).isEmpty();
    }

    @Test
    void mergeAllFoldsLeftToRight() {
        assertThat(TypeWidening.mergeAll(List.of())).isEmpty();
        assertThat(TypeWidening.mergeAll(List.of(TINYINT))).contains(TINYINT);
        assertThat(TypeWidening.mergeAll(List.of(TINYINT, SMALLINT, t("decimal(4,2)"), INT)))
                .contains(t("decimal(12,2)"));
        assertThat(TypeWidening.mergeAll(List.of(INT, FLOAT, BOOLEAN))).contains(STRING);
    }

    static Stream<Arguments> widenings() {
        return Stream.of(
                Arguments.of("tinyint", "smallint", true),
                Arguments.of("tinyint", "bigint", true),
                Arguments.of("int", "bigint", true),
                Arguments.of("bigint", "int", false),
                Arguments.of("int", "decimal(10,0)", true),
                Arguments.of("int", "decimal(12,2)", true),
                Arguments.of("int", "decimal(9,0)", false),
                Arguments.of("int", "decimal(5,2)", false),
                Arguments.of("decimal(5,2)", "decimal(6,2)", true),
                Arguments.of("decimal(5,2)", "decimal(6,3)", true),
                Arguments.of("decimal(5,2)", "decimal(5,1)", false),
                Arguments.of("decimal(5,2)", "decimal(6,4)", false),
                Arguments.of("decimal(5,2)", "double", true),
                Arguments.of("int", "double", true),
                Arguments.of("float", "double", true),
                Arguments.of("double", "float", false),
                Arguments.of("date", "timestamp", true),
                Arguments.of("timestamp", "date", false),
                Arguments.of("char(3)", "varchar(3)", true),
                Arguments.of("varchar(3)", "char(3)", false),
                Arguments.of("varchar(3)", "varchar(2)", false),
                Arguments.of("varchar(3)", "string", true),
                Arguments.of("string", "varchar(65535)", false),
                Arguments.of("int", "string", false),
                Arguments.of("boolean", "string", false),
                Arguments.of("array<int>", "array<bigint>", true),
                Arguments.of("array<bigint>", "array<int>", false),
                Arguments.of("map<int,date>", "map<bigint,timestamp>", true),
                Arguments.of("struct<a:int>", "struct<a:bigint,b:string>", true),
                Arguments.of("struct<a:int,b:string>", "struct<a:bigint>", false),
                Arguments.of("struct<a:int>", "struct<a:string>", false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("widenings")
    void canWiden(String from, String to, boolean expected) {
        assertThat(TypeWidening.canWiden(t(from), t(to))).isEqualTo(expected);
    }

    @Test
    void everyTypeWidensToItself() {
        for (String type : List.of("int", "decimal(38,38)", "char(1)", "map<string,array<int>>", "struct<Id:int>")) {
            assertThat(TypeWidening.canWiden(t(type), t(type))).as(type).isTrue();
        }
    }

    @Test
    void structFieldsWidenByNameWithoutCase() {
        assertThat(TypeWidening.canWiden(t("struct<Id:int>"), t("struct<id:int>")))
                .isTrue();
        assertThat(TypeWidening.canWiden(t("struct<id:int>"), t("struct<ID:bigint,Name:string>")))
                .isTrue();
        assertThat(TypeWidening.canWiden(t("array<struct<Id:int>>"), t("array<struct<id:bigint>>")))
                .isTrue();
    }

    @Test
    void canWidenMatchesStructFieldsByNameNotPosition() {
        assertThat(TypeWidening.canWiden(t("struct<b:int,a:int>"), t("struct<a:int,b:int>")))
                .isTrue();
        assertThat(TypeWidening.widen(t("struct<b:int,a:int>"), t("struct<a:int,b:int>")))
                .map(DataType::toString)
                .isEqualTo(Optional.of("struct<b:int,a:int>"));
    }
}
