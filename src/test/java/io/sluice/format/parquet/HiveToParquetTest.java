package io.sluice.format.parquet;

import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiveToParquetTest {
    private static MessageType convert(String fields) {
        return HiveToParquet.messageType(schema(fields));
    }

    @Test
    void primitivesGetTheLogicalTypesEnginesReadAsTheirHiveTypes() {
        MessageType expected = MessageTypeParser.parseMessageType(
                """
                message hive_schema {
                  optional boolean flag;
                  optional int32 tiny (INTEGER(8,true));
                  optional int32 small (INTEGER(16,true));
                  optional int32 i;
                  optional int64 big;
                  optional float f;
                  optional double d;
                  optional binary s (STRING);
                  optional binary vc (STRING);
                  optional binary ch (STRING);
                  optional binary bin;
                  optional int32 day (DATE);
                  optional int64 ts (TIMESTAMP(MICROS,false));
                }
                """);

        assertThat(convert("flag:boolean,tiny:tinyint,small:smallint,i:int,big:bigint,f:float,d:double,"
                        + "s:string,vc:varchar(5),ch:char(2),bin:binary,day:date,ts:timestamp"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "decimal(1,0)  | int32 d (DECIMAL(1,0))",
                "decimal(9,2)  | int32 d (DECIMAL(9,2))",
                "decimal(10,2) | int64 d (DECIMAL(10,2))",
                "decimal(18,0) | int64 d (DECIMAL(18,0))",
                "decimal(19,4) | fixed_len_byte_array(9) d (DECIMAL(19,4))",
                "decimal(38,10)| fixed_len_byte_array(16) d (DECIMAL(38,10))",
            })
    void decimalsUseTheSmallestPhysicalTypeForTheirPrecision(String hive, String parquet) {
        assertThat(convert("d:" + hive.trim()))
                .isEqualTo(MessageTypeParser.parseMessageType("message hive_schema { optional " + parquet + "; }"));
    }

    @Test
    void decimalBytesHoldEveryValueOfThePrecision() {
        assertThat(HiveToParquet.decimalBytes(2)).isEqualTo(1);
        assertThat(HiveToParquet.decimalBytes(3)).isEqualTo(2);
        assertThat(HiveToParquet.decimalBytes(18)).isEqualTo(8);
        assertThat(HiveToParquet.decimalBytes(19)).isEqualTo(9);
        assertThat(HiveToParquet.decimalBytes(38)).isEqualTo(16);
    }

    @Test
    void nestedTypesUseTheStandardListAndMapLayouts() {
        MessageType expected = MessageTypeParser.parseMessageType(
                """
                message hive_schema {
                  optional group tags (LIST) {
                    repeated group list {
                      optional binary element (STRING);
                    }
                  }
                  optional group attrs (MAP) {
                    repeated group key_value {
                      required binary key (STRING);
                      optional group value (LIST) {
                        repeated group list {
                          optional int32 element;
                        }
                      }
                    }
                  }
                  optional group address {
                    optional binary street (STRING);
                    optional group geo {
                      optional double lat;
                    }
                  }
                }
                """);

        assertThat(
                        convert(
                                "tags:array<string>,attrs:map<string,array<int>>,address:struct<street:string,geo:struct<lat:double>>"))
                .isEqualTo(expected);
    }
}
