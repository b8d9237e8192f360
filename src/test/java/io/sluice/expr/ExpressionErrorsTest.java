package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.SCHEMA;
import static io.sluice.expr.ExpressionTesting.compileError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionErrorsTest {

    @Test
    void unknownColumnSuggestsTheClosestName() {
        ExpressionException error = compileError("qty * prise");
        assertThat(error).hasMessage("expression \"qty * prise\": unknown column 'prise' (did you mean 'price'?)");
        assertThat(error.position()).isEqualTo(6);
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
    }

    @Test
    void unknownColumnWithoutCloseNameHasNoSuggestion() {
        assertThat(compileError("quantity_shipped > 0"))
                .hasMessage("expression \"quantity_shipped > 0\": unknown column 'quantity_shipped'");
    }

    @Test
    void doubleQuotedStringsAreNamesAndTheMessageSaysSo() {
        ExpressionException error = compileError("country = \"Germany\"");
        assertThat(error).hasMessageEndingWith("unknown column 'Germany'; quote strings with ' rather than \"");
        assertThat(error.position()).isEqualTo(10);
    }

    @Test
    void unknownStructFieldNamesTheStructAndSuggests() {
        ExpressionException error = compileError("user.adress.city = 'Paris'");
        assertThat(error)
                .hasMessage("expression \"user.adress.city = 'Paris'\": unknown field 'adress' in user"
                        + " (struct<country:string,age:int,address:struct<city:string>>) (did you mean 'address'?)");
        assertThat(error.position()).isEqualTo(5);
    }

    @Test
    void fieldOfAPrimitiveIsAnError() {
        ExpressionException error = compileError("country.code");
        assertThat(error).hasMessageEndingWith("country is string, not a struct: it has no field 'code'");
        assertThat(error.position()).isEqualTo(8);
    }

    @Test
    void unknownFunctionSuggestsTheClosest() {
        ExpressionException error = compileError("qty + lowr(country)");
        assertThat(error)
                .hasMessage("expression \"qty + lowr(country)\": unknown function 'lowr' (did you mean 'lower'?)");
        assertThat(error.position()).isEqualTo(6);
    }

    @Test
    void aggregatesSayWhereTheyBelong() {
        assertThat(compileError("sum(qty)"))
                .hasMessageEndingWith(
                        "sum() is an aggregate function; aggregates belong in a reduce stage's aggregate");
        assertThat(compileError("count(*)"))
                .hasMessageEndingWith(
                        "count() is an aggregate function; aggregates belong in a reduce stage's aggregate");
        assertThat(compileError("lower(DISTINCT name)")).hasMessageEndingWith("lower() takes no * or DISTINCT");
    }

    @Test
    void comparingIncompatibleTypesNamesBoth() {
        ExpressionException error = compileError("qty = day");
        assertThat(error).hasMessage("expression \"qty = day\": cannot compare int with date");
        assertThat(error.position()).isEqualTo(4);
    }

    @Test
    void comparingInAListNamesTheItem() {
        ExpressionException error = compileError("qty IN (1, day)");
        assertThat(error).hasMessageEndingWith("cannot compare int with date");
        assertThat(error.position()).isEqualTo(11);
    }

    @Test
    void arithmeticOnTextSuggestsWhatToDo() {
        ExpressionException error = compileError("qty + country");
        assertThat(error)
                .hasMessage("expression \"qty + country\": cannot add int and string; use concat or || to join text,"
                        + " CAST to compute with numbers in text");
        assertThat(error.position()).isEqualTo(4);
        assertThat(compileError("day - 1"))
                .hasMessageEndingWith("cannot subtract date and int; use date_add, date_sub or datediff for dates");
        assertThat(compileError("price DIV 2"))
                .hasMessageEndingWith(
                        "cannot integer-divide decimal(6,2) and int; DIV takes integral numbers, / divides any");
    }

    @Test
    void booleanOperatorsNeedBooleans() {
        ExpressionException error = compileError("flag AND qty");
        assertThat(error).hasMessage("expression \"flag AND qty\": AND needs boolean operands, got int: qty");
        assertThat(error.position()).isEqualTo(9);
        assertThat(compileError("NOT country")).hasMessageEndingWith("NOT needs boolean operands, got string: country");
        assertThat(compileError("CASE WHEN qty THEN 1 END"))
                .hasMessageEndingWith("WHEN needs boolean operands, got int: qty");
        assertThat(compileError("IF(qty, 1, 2)")).hasMessageEndingWith("if() needs boolean operands, got int: qty");
    }

    @Test
    void textLiteralsThatAreNoValueOfTheComparedTypeFailAtCompileTime() {
        ExpressionException error = compileError("ts >= '2024-13-01'");
        assertThat(error).hasMessage("expression \"ts >= '2024-13-01'\": '2024-13-01' is not a valid timestamp");
        assertThat(error.position()).isEqualTo(6);
        assertThat(compileError("qty = 'many'")).hasMessageEndingWith("'many' is not a valid int");
        assertThat(compileError("DATE '2024-02-30'").position()).isZero();
    }

    @Test
    void caseBranchesMustShareAType() {
        ExpressionException error = compileError("CASE WHEN flag THEN qty ELSE 'none' END");
        assertThat(error).hasMessageEndingWith("CASE branches have incompatible types int and string");
        assertThat(error.position()).isEqualTo(29);
        assertThat(compileError("coalesce(qty, country)"))
                .hasMessageEndingWith("coalesce() arguments have incompatible types int and string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            lower(qty)               | lower() needs text, got int: qty
            lower(country, 'x')      | lower() takes 1 argument, got 2
            substr(country)          | substr() takes 2 to 3 arguments, got 1
            concat()                 | concat() takes 1 or more arguments, got 0
            substr(country, 'a')     | substr() needs an integral number as argument 2, got string: 'a'
            sqrt(country)            | sqrt() needs a number as argument 1, got string: country
            size(country)            | size() needs an array or a map as argument 1, got string: country
            year(qty)                | year() needs a date, a timestamp or text as argument 1, got int: qty
            date_trunc(country, ts)  | date_trunc() needs the unit as a literal in quotes as argument 1
            date_trunc('decade', ts) | date_trunc(): unknown unit 'decade'; use 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'
            round(x, qty)            | round() needs the number of decimal places as a literal number
            date_format(ts, 'yyyy-MM-dd VV') | date_format(): 'yyyy-MM-dd VV' is not a valid date pattern: Unable to extract ZoneId from temporal 2000-01-01T00:00
            regexp_extract(name, '(a', 1) | '(a' is not a valid regular expression: Unclosed group
            regexp_extract(name, '(a)', 2) | regexp_extract(): '(a)' has 1 group(s), no group 2
            name RLIKE '[a'          | '[a' is not a valid regular expression: Unclosed character class
            name LIKE 'a' ESCAPE 'ab' | ESCAPE takes a single character in quotes, as in ESCAPE '!'
            name ILIKE 'a%'          | ILIKE is not supported; use LIKE, RLIKE or lower() with LIKE
            CAST(qty AS date)        | cannot cast int to date
            CAST(tags AS string)     | cannot cast array<string> to string
            CAST(qty AS array<int>)  | cannot cast to array<int>: CAST takes a primitive type
            CAST(qty AS real)        | invalid Hive type 'real': unknown type 'real' at position 1
            TRY_CAST(qty AS int)     | TRY_CAST is not supported: use CAST, whose failures send the row to the error output
            tags['a']                | an array index must be an integral number, got string
            country[0]               | country is string; only arrays and maps take [ ]
            current_time             | current_time is not supported; use current_date or current_timestamp
            INTERVAL '1' DAY         | unsupported expression INTERVAL '1' DAY; expressions are made of literals, columns, operators, CASE, CAST and built-in functions
            qty IN 1                 | IN needs a list of values in parentheses, as in x IN (1, 2); put a comparison with IN in parentheses
            (qty, price)             | a list of values (qty, price) is only allowed after IN
            -country                 | unary - needs a number, got string
            flag IS TRUE AND qty     | AND needs boolean operands, got int: qty
            qty IS FALSE             | IS FALSE needs boolean operands, got int: qty
            tags = tags              | cannot compare array<string> with array<string>
            """)
    void messagesSayWhatIsWrong(String sql, String message) {
        assertThat(compileError(sql)).hasMessage("expression \"" + sql + "\": " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            qty * price x          | 12 | syntax error: unexpected 'x'
            (qty + 1               | 8  | syntax error: unexpected end (expected ')')
            qty +                  | 4  | syntax error: unexpected '+'
            'abc                   | 0  | syntax error: unterminated string
            qty = 'a' AND name = 'b | 21 | syntax error: unterminated string
            CAST(qty AS)           | 11 | syntax error: unexpected ')'
            """)
    void syntaxErrorsSayWhere(String sql, int position, String message) {
        ExpressionException error = compileError(sql);
        assertThat(error).hasMessage("expression \"" + sql + "\": " + message);
        assertThat(error.position()).isEqualTo(position);
    }

    @Test
    void positionsCountFromTheStartOfTheTextOverLines() {
        ExpressionException error = compileError("qty > 0\n  AND prise > 1");
        assertThat(error.position()).isEqualTo(14);
    }

    @Test
    void tabsCountAsOneCharacter() {
        assertThat(compileError("qty >\t0\tAND prise > 1").position()).isEqualTo(12);
    }

    @Test
    void emptyExpressionsAreErrors() {
        assertThat(compileError("  ")).hasMessage("expression \"  \": the expression is empty");
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> Expressions.compile(null, SCHEMA)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Expressions.compile("qty", null)).isInstanceOf(NullPointerException.class);
    }
}
