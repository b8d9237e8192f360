package io.sluice.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fields a job definition may have, section by section: the one list the parser checks fields against, and the
 * one the tests hold the JSON Schema ({@code docs/job.schema.json}) and the documentation to.
 */
final class JobSyntax {
    static final List<String> JOB = List.of(
            "name",
            "description",
            "arguments",
            "source",
            "sources",
            "stages",
            "output",
            "retries",
            "retry_delay",
            "timeout",
            "max_bad_records",
            "max_concurrent_runs",
            "triggers");

    static final List<String> TABLE_SOURCE = List.of("table", "where");
    static final List<String> PATH_SOURCE = concat(List.of("path", "format", "schema"), FormatOptions.CSV_READ);
    static final List<String> UNION_SOURCE = List.of("union");

    static final List<String> MAP =
            List.of("flatten", "explode", "filter", "select", "derive", "rename", "drop", "cast", "function");
    static final List<String> EXPLODE = List.of("column", "as", "outer");
    static final List<String> FUNCTION = List.of("class", "options");
    static final List<String> PARTITION = List.of("by", "reducers", "method");
    static final List<String> SORT = List.of("by", "global");
    static final List<String> REDUCE = List.of("group_by", "aggregate", "order_by");
    static final List<String> JOIN = List.of("with", "type", "on", "strategy", "columns", "prefix");
    static final List<String> DISTINCT = List.of("on", "keep", "order_by");

    /** Each stage kind with its fields, in the order the documentation lists them. */
    static final Map<String, List<String>> STAGES = stages();

    static final List<String> OUTPUT =
            concat(List.of("path", "format", "compression", "partition_by", "mode", "table"), FormatOptions.CSV_WRITE);

    private JobSyntax() {}

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        stages.put("map", MAP);
        stages.put("partition", PARTITION);
        stages.put("sort", SORT);
        stages.put("reduce", REDUCE);
        stages.put("join", JOIN);
        stages.put("distinct", DISTINCT);
        return java.util.Collections.unmodifiableMap(stages);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
