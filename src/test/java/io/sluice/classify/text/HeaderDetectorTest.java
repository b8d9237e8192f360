package io.sluice.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderDetectorTest {

    /** Rows from lines of comma-separated cells (no quoting needed here). */
    private static HeaderDecision detect(String... lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(new Row(List.of(line.split(",", -1)), 0));
        }
        int columns = rows.get(0).size();
        return HeaderDetector.detect(rows.get(0), rows.subList(1, rows.size()), columns);
    }

    @Test
    void cellsNotOfTheColumnTypeMakeAHeader() {
        HeaderDecision decision = detect("id,price,sold_on", "1,4.50,2024-01-15", "2,12.99,2024-02-01");
        assertThat(decision.present()).isTrue();
        assertThat(decision.evidence())
                .isEqualTo("header: 'id' is not int like the values below; 'price' is not decimal(4,2) like the"
                        + " values below; 'sold_on' is not date like the values below");
    }

    @Test
    void cellsOfTheColumnTypeAreData() {
        HeaderDecision decision = detect("7,4.50,2024-01-15", "1,2.00,2024-01-16", "2,12.99,2024-02-01");
        assertThat(decision.present()).isFalse();
        assertThat(decision.evidence()).startsWith("no header: '7' is int like the values below");
    }

    @Test
    void numbersOnlyWithoutHeader() {
        assertThat(detect("3,4,5", "6,7,8", "9,10,11").present()).isFalse();
    }

    @Test
    void typedMajorityDecides() {
        assertThat(detect("id,qty,amount", "1,5,x", "2,6,y").present()).isTrue();
        assertThat(detect("1,qty,2", "1,5,3", "2,6,4").present())
                .as("two typed cells fit, one does not")
                .isFalse();
    }

    @Test
    void allTextWithLowerCaseHeader() {
        HeaderDecision decision = detect(
                "name,city,country", "Alice Martin,Lyon,France", "Bob Stone,Paris,France", "Carla Diaz,Madrid,Spain");
        assertThat(decision.present()).isTrue();
        assertThat(decision.evidence())
                .startsWith("header: all columns are text; first-row labels differ in shape from the values below"
                        + " in 3 of 3 columns ('name': lower case unlike the Title Case values below;");
    }

    @Test
    void allTextWithTitleCaseHeaderAboveNamesWithSpaces() {
        HeaderDecision decision = detect("Name,City", "Alice Martin,Lyon", "Bob Stone,Paris", "Carla Diaz,Madrid");
        assertThat(decision.present()).isTrue();
        assertThat(decision.evidence()).contains("'Name': no spaces unlike the values below");
    }

    @Test
    void allTextHeaderAboveCodes() {
        assertThat(detect("code,label", "FR,France", "DE,Germany", "ES,Spain").present())
                .isTrue();
        assertThat(detect("email", "a@example.com", "b@example.org").evidence()).contains("no symbols");
        assertThat(detect("sku", "AB12", "CD34", "EF56").present()).isTrue();
    }

    @Test
    void allTextWithoutHeader() {
        HeaderDecision decision =
                detect("Alice Martin,Lyon,France", "Bob Stone,Paris,Spain", "Carla Diaz,Madrid,Italy");
        assertThat(decision.present()).isFalse();
        assertThat(decision.evidence())
                .isEqualTo("no header: all columns are text; the first row looks like the rows below in every column");
    }

    @Test
    void aFirstCellRepeatedBelowIsData() {
        HeaderDecision decision = detect("madrid,spain", "Lyon,France", "Paris,France", "madrid,spain");
        assertThat(decision.present()).isFalse();
        assertThat(decision.evidence()).contains("'madrid' also appears below");
    }

    @Test
    void cellsThatAreNotLabelsAreData() {
        assertThat(detect(
                                "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t,x",
                                "Some,Other",
                                "More,Values")
                        .present())
                .isFalse();
        HeaderDecision repeated = detect("name,name", "Alice,Bob", "Carol,Dan");
        assertThat(repeated.present()).isFalse();
        assertThat(repeated.evidence()).contains("'name' appears twice");
    }

    @Test
    void emptyFirstCellsAreNeutral() {
        assertThat(detect(",amount", "a,1", "b,2").present()).isTrue();
    }

    @Test
    void aSingleRecordOfLabelsIsAHeader() {
        assertThat(detect("id,name,created_at").present()).isTrue();
        HeaderDecision values = detect("id,42,x");
        assertThat(values.present()).isFalse();
        assertThat(values.evidence()).isEqualTo("no header: the only record '42' is not a label");
        assertThat(detect("active,true").evidence())
                .isEqualTo("no header: the only record holds 'true', of type boolean");
    }

    @Test
    void textShapes() {
        assertThat(TextShape.of("Alice Martin"))
                .isEqualTo(new TextShape(TextShape.LetterCase.TITLE, false, true, false));
        assertThat(TextShape.of("order_id")).isEqualTo(new TextShape(TextShape.LetterCase.LOWER, false, false, false));
        assertThat(TextShape.of("SKU-12")).isEqualTo(new TextShape(TextShape.LetterCase.UPPER, true, false, false));
        assertThat(TextShape.of("iPhone 15")).isEqualTo(new TextShape(TextShape.LetterCase.MIXED, true, true, false));
        assertThat(TextShape.of("$4.50")).isEqualTo(new TextShape(TextShape.LetterCase.NONE, true, false, true));
    }
}
