package io.sluice.classify.text;

/** How a JSON file holds its records; recorded as table parameter {@code sluice.json.layout}. */
enum JsonLayout {
    /** One object per line (JSON lines), the layout Hive's JSON SerDes read. */
    LINES("lines", "one JSON object per line"),
    /** One array of objects, possibly spread over many lines. */
    ARRAY("array", "one JSON array of objects"),
    /** Objects one after another, each spread over several lines. */
    CONCATENATED("concatenated", "JSON objects spanning several lines, one after another");

    private final String parameter;
    private final String description;

    JsonLayout(String parameter, String description) {
        this.parameter = parameter;
        this.description = description;
    }

    /** The value of {@code sluice.json.layout}. */
    String parameter() {
        return parameter;
    }

    String description() {
        return description;
    }
}
