package io.sluice.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeParserTest {

    static Stream<Arguments> everyType() {
        return Stream.of(
                Arguments.of("tinyint", PrimitiveType.TINYINT),
                Arguments.of("smallint", PrimitiveType.SMALLINT),
                Arguments.of("int", PrimitiveType.INT),
                Arguments.of("bigint", PrimitiveType.BIGINT),
                Arguments.of("float", PrimitiveType.FLOAT),
                Arguments.of("double", PrimitiveType.DOUBLE),
                Arguments.of("string", PrimitiveType.STRING),
                Arguments.of("boolean", PrimitiveType.BOOLEAN),
                Arguments.of("date", PrimitiveType.DATE),
                Arguments.of("timestamp", PrimitiveType.TIMESTAMP),
                Arguments.of("binary", PrimitiveType.BINARY),
                Arguments.of("decimal(10,2)", DecimalType.of(10, 2)),
                Arguments.of("decimal(38,38)", DecimalType.of(38, 38)),
                Arguments.of("decimal(1,0)", DecimalType.of(1, 0)),
                Arguments.of("varchar(1)", VarcharType.of(1)),
                Arguments.of("varchar(65535)", VarcharType.of(65535)),
                Arguments.of("char(1)", CharType.of(1)),
                Arguments.of("char(255)", CharType.of(255)),
                Arguments.of("array<int>", ArrayType.of(PrimitiveType.INT)),
                Arguments.of("map<string,bigint>", MapType.of(PrimitiveType.STRING, PrimitiveType.BIGINT)),
                Arguments.of(
                        "map<decimal(5,1),array<date>>",
                        MapType.of(DecimalType.of(5, 1), ArrayType.of(PrimitiveType.DATE))),
                Arguments.of(
                        "struct<id:bigint,name:varchar(20)>",
                        StructType.of(
                                StructField.of("id", PrimitiveType.BIGINT),
                                StructField.of("name", VarcharType.of(20)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void parsesAndPrintsCanonically(String text, DataType expected) {
        DataType parsed = DataType.parse(text);

        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.toString()).isEqualTo(text);
    }

    static Stream<DataType> samples() {
        DataType point =
                StructType.of(StructField.of("x", PrimitiveType.DOUBLE), StructField.of("y", PrimitiveType.DOUBLE));
        DataType oddNames = StructType.of(
                StructField.of("first name", PrimitiveType.STRING),
                StructField.of("a:b,c", PrimitiveType.INT),
                StructField.of("back`quote", PrimitiveType.INT),
                StructField.of("``", PrimitiveType.INT),
                StructField.of("1st", PrimitiveType.INT),
                StructField.of("$cost", DecimalType.of(9, 2)),
                StructField.of("café", PrimitiveType.STRING),
                StructField.of("<>", PrimitiveType.STRING),
                StructField.of(" ", PrimitiveType.BOOLEAN));
        DataType deep = PrimitiveType.BIGINT;
        for (int i = 0; i < 12; i++) {
            deep = i % 3 == 0
                    ? ArrayType.of(deep)
                    : i % 3 == 1
                            ? MapType.of(PrimitiveType.STRING, deep)
                            : StructType.of(StructField.of("level" + i, deep));
        }
        return Stream.concat(
                everyType().map(arguments -> (DataType) arguments.get()[1]),
                Stream.of(
                        point,
                        oddNames,
                        deep,
                        ArrayType.of(ArrayType.of(ArrayType.of(PrimitiveType.STRING))),
                        MapType.of(PrimitiveType.INT, MapType.of(CharType.of(3), ArrayType.of(point))),
                        StructType.of(
                                StructField.of("Id", PrimitiveType.INT),
                                StructField.of("tags", ArrayType.of(VarcharType.of(30))),
                                StructField.of("attrs", MapType.of(PrimitiveType.STRING, oddNames)),
                                StructField.of("location", point))));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughItsCanonicalSpelling(DataType type) {
        assertThat(DataType.parse(type.toString())).isEqualTo(type);
    }

    @Test
    void deepNestingRoundTrips() {
        String text = "array<".repeat(200) + "int" + ">".repeat(200);

        DataType type = DataType.parse(text);

        assertThat(type.toString()).isEqualTo(text);
        assertThat(DataType.parse(type.toString())).isEqualTo(type);
    }

    @Test
    void typeNamesIgnoreCaseButFieldNamesKeepIt() {
        DataType type = DataType.parse("STRUCT<Id:INT,Tags:Array<VarChar(5)>,Amount:DECIMAL(7,2)>");

        assertThat(type)
                .isEqualTo(StructType.of(
                        StructField.of("Id", PrimitiveType.INT),
                        StructField.of("Tags", ArrayType.of(VarcharType.of(5))),
                        StructField.of("Amount", DecimalType.of(7, 2))));
        assertThat(type.toString()).isEqualTo("struct<Id:int,Tags:array<varchar(5)>,Amount:decimal(7,2)>");
    }

    @Test
    void acceptsSpacesAnywhereBetweenTokens() {
        DataType type = DataType.parse(
                "  struct < a : map < string , array < decimal ( 10 , 2 ) > > ,\n\tb\t:\tvarchar ( 3 ) , c : double precision >  ");

        assertThat(type.toString()).isEqualTo("struct<a:map<string,array<decimal(10,2)>>,b:varchar(3),c:double>");
    }

    @Test
    void readsBackquotedFieldNames() {
        DataType type = DataType.parse("struct<`first name`:string,`a:b,c`:int,`x``y`:int,`1st`:int,```` : int>");

        assertThat(((StructType) type).fields())
                .extracting(StructField::name)
                .containsExactly("first name", "a:b,c", "x`y", "1st", "`");
        assertThat(type.toString()).isEqualTo("struct<`first name`:string,`a:b,c`:int,`x``y`:int,`1st`:int,````:int>");
    }

    @Test
    void quotesOnlyTheFieldNamesThatNeedIt() {
        DataType type = DataType.parse("struct<plain_1:int,_x:int,1st:int,$y:int,`ok`:int>");

        assertThat(type.toString()).isEqualTo("struct<plain_1:int,_x:int,`1st`:int,`$y`:int,ok:int>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "INTEGER", "Int"})
    void integerIsAnAliasOfInt(String text) {
        assertThat(DataType.parse(text)).isEqualTo(PrimitiveType.INT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dec(12,4)", "numeric(12,4)", "DECIMAL(12, 4)", "Numeric (12,4)"})
    void decimalAliases(String text) {
        assertThat(DataType.parse(text)).isEqualTo(DecimalType.of(12, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decimal", "dec", "numeric", "decimal(10)", "DECIMAL ( 10 )"})
    void decimalDefaultsToPrecisionTenScaleZero(String text) {
        assertThat(DataType.parse(text)).isEqualTo(DecimalType.of(10, 0)).isEqualTo(DecimalType.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"double precision", "DOUBLE PRECISION", "double   Precision", "double"})
    void doublePrecisionIsDouble(String text) {
        assertThat(DataType.parse(text)).isEqualTo(PrimitiveType.DOUBLE);
    }

    @Test
    void doubleFollowedByAFieldNamedPrecisionIsNotConfused() {
        assertThat(DataType.parse("struct<a:double,precision:int>").toString())
                .isEqualTo("struct<a:double,precision:int>");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // text, position, part of the message
                Arguments.of("", 0, "expected a type name"),
                Arguments.of("   ", 3, "expected a type name"),
                Arguments.of("strng", 0, "unknown type 'strng'"),
                Arguments.of("array<strng>", 6, "unknown type 'strng'"),
                Arguments.of("struct<a:int, b:integr>", 16, "unknown type 'integr'"),
                Arguments.of("array<int", 9, "expected '>' to close array<, found the end"),
                Arguments.of("map<string,int", 14, "expected '>' to close map<, found the end"),
                Arguments.of("struct<a:int", 12, "expected '>' to close struct<, found the end"),
                Arguments.of("struct<a:int;b:int>", 12, "expected '>' to close struct<, found ';'"),
                Arguments.of("array(int)", 5, "expected '<' after 'array', found '('"),
                Arguments.of("decimal(39,2)", 0, "decimal precision must be between 1 and 38, got 39"),
                Arguments.of("array< decimal(39,2)>", 7, "decimal precision must be between 1 and 38, got 39"),
                Arguments.of("decimal(5,6)", 0, "decimal scale must be between 0 and the precision 5, got 6"),
                Arguments.of("decimal(0)", 0, "decimal precision must be between 1 and 38, got 0"),
                Arguments.of("decimal(10,", 11, "expected a number for the decimal scale"),
                Arguments.of("decimal(99999999999,2)", 8, "the decimal precision 99999999999 is too large"),
                Arguments.of("varchar", 7, "expected '(' after 'varchar' (it needs a length, as in varchar(10))"),
                Arguments.of("struct<a:varchar>", 16, "it needs a length"),
                Arguments.of("char", 4, "expected '(' after 'char' (it needs a length, as in char(10))"),
                Arguments.of("varchar(0)", 0, "varchar length must be between 1 and 65535, got 0"),
                Arguments.of("char(256)", 0, "char length must be between 1 and 255, got 256"),
                Arguments.of("varchar(x)", 8, "expected a number for the varchar length"),
                Arguments.of("map<array<int>,int>", 4, "map keys must be of a primitive type, got array<int>"),
                Arguments.of("map<int>", 7, "expected ',' between the key and value types of map<, found '>'"),
                Arguments.of("struct<a:int,A:string>", 13, "duplicate struct field name 'A'"),
                Arguments.of("struct<`x`:int,`X`:int>", 15, "duplicate struct field name 'X'"),
                Arguments.of("struct<>", 7, "expected a struct field name"),
                Arguments.of("struct<a:int,>", 13, "expected a struct field name"),
                Arguments.of("struct<a int>", 9, "expected ':' after struct field name 'a', found 'i'"),
                Arguments.of("struct<``:int>", 7, "empty struct field name"),
                Arguments.of("struct<`a:int>", 7, "unterminated backquoted name"),
                Arguments.of("int x", 4, "unexpected 'x' after the type"),
                Arguments.of("array<int>>", 10, "unexpected '>' after the type"),
                Arguments.of("int,", 3, "unexpected ',' after the type"),
                Arguments.of("<int>", 0, "expected a type name, found '<'"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("malformed")
    void reportsWhereAndWhyAMalformedTypeFails(String text, int position, String problem) {
        TypeParseException e = catchThrowableOfType(TypeParseException.class, () -> DataType.parse(text));

        assertThat(e).as("exception for '%s'", text).isNotNull();
        assertThat(e.position()).as("position in '%s'", text).isEqualTo(position);
        assertThat(e.getMessage())
                .startsWith("invalid Hive type '" + text + "': ")
                .contains(problem);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void messageNamesTheColumnCountingFromOne() {
        TypeParseException e = catchThrowableOfType(TypeParseException.class, () -> DataType.parse("array<strng>"));

        assertThat(e.getMessage())
                .isEqualTo(
                        "invalid Hive type 'array<strng>': unknown type 'strng' (did you mean 'string'?) at position 7");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "strng, string",
        "integr, integer",
        "bigin, bigint",
        "TIMESTMP, timestamp",
        "strcut, struct",
        "varchr, varchar",
        "long, bigint",
        "bool, boolean",
        "text, string",
        "datetime, timestamp"
    })
    void suggestsATypeForAnUnknownName(String unknown, String suggested) {
        TypeParseException e = catchThrowableOfType(TypeParseException.class, () -> DataType.parse(unknown));

        assertThat(e.getMessage()).contains("(did you mean '" + suggested + "'?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyzzy", "ab", "a", "uuid"})
    void suggestsNothingWhenNoTypeIsClose(String unknown) {
        TypeParseException e = catchThrowableOfType(TypeParseException.class, () -> DataType.parse(unknown));

        assertThat(e.getMessage()).doesNotContain("did you mean");
    }

    @Test
    void parsedStructsAreImmutable() {
        StructType struct = (StructType) DataType.parse("struct<a:int>");

        List<StructField> fields = struct.fields();

        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> fields.add(fields.get(0))))
                .isNotNull();
    }
}
