package dev.vigil.logging.logql;

/** The binary operators between metric queries and numbers, lowest precedence first. */
public enum BinaryOp {
    /** Set union. */
    OR("or", 1),
    /** Set intersection. */
    AND("and", 2),
    /** Set difference. */
    UNLESS("unless", 2),
    /** Equal. */
    EQ("==", 3),
    /** Not equal. */
    NE("!=", 3),
    /** Greater. */
    GT(">", 3),
    /** Greater or equal. */
    GE(">=", 3),
    /** Less. */
    LT("<", 3),
    /** Less or equal. */
    LE("<=", 3),
    /** Sum. */
    ADD("+", 4),
    /** Difference. */
    SUB("-", 4),
    /** Product. */
    MUL("*", 5),
    /** Quotient. */
    DIV("/", 5),
    /** Remainder. */
    MOD("%", 5),
    /** Power; the only right-associative one. */
    POW("^", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator as LogQL writes it. */
    public String symbol() {
        return symbol;
    }

    int precedence() {
        return precedence;
    }

    boolean isComparison() {
        return precedence == 3;
    }

    boolean isSetOperator() {
        return precedence <= 2;
    }

    /** The operator of a token, or null. */
    static @org.jspecify.annotations.Nullable BinaryOp of(TokenKind kind) {
        return switch (kind) {
            case OR -> OR;
            case AND -> AND;
            case UNLESS -> UNLESS;
            case CMP_EQ -> EQ;
            case NEQ -> NE;
            case GT -> GT;
            case GTE -> GE;
            case LT -> LT;
            case LTE -> LE;
            case ADD -> ADD;
            case SUB -> SUB;
            case MUL -> MUL;
            case DIV -> DIV;
            case MOD -> MOD;
            case POW -> POW;
            default -> null;
        };
    }

    /** {@code left op right} for arithmetic, or for a comparison 1 when it holds and 0 when not. */
    double apply(double left, double right) {
        return switch (this) {
            case ADD -> left + right;
            case SUB -> left - right;
            case MUL -> left * right;
            case DIV -> left / right;
            case MOD -> left % right;
            case POW -> Math.pow(left, right);
            case EQ -> left == right ? 1 : 0;
            case NE -> left != right ? 1 : 0;
            case GT -> left > right ? 1 : 0;
            case GE -> left >= right ? 1 : 0;
            case LT -> left < right ? 1 : 0;
            case LE -> left <= right ? 1 : 0;
            case OR, AND, UNLESS -> throw new IllegalStateException(this + " is not arithmetic");
        };
    }
}
