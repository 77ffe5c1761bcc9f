package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into {@link Token}s the way Go's text/template lexer does, including its trim markers
 * ({@code {{- } and {@code -}}}), comments and error messages. The list ends with an {@link TokenType#EOF} or, at
 * the first malformed item, an {@link TokenType#ERROR}. Not thread-safe; one instance per text.
 */
final class Lexer {

    private static final int EOF = -1;
    private static final String LEFT_DELIM = "{{";
    private static final String RIGHT_DELIM = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final int TRIM_MARKER_LENGTH = 2;
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry(".", TokenType.DOT), Map.entry("block", TokenType.BLOCK), Map.entry("break", TokenType.BREAK),
            Map.entry("continue", TokenType.CONTINUE), Map.entry("define", TokenType.DEFINE),
            Map.entry("else", TokenType.ELSE), Map.entry("end", TokenType.END), Map.entry("if", TokenType.IF),
            Map.entry("range", TokenType.RANGE), Map.entry("nil", TokenType.NIL),
            Map.entry("template", TokenType.TEMPLATE), Map.entry("with", TokenType.WITH));

    private enum State { TEXT, LEFT_DELIM, COMMENT, RIGHT_DELIM, INSIDE_ACTION, SPACE, QUOTE, RAW_QUOTE, CHAR, VARIABLE,
        FIELD, NUMBER, IDENTIFIER }

    private final String input;
    private final int[] lineStarts;
    private final List<Token> items = new ArrayList<>();
    private int pos;
    private int start;
    private boolean atEof;
    private int parenDepth;

    private Lexer(String input) {
        this.input = input;
        this.lineStarts = lineStarts(input);
    }

    /** The items of {@code input}. */
    static List<Token> lex(String input) {
        Lexer lexer = new Lexer(input);
        State state = State.TEXT;
        while (state != null) {
            state = lexer.step(state);
        }
        return lexer.items;
    }

    /** The line, counting from 1, of the character at {@code index}. */
    static int lineOf(int[] lineStarts, int index) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Where each line of {@code text} starts. */
    static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private State step(State state) {
        return switch (state) {
            case TEXT -> lexText();
            case LEFT_DELIM -> lexLeftDelim();
            case COMMENT -> lexComment();
            case RIGHT_DELIM -> lexRightDelim();
            case INSIDE_ACTION -> lexInsideAction();
            case SPACE -> lexSpace();
            case QUOTE -> lexQuote();
            case RAW_QUOTE -> lexRawQuote();
            case CHAR -> lexChar();
            case VARIABLE -> atTerminator() ? emit(TokenType.VARIABLE) : lexFieldOrVariable(TokenType.VARIABLE);
            case FIELD -> lexFieldOrVariable(TokenType.FIELD);
            case NUMBER -> lexNumber();
            case IDENTIFIER -> lexIdentifier();
        };
    }

    private State lexText() {
        int x = input.indexOf(LEFT_DELIM, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                if (hasLeftTrimMarker(pos + LEFT_DELIM.length())) {
                    trimLength = rightTrimLength(start, pos);
                }
                pos -= trimLength;
                int textStart = start;
                String text = input.substring(start, pos);
                pos += trimLength;
                start = pos;
                if (!text.isEmpty()) {
                    items.add(new Token(TokenType.TEXT, textStart, text, line(textStart)));
                }
            }
            return State.LEFT_DELIM;
        }
        pos = input.length();
        if (pos > start) {
            emit(TokenType.TEXT);
        }
        emit(TokenType.EOF);
        return null;
    }

    private State lexLeftDelim() {
        pos += LEFT_DELIM.length();
        boolean trim = hasLeftTrimMarker(pos);
        int afterMarker = trim ? TRIM_MARKER_LENGTH : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return State.COMMENT;
        }
        Token delim = new Token(TokenType.LEFT_DELIM, start, input.substring(start, pos), line(start));
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        items.add(delim);
        return State.INSIDE_ACTION;
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        int delim = atRightDelim();
        if (delim == 0) {
            return errorf("comment ends before closing delimiter");
        }
        if (delim == 2) {
            pos += TRIM_MARKER_LENGTH;
        }
        pos += RIGHT_DELIM.length();
        if (delim == 2) {
            pos += leftTrimLength(pos);
        }
        start = pos;
        return State.TEXT;
    }

    private State lexRightDelim() {
        boolean trim = atRightDelim() == 2;
        if (trim) {
            pos += TRIM_MARKER_LENGTH;
            start = pos;
        }
        pos += RIGHT_DELIM.length();
        emit(TokenType.RIGHT_DELIM);
        if (trim) {
            pos += leftTrimLength(pos);
            start = pos;
        }
        return State.TEXT;
    }

    private State lexInsideAction() {
        if (atRightDelim() != 0) {
            if (parenDepth == 0) {
                return State.RIGHT_DELIM;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return State.SPACE;
        }
        switch (r) {
            case '=':
                return emit(TokenType.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return emit(TokenType.DECLARE);
            case '|':
                return emit(TokenType.PIPE);
            case '"':
                return State.QUOTE;
            case '`':
                return State.RAW_QUOTE;
            case '$':
                return State.VARIABLE;
            case '\'':
                return State.CHAR;
            case '(':
                parenDepth++;
                return emit(TokenType.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return emit(TokenType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.') {
            // ".field" unless a digit follows, which makes a number such as .5.
            if (pos < input.length()) {
                char c = input.charAt(pos);
                if (c < '0' || c > '9') {
                    return State.FIELD;
                }
            }
            backup();
            return State.NUMBER;
        }
        if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return State.NUMBER;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return State.IDENTIFIER;
        }
        if (r <= 0x7f && GoText.isPrint(r)) {
            return emit(TokenType.CHAR);
        }
        return errorf("unrecognized character in action: " + GoText.unicodeName(r));
    }

    private State lexSpace() {
        int spaces = 0;
        while (isSpace(peek())) {
            next();
            spaces++;
        }
        // A space followed by "-}}" belongs to the closing delimiter.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LENGTH)) {
            backup();
            if (spaces == 1) {
                return State.INSIDE_ACTION;
            }
        }
        return emit(TokenType.SPACE);
    }

    private State lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int escaped = next();
                if (escaped != EOF && escaped != '\n') {
                    continue;
                }
                return errorf("unterminated quoted string");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                return emit(TokenType.STRING);
            }
        }
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(TokenType.RAW_STRING);
            }
        }
    }

    private State lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int escaped = next();
                if (escaped != EOF && escaped != '\n') {
                    continue;
                }
                return errorf("unterminated character constant");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                return emit(TokenType.CHAR_CONSTANT);
            }
        }
    }

    private State lexFieldOrVariable(TokenType type) {
        if (atTerminator()) {
            return emit(type == TokenType.VARIABLE ? TokenType.VARIABLE : TokenType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + GoText.unicodeName(r));
        }
        return emit(type);
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + GoText.unicodeName(r));
            }
            TokenType keyword = KEYWORDS.get(word);
            if (keyword != null) {
                return emit(keyword);
            }
            if (word.equals("true") || word.equals("false")) {
                return emit(TokenType.BOOL);
            }
            return emit(TokenType.IDENTIFIER);
        }
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoText.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            // A complex constant such as 1+2i: no spaces, ends in 'i'.
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoText.quote(input.substring(start, pos)));
            }
            return emit(TokenType.COMPLEX);
        }
        return emit(TokenType.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (true) {
            int r = next();
            if (r == EOF || valid.indexOf(r) < 0) {
                backup();
                return;
            }
        }
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        return switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(' -> true;
            default -> input.startsWith(RIGHT_DELIM, pos);
        };
    }

    /** 0: no closing delimiter here; 1: "}}"; 2: " -}}". */
    private int atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LENGTH)) {
            return 2;
        }
        return input.startsWith(RIGHT_DELIM, pos) ? 1 : 0;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) {
            i--;
        }
        return to - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private int next() {
        if (pos >= input.length()) {
            atEof = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        return r;
    }

    private void backup() {
        if (!atEof && pos > 0) {
            pos -= Character.charCount(input.codePointBefore(pos));
        }
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private State emit(TokenType type) {
        items.add(new Token(type, start, input.substring(start, pos), line(start)));
        start = pos;
        return type == TokenType.EOF ? null : State.INSIDE_ACTION;
    }

    private State errorf(String message) {
        items.add(new Token(TokenType.ERROR, start, message, line(start)));
        return null;
    }

    private int line(int index) {
        return lineOf(lineStarts, index);
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }
}
