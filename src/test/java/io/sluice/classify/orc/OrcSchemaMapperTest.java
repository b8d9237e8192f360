package io.sluice.classify.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.classify.InferredColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;

class OrcSchemaMapperTest {

    private static Map<String, String> types(TypeDescription schema) {
        Map<String, String> types = new LinkedHashMap<>();
        for (InferredColumn column : OrcSchemaMapper.columns(schema)) {
            types.put(column.name(), column.type().toString());
        }
        return types;
    }

    private static Map<String, String> types(String schema) {
        return types(TypeDescription.fromString(schema));
    }

    private static String hive(String orcType) {
        return OrcSchemaMapper.hiveType(TypeDescription.fromString(orcType)).toString();
    }

    @Test
    void primitiveCategories() {
        assertThat(types("struct<b:boolean,t:tinyint,s:smallint,i:int,l:bigint,f:float,d:double,str:string,"
                        + "dt:date,ts:timestamp,bin:binary>"))
                .containsExactly(
                        Map.entry("b", "boolean"),
                        Map.entry("t", "tinyint"),
                        Map.entry("s", "smallint"),
                        Map.entry("i", "int"),
                        Map.entry("l", "bigint"),
                        Map.entry("f", "float"),
                        Map.entry("d", "double"),
                        Map.entry("str", "string"),
                        Map.entry("dt", "date"),
                        Map.entry("ts", "timestamp"),
                        Map.entry("bin", "binary"));
    }

    @Test
    void parameterisedTypesKeepTheirParameters() {
        assertThat(types("struct<amount:decimal(12,3),wide:decimal(38,18),code:char(5),label:varchar(200)>"))
                .containsExactly(
                        Map.entry("amount", "decimal(12,3)"),
                        Map.entry("wide", "decimal(38,18)"),
                        Map.entry("code", "char(5)"),
                        Map.entry("label", "varchar(200)"));
    }

    @Test
    void textLongerThanHiveAllowsIsString() {
        TypeDescription schema = TypeDescription.createStruct()
                .addField("c", TypeDescription.createChar().withMaxLength(300))
                .addField("v", TypeDescription.createVarchar().withMaxLength(70_000));

        assertThat(types(schema)).containsExactly(Map.entry("c", "string"), Map.entry("v", "string"));
        assertThat(OrcSchemaMapper.columns(schema).get(0).reason())
                .isEqualTo("string: ORC char(300); char(300) is longer than Hive allows; read as string");
    }

    @Test
    void timestampWithLocalTimeZoneIsATimestampInUtc() {
        List<InferredColumn> columns =
                OrcSchemaMapper.columns(TypeDescription.fromString("struct<at:timestamp with local time zone>"));

        assertThat(columns.get(0).type()).hasToString("timestamp");
        assertThat(columns.get(0).reason())
                .isEqualTo("timestamp: ORC timestamp with local time zone; timestamp with local time zone read as"
                        + " UTC timestamps");
    }

    @Test
    void compoundTypes() {
        assertThat(hive("array<string>")).isEqualTo("array<string>");
        assertThat(hive("map<string,array<int>>")).isEqualTo("map<string,array<int>>");
        assertThat(hive("struct<street:string,geo:struct<lat:double,lon:double>,tags:array<varchar(10)>>"))
                .isEqualTo("struct<street:string,geo:struct<lat:double,lon:double>,tags:array<varchar(10)>>");
        assertThat(hive("array<map<bigint,struct<a:decimal(5,1)>>>"))
                .isEqualTo("array<map<bigint,struct<a:decimal(5,1)>>>");
    }

    @Test
    void unionsAreTaggedStructs() {
        assertThat(hive("uniontype<int,string>")).isEqualTo("struct<tag:tinyint,field0:int,field1:string>");
        assertThat(hive("struct<u:uniontype<bigint,array<string>,struct<x:int>>>"))
                .isEqualTo("struct<u:struct<tag:tinyint,field0:bigint,field1:array<string>,field2:struct<x:int>>>");
        assertThat(OrcSchemaMapper.columns(TypeDescription.fromString("struct<u:uniontype<int,string>>"))
                        .get(0)
                        .reason())
                .contains("tag is the index of the member set");
    }

    @Test
    void mapsWithCompoundKeysAreArraysOfEntries() {
        assertThat(hive("map<struct<a:int>,string>")).isEqualTo("array<struct<key:struct<a:int>,value:string>>");
    }

    @Test
    void geospatialTypesAreBinary() {
        TypeDescription schema = TypeDescription.createStruct()
                .addField("shape", TypeDescription.createGeometry())
                .addField("area", TypeDescription.createGeography());

        assertThat(types(schema)).containsExactly(Map.entry("shape", "binary"), Map.entry("area", "binary"));
    }

    @Test
    void nonStructRootIsOneColumn() {
        assertThat(types("array<int>")).containsExactly(Map.entry("_col0", "array<int>"));
        assertThat(OrcSchemaMapper.columns(TypeDescription.fromString("int"))
                        .get(0)
                        .reason())
                .isEqualTo("int: ORC int; the file's root type is not a struct");
    }

    @Test
    void emptyStructIsString() {
        TypeDescription schema = TypeDescription.createStruct().addField("nothing", TypeDescription.createStruct());

        assertThat(types(schema)).containsExactly(Map.entry("nothing", "string"));
    }

    @Test
    void fieldNamesKeepTheirCase() {
        assertThat(OrcSchemaMapper.columns(TypeDescription.fromString("struct<Id:int,customerName:string>")))
                .extracting(InferredColumn::name)
                .containsExactly("Id", "customerName");
    }
}
