package io.sluice.format.orc;

import static io.sluice.format.FormatTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;

class HiveToOrcTest {
    @Test
    void everyHiveTypeHasItsOrcType() {
        TypeDescription orc = HiveToOrc.schema(schema("flag:boolean,tiny:tinyint,small:smallint,i:int,big:bigint,"
                + "f:float,d:double,dec:decimal(5,2),wide:decimal(38,10),s:string,vc:varchar(10),ch:char(3),"
                + "bin:binary,day:date,ts:timestamp,Tags:array<string>,m:map<string,array<int>>,"
                + "address:struct<street:string,geo:struct<lat:double>>"));

        assertThat(orc.toString())
                .isEqualTo("struct<flag:boolean,tiny:tinyint,small:smallint,i:int,big:bigint,f:float,d:double,"
                        + "dec:decimal(5,2),wide:decimal(38,10),s:string,vc:varchar(10),ch:char(3),bin:binary,"
                        + "day:date,ts:timestamp,Tags:array<string>,m:map<string,array<int>>,"
                        + "address:struct<street:string,geo:struct<lat:double>>>");
    }

    @Test
    void namesThatAreNotIdentifiersSurviveOrcsOwnParser() {
        TypeDescription orc = HiveToOrc.schema(schema("`odd name`:int,`a.b`:string"));

        assertThat(orc.getFieldNames()).containsExactly("odd name", "a.b");
        assertThat(TypeDescription.fromString(orc.toString())).isEqualTo(orc);
    }
}
