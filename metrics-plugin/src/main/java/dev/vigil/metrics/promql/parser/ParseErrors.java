package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.ast.PositionRange;

/** Builds parse errors with Prometheus's {@code <line>:<column>: parse error: <text>} message. */
final class ParseErrors {

    private ParseErrors() {}

    /** An error about the text from {@code start} to {@code end}. */
    static PromqlParseException at(String input, int start, int end, String text) {
        int from = Math.max(0, Math.min(start, input.length()));
        int to = Math.max(from, Math.min(end, input.length()));
        return new PromqlParseException(position(input, from) + ": parse error: " + text, new PositionRange(from, to));
    }

    /**
     * The line and column of an offset, both counted from 1. As in Prometheus, the column counts the bytes of
     * the line's UTF-8 text, so it matches what Prometheus reports for the same expression.
     */
    static String position(String input, int offset) {
        if (input.isEmpty()) {
            return "unknown position";
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            char c = input.charAt(i);
            column += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return line + ":" + column;
    }
}
