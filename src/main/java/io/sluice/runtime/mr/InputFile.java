package io.sluice.runtime.mr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.SerDeInfo;
import io.sluice.format.ReadSpec;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.UncheckedIOException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        try {
            return JSON.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<InputFile> listFromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<InputFile>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputFile fromJson(String json) {
        try {
            return JSON.readValue(json, InputFile.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
