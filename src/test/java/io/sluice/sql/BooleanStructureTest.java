package io.sluice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BooleanStructureTest {
    private static final BooleanStructure.Connectives<String> PARENTHESES = new BooleanStructure.Connectives<>() {
        @Override
        public String and(String left, String right) {
            return "(" + left + " AND " + right + ")";
        }

        @Override
        public String or(String left, String right) {
            return "(" + left + " OR " + right + ")";
        }

        @Override
        public String not(String operand) {
            return "(NOT " + operand + ")";
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            a = 1 AND b = 2 OR c = 3            | ((a = 1 AND b = 2) OR c = 3)
            a = 1 OR b = 2 AND c = 3            | (a = 1 OR (b = 2 AND c = 3))
            NOT a = 1 AND b = 2                 | ((NOT a = 1) AND b = 2)
            a = 1 AND k IN (1) OR b = 2         | ((a = 1 AND k IN (1)) OR b = 2)
            k IN (1, 2) AND a = 1               | (k IN (1, 2) AND a = 1)
            NOT k IN (1) OR b = 2               | ((NOT k IN (1)) OR b = 2)
            k NOT IN (1) AND a = 1 OR b IS NULL | ((k NOT IN (1) AND a = 1) OR b IS NULL)
            k = 1                               | k = 1
            """)
    void groupsWithSqlPrecedenceEvenAfterIn(String sql, String expected) throws Exception {
        Expression parsed = CCJSqlParserUtil.parseExpression(sql, false);
        assertThat(BooleanStructure.compile(parsed, Expression::toString, PARENTHESES))
                .isEqualTo(expected);
    }
}
