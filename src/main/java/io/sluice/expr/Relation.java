package io.sluice.expr;

/** The relational operators of comparisons, tested against the sign of a {@link ValueOrder#compare}. */
enum Relation {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    static Relation of(String sql) {
        return switch (sql) {
            case "=" -> EQUAL;
            case "<>", "!=" -> NOT_EQUAL;
            case "<" -> LESS;
            case "<=" -> LESS_OR_EQUAL;
            case ">" -> GREATER;
            case ">=" -> GREATER_OR_EQUAL;
            default -> null;
        };
    }

    boolean test(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }

    String symbol() {
        return symbol;
    }
}
