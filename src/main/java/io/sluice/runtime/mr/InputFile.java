package io.sluice.runtime.mr;

import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file a job reads, with everything a task needs to read it without the catalog: how it is stored and the values
 * of the partition it belongs to. Travels to tasks as JSON in the job configuration.
 *
 * @param partitionValues the partition's values as the catalog keeps them (text), one per key
 * @param partitionTypes the Hive type of each partition key
 */
public record InputFile(
        String path,
        long length,
        String schema,
        String inputFormat,
        String serde,
        Map<String, String> serdeParameters,
        Map<String, String> parameters,
        List<String> partitionValues,
        List<String> partitionTypes) {

    public InputFile {
        serdeParameters = Map.copyOf(serdeParameters);
        parameters = Map.copyOf(parameters);
        partitionValues = List.copyOf(partitionValues);
        partitionTypes = List.copyOf(partitionTypes);
    }

    /** This file with one more table parameter. */
    InputFile withParameter(String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(parameters);
        more.put(key, value);
        return new InputFile(
                path, length, schema, inputFormat, serde, serdeParameters, more, partitionValues, partitionTypes);
    }

    /** How to read the file. */
    public ReadSpec readSpec() {
        return new ReadSpec(
                (StructType) DataType.parse(schema),
                inputFormat,
                new SerDeInfo(Optional.empty(), serde, serdeParameters),
                parameters);
    }

    static String toJson(List<InputFile> files) {
        return ConfJson.write(files.stream().map(InputFile::toMap).toList());
    }

    static List<InputFile> listFromJson(String json) {
        List<InputFile> files = new ArrayList<>();
        ConfJson.list(ConfJson.read(json)).forEach(file -> files.add(of(file)));
        return files;
    }

    String toJson() {
        return ConfJson.write(toMap());
    }

    static InputFile fromJson(String json) {
        return of(ConfJson.read(json));
    }

    /** This file as {@link ConfJson} writes it. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("length", length);
        map.put("schema", schema);
        map.put("inputFormat", inputFormat);
        map.put("serde", serde);
        map.put("serdeParameters", serdeParameters);
        map.put("parameters", parameters);
        map.put("partitionValues", partitionValues);
        map.put("partitionTypes", partitionTypes);
        return map;
    }

    /** The file of a JSON object {@link ConfJson} read. */
    static InputFile of(Object json) {
        Map<String, Object> map = ConfJson.object(json);
        return new InputFile(
                (String) map.get("path"),
                (Long) map.get("length"),
                (String) map.get("schema"),
                (String) map.get("inputFormat"),
                (String) map.get("serde"),
                ConfJson.strings(map.get("serdeParameters")),
                ConfJson.strings(map.get("parameters")),
                ConfJson.stringList(map.get("partitionValues")),
                ConfJson.stringList(map.get("partitionTypes")));
    }
}
