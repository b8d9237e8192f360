package io.sluice.expr;

/** The arithmetic operators, with the words error messages use for them. */
enum ArithmeticOperator {
    ADD("+", "add"),
    SUBTRACT("-", "subtract"),
    MULTIPLY("*", "multiply"),
    DIVIDE("/", "divide"),
    MODULO("%", "take the remainder of"),
    INTEGER_DIVIDE("DIV", "integer-divide");

    private final String symbol;
    private final String verb;

    ArithmeticOperator(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }

    String symbol() {
        return symbol;
    }

    String verb() {
        return verb;
    }
}
