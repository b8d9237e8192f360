package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionValuesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "int          | 2024                  | 2024",
                "int          | -7                    | -7",
                "int          | 0                     | 0",
                "int          | 07                    | '07'",
                "int          | 2147483647            | 2147483647",
                "int          | 2147483648            | '2147483648'",
                "int          | -2147483648           | -2147483648",
                "int          | 1.5                   | '1.5'",
                "int          | 1e3                   | '1e3'",
                "int          | +1                    | '+1'",
                "int          | \" 1\"                  | ' 1'",
                "int          | __HIVE_DEFAULT_PARTITION__ | '__HIVE_DEFAULT_PARTITION__'",
                "tinyint      | 127                   | 127",
                "tinyint      | 128                   | '128'",
                "tinyint      | -128                  | -128",
                "smallint     | 32768                 | '32768'",
                "bigint       | -9223372036854775808  | -9223372036854775808",
                "bigint       | 9223372036854775808   | '9223372036854775808'",
                "decimal(4,2) | 12.34                 | 12.34",
                "decimal(4,2) | 0.5                   | 0.5",
                "decimal(4,2) | 0                     | 0",
                "decimal(4,2) | 123.4                 | '123.4'",
                "decimal(4,2) | 1.234                 | '1.234'",
                "decimal(2,2) | 0.99                  | 0.99",
                "double       | 1.5                   | 1.5",
                "double       | -0.25                 | -0.25",
                "double       | NaN                   | 'NaN'",
                "float        | 3                     | 3",
                "string       | 2024                  | '2024'",
                "date         | 2024-01-31            | '2024-01-31'",
                "varchar(4)   | it's                  | 'it\\'s'",
            })
    void writesNumbersBareOnlyForNumericKeysThatHoldThem(String type, String value, String literal) {
        assertThat(PartitionValues.literal(DataType.parse(type), value)).isEqualTo(literal);
    }
}
