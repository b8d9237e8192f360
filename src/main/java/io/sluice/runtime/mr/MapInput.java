package io.sluice.runtime.mr;

import static java.util.Objects.requireNonNull;

import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * One input of a MapReduce job's mappers: source files of one schema (a table, a path, or one input of a union), or
 * the intermediate rows a previous MapReduce job of the plan wrote to {@code folder}. Rows are read as {@code schema}
 * and handed to the mapper as {@code target} (a union's schema: columns by name, types widened). {@code side} tells a
 * join's input ({@link #INPUT}) from its other source ({@link #OTHER}). Travels to tasks as JSON in the job
 * configuration.
 *
 * @param files the files to read; empty for intermediate rows
 * @param folder the folder of intermediate rows; empty for files
 */
record MapInput(int side, List<InputFile> files, String folder, String schema, String target) {
    /** The side of the rows that run through the job's stages. */
    static final int INPUT = 0;
    /** The side of a shuffle join's other source. */
    static final int OTHER = 1;

    static final String INPUTS = "sluice.inputs";

    MapInput {
        files = List.copyOf(files);
        requireNonNull(folder, "folder is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(target, "target is null");
        if (files.isEmpty() == folder.isEmpty() && !folder.isEmpty()) {
            throw new IllegalArgumentException("an input is files or a folder of intermediate rows, not both");
        }
    }

    /** Source files read as {@code schema}, given to mappers as {@code target}. */
    static MapInput files(int side, List<InputFile> files, StructType schema, StructType target) {
        return new MapInput(side, files, "", schema.toString(), target.toString());
    }

    /** The intermediate rows of a previous MapReduce job. */
    static MapInput intermediate(int side, String folder, StructType schema) {
        return new MapInput(side, List.of(), folder, schema.toString(), schema.toString());
    }

    boolean intermediate() {
        return !folder.isEmpty();
    }

    StructType readSchema() {
        return (StructType) DataType.parse(schema);
    }

    StructType targetSchema() {
        return (StructType) DataType.parse(target);
    }

    static void set(Configuration conf, String key, List<MapInput> inputs) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (MapInput input : inputs) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("side", input.side());
            map.put("files", input.files().stream().map(InputFile::toMap).toList());
            map.put("folder", input.folder());
            map.put("schema", input.schema());
            map.put("target", input.target());
            json.add(map);
        }
        conf.set(key, ConfJson.write(json));
    }

    static List<MapInput> get(Configuration conf, String key) {
        List<MapInput> inputs = new ArrayList<>();
        for (Object json : ConfJson.list(ConfJson.read(conf.get(key, "[]")))) {
            Map<String, Object> map = ConfJson.object(json);
            List<InputFile> files = new ArrayList<>();
            ConfJson.list(map.get("files")).forEach(file -> files.add(InputFile.of(file)));
            inputs.add(new MapInput(
                    ((Long) map.get("side")).intValue(),
                    files,
                    (String) map.get("folder"),
                    (String) map.get("schema"),
                    (String) map.get("target")));
        }
        return inputs;
    }
}
