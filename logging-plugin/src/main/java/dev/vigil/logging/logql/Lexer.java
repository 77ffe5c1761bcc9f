package dev.vigil.logging.logql;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Splits a LogQL query into tokens, one at a time, as Loki's lexer does: words that name functions are functions only
 * when a parenthesis follows (so {@code rate} can still be a label), keywords are read in any case, a number directly
 * followed by a unit is a duration ({@code 250ms}) or a size ({@code 10KB}), {@code [5m]} is one range token, and
 * {@code #} starts a comment. Positions are those Loki reports, including its line 0 after tokens it completes by
 * reading ahead. Not thread-safe.
 */
final class Lexer {

    private final String input;
    private int pos;
    private int line = 1;
    /** Characters consumed on the current line. */
    private int column;

    Lexer(String input) {
        this.input = input;
    }

    /**
     * The next token; {@link TokenKind#EOF} at the end, again and again.
     *
     * @throws LogqlParseException for a string that does not end, a bad escape or a bad range
     */
    Token next() {
        skipSpaceAndComments();
        if (pos >= input.length()) {
            return input.isEmpty() ? new Token(TokenKind.EOF, "", 0, 0, 0) : new Token(TokenKind.EOF, "", 0, line, column + 1);
        }
        int startLine = line;
        int startColumn = column + 1;
        char c = input.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            return word(startLine, startColumn);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < input.length() && isDigit(input.charAt(pos + 1)))) {
            return number(startLine, startColumn);
        }
        switch (c) {
            case '"' -> {
                return quoted(startLine, startColumn);
            }
            case '`' -> {
                return raw(startLine, startColumn);
            }
            case '[' -> {
                return range(startColumn);
            }
            case '-' -> {
                Token special = minus(startColumn);
                if (special != null) {
                    return special;
                }
            }
            default -> {
                // an operator below
            }
        }
        advance();
        if (pos < input.length()) {
            TokenKind pair = TokenKind.byText(new String(new char[] {c, input.charAt(pos)}));
            if (pair != null) {
                advance();
                return new Token(pair, pair.display(), 0, 0, startColumn);
            }
        }
        TokenKind single = TokenKind.byText(String.valueOf(c));
        if (single != null) {
            return new Token(single, single.display(), 0, startLine, startColumn);
        }
        // Loki's lexer passes any other character on as an identifier, which the parser then refuses.
        return new Token(TokenKind.IDENTIFIER, String.valueOf(c), 0, startLine, startColumn);
    }

    private Token word(int startLine, int startColumn) {
        int start = pos;
        while (pos < input.length() && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_')) {
            advance();
        }
        String text = input.substring(start, pos);
        TokenKind function = TokenKind.function(text);
        if (function != null) {
            return new Token(functionFollows() ? function : TokenKind.IDENTIFIER, text, 0, startLine, startColumn);
        }
        TokenKind keyword = TokenKind.byText(text);
        return new Token(keyword != null ? keyword : TokenKind.IDENTIFIER, text, 0, startLine, startColumn);
    }

    /** Whether a parenthesis follows, or {@code by}/{@code without} and then one, as after a function's name. */
    private boolean functionFollows() {
        int i = skipSpaces(pos);
        if (i < input.length() && input.charAt(i) == '(') {
            return true;
        }
        for (String grouping : new String[] {"by", "without"}) {
            if (input.regionMatches(true, i, grouping, 0, grouping.length())) {
                int after = skipSpaces(i + grouping.length());
                return after < input.length() && input.charAt(after) == '(';
            }
        }
        return false;
    }

    private Token number(int startLine, int startColumn) {
        int start = pos;
        while (pos < input.length() && isDigit(input.charAt(pos))) {
            advance();
        }
        if (pos < input.length() && input.charAt(pos) == '.') {
            advance();
            while (pos < input.length() && isDigit(input.charAt(pos))) {
                advance();
            }
        }
        if (pos + 1 < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')
                && (isDigit(input.charAt(pos + 1)) || ((input.charAt(pos + 1) == '+' || input.charAt(pos + 1) == '-')
                        && pos + 2 < input.length() && isDigit(input.charAt(pos + 2))))) {
            advance();
            advance();
            while (pos < input.length() && isDigit(input.charAt(pos))) {
                advance();
            }
        }
        String text = input.substring(start, pos);
        Token unit = withUnit(text, startColumn);
        return unit != null ? unit : new Token(TokenKind.NUMBER, text, 0, startLine, startColumn);
    }

    /** A duration or size made of {@code number} and the unit right after it, or null when there is none. */
    private @Nullable Token withUnit(String number, int startColumn) {
        int end = pos;
        while (end < input.length() && !Character.isWhitespace(input.charAt(end)) && (isDigit(input.charAt(end))
                || "numµμshdwy.".indexOf(input.charAt(end)) >= 0)) {
            end++;
        }
        if (end > pos) {
            OptionalLong nanos = Durations.parseLogql(number + input.substring(pos, end));
            if (nanos.isPresent()) {
                String text = number + input.substring(pos, end);
                skipTo(end);
                return new Token(TokenKind.DURATION, text, nanos.getAsLong(), 0, startColumn);
            }
        }
        end = pos;
        while (end < input.length() && !Character.isWhitespace(input.charAt(end)) && (isDigit(input.charAt(end))
                || "BikKMGTP.".indexOf(input.charAt(end)) >= 0)) {
            end++;
        }
        if (end > pos) {
            String text = number + input.substring(pos, end);
            try {
                long bytes = Durations.parseBytes(text);
                skipTo(end);
                return new Token(TokenKind.BYTES, text, bytes, 0, startColumn);
            } catch (IllegalArgumentException e) {
                // not a size: the number stands alone
            }
        }
        return null;
    }

    /** {@code --strict} and {@code --keep-empty}, or a negative duration such as {@code -5m}; null for a minus. */
    private @Nullable Token minus(int startColumn) {
        int end = pos + 1;
        if (end < input.length() && input.charAt(end) == '-') {
            int flagEnd = end;
            while (flagEnd < input.length() && (Character.isLetter(input.charAt(flagEnd)) || input.charAt(flagEnd) == '-')) {
                flagEnd++;
            }
            String flag = input.substring(pos, flagEnd);
            if (flag.equals("--strict") || flag.equals("--keep-empty")) {
                skipTo(flagEnd);
                return new Token(TokenKind.FUNCTION_FLAG, flag, 0, 0, startColumn);
            }
        }
        while (end < input.length() && !Character.isWhitespace(input.charAt(end)) && (isDigit(input.charAt(end))
                || "numµμshdwy.".indexOf(input.charAt(end)) >= 0)) {
            end++;
        }
        if (end > pos + 1) {
            String text = input.substring(pos, end);
            OptionalLong nanos = Durations.parseLogql(text);
            if (nanos.isPresent()) {
                skipTo(end);
                return new Token(TokenKind.DURATION, text, nanos.getAsLong(), 0, startColumn);
            }
        }
        return null;
    }

    private Token range(int startColumn) {
        advance();
        int start = pos;
        while (pos < input.length() && input.charAt(pos) != ']') {
            advance();
        }
        if (pos >= input.length()) {
            throw new LogqlParseException("missing closing ']' in duration", 0, startColumn);
        }
        String text = input.substring(start, pos);
        advance();
        try {
            return new Token(TokenKind.RANGE, text, Durations.parsePrometheus(text), 0, startColumn);
        } catch (IllegalArgumentException e) {
            throw new LogqlParseException(e.getMessage(), 0, startColumn);
        }
    }

    private Token quoted(int startLine, int startColumn) {
        advance();
        int start = pos;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new LogqlParseException("literal not terminated", startLine, startColumn);
            }
            char c = input.charAt(pos);
            if (c == '"') {
                break;
            }
            advance();
            if (c == '\\' && pos < input.length() && input.charAt(pos) != '\n') {
                advance();
            }
        }
        String body = input.substring(start, pos);
        advance();
        try {
            return new Token(TokenKind.STRING, GoStrings.unescape(body), 0, startLine, startColumn);
        } catch (IllegalArgumentException e) {
            throw new LogqlParseException(e.getMessage(), startLine, startColumn);
        }
    }

    private Token raw(int startLine, int startColumn) {
        advance();
        int start = pos;
        while (pos < input.length() && input.charAt(pos) != '`') {
            advance();
        }
        if (pos >= input.length()) {
            throw new LogqlParseException("literal not terminated", startLine, startColumn);
        }
        String body = input.substring(start, pos);
        advance();
        return new Token(TokenKind.STRING, body, 0, startLine, startColumn);
    }

    private void skipSpaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '#') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < input.length() && Character.isWhitespace(input.charAt(i))) {
            i++;
        }
        return i;
    }

    private void skipTo(int end) {
        while (pos < end) {
            advance();
        }
    }

    private void advance() {
        char c = input.charAt(pos++);
        if (c == '\n') {
            line++;
            column = 0;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
