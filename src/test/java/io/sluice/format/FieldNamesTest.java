package io.sluice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
    @Test
    void matchesWithoutCasePreferringTheExactSpelling() {
        assertThat(FieldNames.find(List.of("Id", "name"), "id")).isEqualTo(0);
        assertThat(FieldNames.find(List.of("ID", "id"), "id")).isEqualTo(1);
        assertThat(FieldNames.find(List.of("ID", "Id"), "id")).isEqualTo(0);
        assertThat(FieldNames.find(List.of("a", "b"), "c")).isEqualTo(-1);
    }
}
