package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.JobDefinitions;
import io.sluice.job.JoinStage;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broadcast join's lookup: by the key value itself for one key column, by a row of values for several. */
class BroadcastJoinOperatorTest {
    private static JoinLayout layout(String join, String left, String right) {
        String yaml = "name: j\nsource: { path: in.csv, format: csv, schema: \"" + left + "\" }\n"
                + "sources:\n  other: { path: other.csv, format: csv, schema: \"" + right + "\" }\n"
                + "stages:\n  - join: " + join + "\noutput: { path: out }\n";
        JoinStage stage =
                (JoinStage) JobDefinitions.parse("j.yaml", yaml).stages().get(0);
        return JoinLayout.of(stage, schema(left), schema(right));
    }

    private static StructType schema(String columns) {
        return (StructType) DataType.parse("struct<" + columns.replace(" ", ":").replace(",:", ",") + ">");
    }

    private static List<String> join(JoinLayout layout, List<Row> others, Row... rows) {
        List<String> out = new ArrayList<>();
        BroadcastJoinOperator join = BroadcastJoinOperator.of(layout, others, row -> out.add(row.toString()));
        for (Row row : rows) {
            join.accept(row);
        }
        return out;
    }

    @Test
    void oneKeyColumnMatchesByItsWidenedValue() {
        JoinLayout layout =
                layout("{ with: other, on: [id], strategy: broadcast }", "id int,qty int", "id bigint,name string");
        List<Row> others = List.of(Row.of(1L, "one"), Row.of(2L, "two"), Row.of(2L, "deux"), Row.of(null, "none"));

        assertThat(join(layout, others, Row.of(2, 5), Row.of(3, 1), Row.of(null, 4), Row.of(1, 0)))
                .containsExactly("[2, 5, two]", "[2, 5, deux]", "[1, 0, one]");
        assertThat(BroadcastJoinOperator.of(layout, others, row -> {}).size()).isEqualTo(3);
    }

    @Test
    void closingTheJoinClosesWhatComesAfterIt() {
        JoinLayout layout =
                layout("{ with: other, on: [id], strategy: broadcast }", "id int,qty int", "id bigint,name string");
        List<String> closed = new ArrayList<>();
        RowConsumer after = new RowConsumer() {
            @Override
            public void accept(Row row) {}

            @Override
            public void close() {
                closed.add("closed");
            }
        };

        BroadcastJoinOperator.of(layout, List.of(Row.of(1L, "one")), after).close();

        assertThat(closed).containsExactly("closed");
    }

    @Test
    void severalKeyColumnsMatchTogether() {
        JoinLayout layout = layout(
                "{ with: other, type: left, on: [a, b], strategy: broadcast }",
                "a string,b int,v int",
                "a string,b int,w string");
        List<Row> others =
                List.of(Row.of("x", 1, "x1"), Row.of("x", 2, "x2"), Row.of("y", 1, "y1"), Row.of("x", null, "xn"));

        assertThat(join(layout, others, Row.of("x", 2, 7), Row.of("y", 2, 8), Row.of("x", null, 9)))
                .containsExactly("[x, 2, 7, x2]", "[y, 2, 8, null]", "[x, null, 9, null]");
    }

    @Test
    void binaryKeysMatchByTheirBytes() {
        JoinLayout layout =
                layout("{ with: other, on: [k], strategy: broadcast }", "k binary,v int", "k binary,w string");
        List<Row> others = List.of(Row.of(new byte[] {1, 2}, "a"), Row.of(new byte[] {3}, "b"));

        assertThat(join(layout, others, Row.of(new byte[] {1, 2}, 5), Row.of(new byte[] {1}, 6)))
                .containsExactly("[[1, 2], 5, a]");
    }
}
