package io.sluice.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

    @Test
    void sanitizesForHive() {
        assertThat(ColumnNames.sanitize("Order ID")).isEqualTo("order_id");
        assertThat(ColumnNames.sanitize(" Unit Price ($) ")).isEqualTo("unit_price");
        assertThat(ColumnNames.sanitize("Prénom")).isEqualTo("prenom");
        assertThat(ColumnNames.sanitize("_loaded_at")).isEqualTo("_loaded_at");
        assertThat(ColumnNames.sanitize("e-mail.address")).isEqualTo("e_mail_address");
        assertThat(ColumnNames.sanitize("2024")).isEqualTo("2024");
        assertThat(ColumnNames.sanitize("(%)")).isEmpty();
    }

    @Test
    void emptyNamesTakeTheirPosition() {
        assertThat(ColumnNames.fromHeader(List.of("", "amount", "#"), 3)).containsExactly("col0", "amount", "col2");
    }

    @Test
    void repeatedNamesAreNumbered() {
        assertThat(ColumnNames.fromHeader(List.of("Name", "name", "NAME", "name_1"), 4))
                .containsExactly("name", "name_1", "name_2", "name_1_1");
    }

    @Test
    void columnsBeyondTheHeaderArePositional() {
        assertThat(ColumnNames.fromHeader(List.of("a"), 3)).containsExactly("a", "col1", "col2");
        assertThat(ColumnNames.positional(3)).containsExactly("col0", "col1", "col2");
    }
}
