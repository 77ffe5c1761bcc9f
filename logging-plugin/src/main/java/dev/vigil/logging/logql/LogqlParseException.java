package dev.vigil.logging.logql;

/**
 * A query that is not valid LogQL, or that LogQL refuses (a selector that would match every stream, a grouping an
 * operation does not allow). The message is Loki's: {@code parse error at line 1, col 13: syntax error: unexpected
 * IDENTIFIER}, or {@code parse error : <reason>} when the reason has no position.
 */
public final class LogqlParseException extends LogqlException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /**
     * @param reason what is wrong, such as {@code syntax error: unexpected IDENTIFIER}
     * @param line the line, or 0
     * @param column the column, or 0 for none
     */
    LogqlParseException(String reason, int line, int column) {
        super(line == 0 && column == 0
                ? "parse error : " + reason
                : "parse error at line " + line + ", col " + column + ": " + reason);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** A reason without a position. */
    static LogqlParseException of(String reason) {
        return new LogqlParseException(reason, 0, 0);
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The line of the error as Loki reports it, or 0. */
    public int line() {
        return line;
    }

    /** The column of the error, or 0. */
    public int column() {
        return column;
    }
}
