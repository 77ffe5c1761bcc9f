package dev.vigil.logging.logql;

/** How a label filter compares a number, a duration or a size. */
public enum CompareOp {
    /** {@code ==} (or {@code =}). */
    EQ("=="),
    /** {@code !=}. */
    NE("!="),
    /** {@code >}. */
    GT(">"),
    /** {@code >=}. */
    GE(">="),
    /** {@code <}. */
    LT("<"),
    /** {@code <=}. */
    LE("<=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as LogQL writes it. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code left op right} holds. */
    boolean test(double left, double right) {
        return switch (this) {
            case EQ -> left == right;
            case NE -> left != right;
            case GT -> left > right;
            case GE -> left >= right;
            case LT -> left < right;
            case LE -> left <= right;
        };
    }
}
