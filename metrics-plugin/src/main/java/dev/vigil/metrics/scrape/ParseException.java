package dev.vigil.metrics.scrape;

/** A body that is not valid in its exposition format; the message names the line and the problem. */
final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    ParseException(int line, String problem) {
        super("line " + line + ": " + problem, null, false, false);
        this.line = line;
    }

    /** The line, counted from 1, where parsing stopped. */
    int line() {
        return line;
    }
}
