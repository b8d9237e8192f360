package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.SCHEMA;
import static io.sluice.expr.ExpressionTesting.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeCheckTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            qty                         | int
            price                       | decimal(6,2)
            1                           | int
            2147483648                  | bigint
            12345678901234567890        | decimal(20,0)
            1.50                        | decimal(3,2)
            0.05                        | decimal(2,2)
            1e3                         | double
            'DE'                        | string
            TRUE                        | boolean
            NULL                        | string
            DATE '2024-01-01'           | date
            TIMESTAMP '2024-01-01 10:00:00' | timestamp
            qty + big                   | bigint
            tiny + small                | smallint
            tiny * tiny                 | tinyint
            qty * price                 | decimal(17,2)
            price + price               | decimal(7,2)
            price - qty                 | decimal(13,2)
            price * price               | decimal(13,4)
            price / price               | decimal(15,9)
            price / qty                 | decimal(17,13)
            qty / price                 | decimal(19,7)
            price % qty                 | decimal(6,2)
            big * price                 | decimal(26,2)
            qty / qty                   | double
            qty / 2                     | double
            qty DIV 2                   | bigint
            qty % 2                     | int
            qty * x                     | double
            price * x                   | double
            ratio * qty                 | float
            ratio * price               | float
            ratio / qty                 | double
            ratio * x                   | double
            price * 1.1                 | decimal(9,3)
            -qty                        | int
            -price                      | decimal(6,2)
            qty + NULL                  | int
            CAST(price AS decimal(38,10)) * CAST(price AS decimal(38,10)) | decimal(38,6)
            CAST(qty AS decimal(38,0)) * CAST(qty AS decimal(38,0))       | decimal(38,0)
            CAST(price AS decimal(30,10)) / CAST(price AS decimal(30,10)) | decimal(38,8)
            qty > 0                     | boolean
            country IN ('DE', 'FR')     | boolean
            qty BETWEEN 1 AND 2.5       | boolean
            country LIKE 'D%'           | boolean
            name IS NULL                | boolean
            CASE WHEN flag THEN qty ELSE big END  | bigint
            CASE WHEN flag THEN qty ELSE price END | decimal(12,2)
            CASE WHEN flag THEN qty ELSE x END    | double
            CASE WHEN flag THEN day ELSE ts END   | timestamp
            CASE WHEN flag THEN code ELSE country END | string
            CASE WHEN flag THEN NULL ELSE day END | date
            CASE qty WHEN 1 THEN 'one' END        | string
            coalesce(qty, big)          | bigint
            coalesce(NULL, day)         | date
            nullif(price, 0)            | decimal(6,2)
            IF(flag, tiny, qty)         | int
            greatest(qty, price)        | decimal(12,2)
            CAST(qty AS string)         | string
            CAST(name AS varchar(3))    | varchar(3)
            CAST(qty AS decimal)        | decimal(10,0)
            CAST(qty AS integer)        | int
            user                        | struct<country:string,age:int,address:struct<city:string>>
            user.address.city           | string
            tags[0]                     | string
            attrs['color']              | int
            ids[1]                      | string
            size(tags)                  | int
            split(name, ' ')            | array<string>
            lower(country)              | string
            length(country)             | int
            concat(country, qty)        | string
            abs(price)                  | decimal(6,2)
            abs(tiny)                   | tinyint
            round(price)                | decimal(5,0)
            round(price, 1)             | decimal(6,1)
            round(price, 2)             | decimal(6,2)
            round(qty)                  | int
            round(x, 1)                 | double
            round(ratio)                | float
            floor(x)                    | bigint
            ceil(price)                 | decimal(5,0)
            floor(qty)                  | bigint
            sqrt(qty)                   | double
            pow(qty, 2)                 | double
            sign(x)                     | double
            sign(price)                 | int
            year(ts)                    | int
            date_trunc('day', ts)       | timestamp
            date_format(ts, 'yyyy')     | string
            to_date(ts)                 | date
            to_timestamp('2024-01-01')  | timestamp
            date_add(day, 1)            | date
            datediff(ts, day)           | int
            unix_timestamp()            | bigint
            from_unixtime(big)          | string
            current_date                | date
            current_timestamp           | timestamp
            """)
    void typesFollowHive(String sql, String expected) {
        assertThat(type(sql)).isEqualTo(expected);
    }

    @Test
    void typeOfIsTheCompiledType() {
        assertThat(Expressions.typeOf("qty * price", SCHEMA)).isEqualTo(DataType.parse("decimal(17,2)"));
        assertThat(Expressions.typeOf("qty > 0 AND flag", SCHEMA)).isEqualTo(PrimitiveType.BOOLEAN);
    }

    @Test
    void theBriefsExampleMultipliesIntByDecimalAsHiveDoes() {
        // int is decimal(10,0): precision 10 + 6 + 1, scale 0 + 2.
        assertThat(type("qty * price")).isEqualTo("decimal(17,2)");
    }
}
