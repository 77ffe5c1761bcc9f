package dev.vigil.metrics.promql.ast;

/** The binary operators, with their precedence as in Prometheus (higher binds tighter). */
public enum BinaryOp {
    OR("or", 1),
    AND("and", 2),
    UNLESS("unless", 2),
    EQL("==", 3),
    NEQ("!=", 3),
    LTE("<=", 3),
    LSS("<", 3),
    GTE(">=", 3),
    GTR(">", 3),
    ADD("+", 4),
    SUB("-", 4),
    MUL("*", 5),
    DIV("/", 5),
    MOD("%", 5),
    ATAN2("atan2", 5),
    POW("^", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator as written. */
    public String symbol() {
        return symbol;
    }

    /** The binding strength; {@code ^} is the strongest. */
    public int precedence() {
        return precedence;
    }

    /** Whether it groups from the right ({@code 2 ^ 3 ^ 2} is {@code 2 ^ (3 ^ 2)}). */
    public boolean rightAssociative() {
        return this == POW;
    }

    /** Whether it is a comparison, which filters unless {@code bool} is given. */
    public boolean isComparison() {
        return precedence == 3;
    }

    /** Whether it is {@code and}, {@code or} or {@code unless}, which work on vectors only. */
    public boolean isSetOperator() {
        return this == AND || this == OR || this == UNLESS;
    }
}
