package io.sluice.runtime.mr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
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
        ArrayNode array = ConfJson.array();
        files.forEach(file -> array.add(file.toNode()));
        return ConfJson.write(array);
    }

    static List<InputFile> listFromJson(String json) {
        List<InputFile> files = new ArrayList<>();
        ConfJson.read(json).forEach(node -> files.add(of(node)));
        return files;
    }

    String toJson() {
        return ConfJson.write(toNode());
    }

    static InputFile fromJson(String json) {
        return of(ConfJson.read(json));
    }

    ObjectNode toNode() {
        ObjectNode node = ConfJson.object();
        node.put("path", path);
        node.put("length", length);
        node.put("schema", schema);
        node.put("inputFormat", inputFormat);
        node.put("serde", serde);
        ConfJson.putStrings(node, "serdeParameters", serdeParameters);
        ConfJson.putStrings(node, "parameters", parameters);
        ConfJson.putStrings(node, "partitionValues", partitionValues);
        ConfJson.putStrings(node, "partitionTypes", partitionTypes);
        return node;
    }

    static InputFile of(JsonNode node) {
        return new InputFile(
                ConfJson.text(node, "path"),
                node.path("length").asLong(),
                ConfJson.text(node, "schema"),
                ConfJson.text(node, "inputFormat"),
                ConfJson.text(node, "serde"),
                ConfJson.stringMap(node, "serdeParameters"),
                ConfJson.stringMap(node, "parameters"),
                ConfJson.stringList(node, "partitionValues"),
                ConfJson.stringList(node, "partitionTypes"));
    }
}
