package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTest {

    @Test
    void columnsMatchWithoutRegardToCaseAndMayBeQuoted() {
        assertThat(eval("QTY")).isEqualTo(3);
        assertThat(eval("`Qty` + 1")).isEqualTo(4);
        assertThat(eval("\"qty\" * 2")).isEqualTo(6);
        assertThat(eval("`order date`")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(eval("\"ORDER DATE\" < day")).isEqualTo(true);
    }

    @Test
    void structFieldsByName() {
        assertThat(eval("user.country")).isEqualTo("FR");
        assertThat(eval("USER.Age + 1")).isEqualTo(31);
        assertThat(eval("user.address.city")).isEqualTo("Paris");
        assertThat(eval("`user`.`country` = 'FR'")).isEqualTo(true);
        assertThat(eval("user")).isEqualTo(Row.of("FR", 30, Row.of("Paris")));
        assertThat(eval("user.country", "user", null)).isNull();
        assertThat(eval("user.address.city", "user", Row.of("FR", 30, null))).isNull();
    }

    @Test
    void arrayElementsFromZeroAsInHive() {
        assertThat(eval("tags[0]")).isEqualTo("a");
        assertThat(eval("tags[2]")).isEqualTo("c");
        assertThat(eval("tags[3]")).isNull();
        assertThat(eval("tags[-1]")).isNull();
        assertThat(eval("tags[qty - 1]")).isEqualTo("c");
        assertThat(eval("ints[1] * 10")).isEqualTo(20);
        assertThat(eval("tags[n]")).isNull();
        assertThat(eval("tags[0]", "tags", null)).isNull();
        assertThat(eval("tags[1]", "tags", Arrays.asList("a", null))).isNull();
        assertThat(eval("split('x,y', ',')[1]")).isEqualTo("y");
    }

    @Test
    void mapValuesByKey() {
        assertThat(eval("attrs['color']")).isEqualTo(7);
        assertThat(eval("attrs['weight']")).isNull();
        assertThat(eval("attrs[country]", "attrs", Map.of("DE", 49))).isEqualTo(49);
        assertThat(eval("ids[1]")).isEqualTo("one");
        assertThat(eval("ids[qty]", "ids", Map.of(3L, "three"))).isEqualTo("three");
        assertThat(eval("ids['1']")).isEqualTo("one");
        assertThat(eval("attrs[text]", "text", null)).isNull();
    }

    @Test
    void sizeOfArraysAndMaps() {
        assertThat(eval("size(tags)")).isEqualTo(3);
        assertThat(eval("size(attrs)")).isEqualTo(2);
        assertThat(eval("size(tags)", "tags", List.of())).isEqualTo(0);
        assertThat(eval("size(tags)", "tags", null)).isNull();
        assertThat(eval("size(NULL)")).isNull();
        assertThat(eval("size(split(name, ' '))")).isEqualTo(4);
    }
}
