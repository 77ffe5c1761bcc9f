package dev.vigil.metrics.promql.parser;

import org.jspecify.annotations.Nullable;

/**
 * Splits PromQL text into tokens, one at a time, on the parser's demand. It follows the states of
 * Prometheus's lexer, because they decide what is a token where: inside braces keywords are plain names,
 * inside brackets only durations and their arithmetic are read, and a lexing error is reported at the start
 * of the token being read.
 *
 * <p>An error does not throw: it becomes an {@link TokenType#ERROR} token carrying the message, so that the
 * parser reports it only when it looks at that token, after any error found in what came before.
 *
 * <p>Not thread-safe; one instance reads one expression.
 */
final class Lexer {

    private static final int END_OF_INPUT = -1;

    private final String input;
    private final int length;

    private int pos;
    private int start;
    private int width;

    private boolean finished;
    private boolean durationMode;
    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean gotColon;
    private boolean gotDuration;
    private int stringQuote;

    private TokenType type = TokenType.EOF;
    private int tokenStart;
    private int tokenEnd;
    private String errorMessage = "";

    Lexer(String input) {
        this.input = input;
        this.length = input.length();
    }

    /** The kind of the current token. */
    TokenType type() {
        return type;
    }

    /** Where the current token starts. */
    int tokenStart() {
        return tokenStart;
    }

    /** Where the current token ends (exclusive); for an error, the end of the input. */
    int tokenEnd() {
        return tokenEnd;
    }

    /** The message of an {@link TokenType#ERROR} token. */
    String errorMessage() {
        return errorMessage;
    }

    /** Reads the next token. */
    void next() {
        while (!finished) {
            boolean emitted;
            if (durationMode) {
                emitted = lexDuration();
            } else if (braceOpen) {
                emitted = lexInsideBraces();
            } else {
                emitted = lexStatement();
            }
            if (emitted) {
                return;
            }
        }
        type = TokenType.EOF;
        tokenStart = start;
        tokenEnd = start;
    }

    private boolean lexStatement() {
        if (skipComment()) {
            return false;
        }
        int r = read();
        if (r == END_OF_INPUT) {
            if (parenDepth != 0) {
                return error("unclosed left parenthesis");
            }
            if (bracketOpen) {
                return error("unclosed left bracket");
            }
            finished = true;
            return emit(TokenType.EOF);
        }
        switch (r) {
            case ',':
                return emit(TokenType.COMMA);
            case '*':
                return emit(TokenType.MUL);
            case '/':
                return emit(TokenType.DIV);
            case '%':
                return emit(TokenType.MOD);
            case '+':
                return emit(TokenType.ADD);
            case '-':
                return emit(TokenType.SUB);
            case '^':
                return emit(TokenType.POW);
            case '@':
                return emit(TokenType.AT);
            case '=':
                if (peek() == '=') {
                    read();
                    return emit(TokenType.EQLC);
                }
                if (peek() == '~') {
                    return error("unexpected character after '=': " + GoText.quoteRune('~'));
                }
                return emit(TokenType.EQL);
            case '!': {
                int t = read();
                if (t != '=') {
                    return error("unexpected character after '!': " + GoText.quoteRune(t));
                }
                return emit(TokenType.NEQ);
            }
            case '<':
                return emitComparison(TokenType.LSS, TokenType.LTE);
            case '>':
                return emitComparison(TokenType.GTR, TokenType.GTE);
            case '"':
            case '\'':
                stringQuote = r;
                return lexString();
            case '`':
                return lexRawString();
            case '(':
                emit(TokenType.LEFT_PAREN);
                parenDepth++;
                return true;
            case ')':
                emit(TokenType.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right parenthesis " + GoText.quoteRune(')'));
                }
                return true;
            case '{':
                emit(TokenType.LEFT_BRACE);
                braceOpen = true;
                return true;
            case '[':
                if (bracketOpen) {
                    return error("unexpected left bracket " + GoText.quoteRune('['));
                }
                gotColon = false;
                emit(TokenType.LEFT_BRACKET);
                skipSpaces();
                bracketOpen = true;
                durationMode = true;
                return true;
            case ']':
                if (!bracketOpen) {
                    return error("unexpected right bracket " + GoText.quoteRune(']'));
                }
                bracketOpen = false;
                return emit(TokenType.RIGHT_BRACKET);
            default:
                break;
        }
        if (isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (isDigit(r) || (r == '.' && isDigit(peek()))) {
            backup();
            return lexNumberOrDuration();
        }
        if (isAlpha(r) || r == ':') {
            if (!bracketOpen) {
                backup();
                return lexKeywordOrIdentifier();
            }
            return lexWordInBrackets(r);
        }
        return error("unexpected character: " + GoText.quoteRune(r));
    }

    /** After a duration inside brackets the lexer is back in its main state, where only a few words are read. */
    private boolean lexWordInBrackets(int r) {
        if (r == ':') {
            if (gotColon) {
                return error("unexpected colon " + GoText.quoteRune(':'));
            }
            if (peek() == ':') {
                read();
                emit(TokenType.DOUBLE_COLON);
            } else {
                emit(TokenType.COLON);
            }
            gotColon = true;
            return true;
        }
        if ((r == 's' || r == 'S' || r == 'm' || r == 'M') && scanDurationKeyword()) {
            return true;
        }
        return error("unexpected character: " + GoText.quoteRune(r) + ", expected " + GoText.quoteRune(':'));
    }

    private boolean lexInsideBraces() {
        if (skipComment()) {
            return false;
        }
        int r = read();
        if (r == END_OF_INPUT) {
            return error("unexpected end of input inside braces");
        }
        if (isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (isAlpha(r)) {
            while (isAlphaNumeric(read())) {
                // absorb the name
            }
            backup();
            return emit(TokenType.IDENTIFIER);
        }
        switch (r) {
            case ',':
                return emit(TokenType.COMMA);
            case '"':
            case '\'':
                stringQuote = r;
                return lexString();
            case '`':
                return lexRawString();
            case '=':
                if (read() == '~') {
                    return emit(TokenType.EQL_REGEX);
                }
                backup();
                return emit(TokenType.EQL);
            case '!': {
                int next = read();
                if (next == '~') {
                    return emit(TokenType.NEQ_REGEX);
                }
                if (next == '=') {
                    return emit(TokenType.NEQ);
                }
                return error("unexpected character after '!' inside braces: " + GoText.quoteRune(next));
            }
            case '{':
                return error("unexpected left brace " + GoText.quoteRune('{'));
            case '}':
                braceOpen = false;
                return emit(TokenType.RIGHT_BRACE);
            default:
                return error("unexpected character inside braces: " + GoText.quoteRune(r));
        }
    }

    /** Right after {@code [}: numbers, durations, their arithmetic, and the words step, range, min and max. */
    private boolean lexDuration() {
        int r = read();
        switch (r) {
            case END_OF_INPUT:
                return error("unexpected end of input in duration expression");
            case ']':
                bracketOpen = false;
                gotColon = false;
                durationMode = false;
                return emit(TokenType.RIGHT_BRACKET);
            case ':':
                emit(TokenType.COLON);
                if (!gotDuration) {
                    return error("unexpected colon before duration in duration expression");
                }
                if (gotColon) {
                    return error("unexpected repeated colon in duration expression");
                }
                gotColon = true;
                return true;
            case '(':
                parenDepth++;
                return emit(TokenType.LEFT_PAREN);
            case ')':
                emit(TokenType.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right parenthesis " + GoText.quoteRune(')'));
                }
                return true;
            case '+':
                return emit(TokenType.ADD);
            case '-':
                return emit(TokenType.SUB);
            case '*':
                return emit(TokenType.MUL);
            case '/':
                return emit(TokenType.DIV);
            case '%':
                return emit(TokenType.MOD);
            case '^':
                return emit(TokenType.POW);
            case ',':
                return emit(TokenType.COMMA);
            case 's', 'S', 'm', 'M', 'r', 'R':
                if (scanDurationKeyword()) {
                    return true;
                }
                return error("unexpected character in duration expression: " + GoText.quoteRune(r));
            default:
                break;
        }
        if (isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (isDigit(r) || (r == '.' && isDigit(peek()))) {
            backup();
            gotDuration = true;
            durationMode = false;
            return lexNumberOrDuration();
        }
        return error("unexpected character in duration expression: " + GoText.quoteRune(r));
    }

    private boolean scanDurationKeyword() {
        while (isAlpha(read())) {
            // absorb the word
        }
        backup();
        TokenType keyword = TokenType.keyword(input.substring(start, pos));
        if (keyword == TokenType.STEP || keyword == TokenType.RANGE || keyword == TokenType.MIN
                || keyword == TokenType.MAX) {
            return emit(keyword);
        }
        return false;
    }

    private boolean lexKeywordOrIdentifier() {
        boolean colon = false;
        int r;
        while (isAlphaNumeric(r = read()) || r == ':') {
            colon |= r == ':';
        }
        backup();
        // Most metric names are longer than any keyword, and need no look-up.
        TokenType keyword = pos - start > TokenType.LONGEST_KEYWORD ? null : TokenType.keyword(input.substring(start, pos));
        if (keyword != null) {
            return emit(keyword);
        }
        return emit(colon ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER);
    }

    private boolean lexString() {
        while (true) {
            int r = read();
            if (r == '\\') {
                String problem = scanEscape();
                if (problem != null) {
                    return error(problem);
                }
            } else if (r == 0xFFFD) {
                return error("invalid UTF-8 rune");
            } else if (r == END_OF_INPUT || r == '\n') {
                return error("unterminated quoted string");
            } else if (r == stringQuote) {
                return emit(TokenType.STRING);
            }
        }
    }

    private boolean lexRawString() {
        while (true) {
            int r = read();
            if (r == 0xFFFD) {
                return error("invalid UTF-8 rune");
            } else if (r == END_OF_INPUT) {
                return error("unterminated raw string");
            } else if (r == '`') {
                return emit(TokenType.STRING);
            }
        }
    }

    /** Checks one escape sequence after its backslash; returns what is wrong with it, or null. */
    private @Nullable String scanEscape() {
        int ch = read();
        int digits;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
                return null;
            case '0', '1', '2', '3', '4', '5', '6', '7':
                digits = 3;
                base = 8;
                max = 255;
                break;
            case 'x':
                ch = read();
                digits = 2;
                base = 16;
                max = 255;
                break;
            case 'u':
                ch = read();
                digits = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case 'U':
                ch = read();
                digits = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case END_OF_INPUT:
                return "escape sequence not terminated";
            default:
                if (ch == stringQuote) {
                    return null;
                }
                return "unknown escape sequence " + GoText.unicode(ch);
        }
        long value = 0;
        while (true) {
            int d = ch >= 0 && ch < 128 ? Character.digit(ch, 16) : -1;
            if (d < 0 || d >= base) {
                if (ch == END_OF_INPUT) {
                    return "escape sequence not terminated";
                }
                return "illegal character " + GoText.unicode(ch) + " in escape sequence";
            }
            value = value * base + d;
            if (--digits == 0) {
                break;
            }
            ch = read();
        }
        if (value > max || (value >= 0xD800 && value < 0xE000)) {
            return "escape sequence is an invalid Unicode code point";
        }
        return null;
    }

    private boolean lexNumberOrDuration() {
        if (scanNumber()) {
            return emit(TokenType.NUMBER);
        }
        if (acceptRemainingDuration()) {
            backup();
            return emit(TokenType.DURATION);
        }
        return error("bad number or duration syntax: " + GoText.quote(input.substring(start, pos)));
    }

    /** Reads what may be a number; the parser finds out whether it is one Go can read. */
    private boolean scanNumber() {
        int initial = pos;
        boolean hex = false;
        if (accept('0') && (accept('x') || accept('X'))) {
            accept('_');
            hex = true;
        }
        accept('.');
        acceptDigit(hex);
        boolean dot = false;
        boolean exponent = false;
        while (true) {
            int r = peek();
            boolean isExponent = r == 'e' || r == 'E';
            if (!(isNumberDigit(r, hex) || r == '.' || r == '_' || isExponent)) {
                break;
            }
            if (r == '.' && dot) {
                read();
                return false;
            }
            if (isExponent && exponent) {
                read();
                return false;
            }
            if (accept('.')) {
                dot = true;
                if (accept('_') || accept('.') || hex) {
                    return false;
                }
                continue;
            }
            if (accept('e') || accept('E')) {
                exponent = true;
                if (!accept('+')) {
                    accept('-');
                }
                if (acceptNumberStop() || peek() == END_OF_INPUT) {
                    return false;
                }
                continue;
            }
            if (accept('_')) {
                if (acceptNumberStop() || peek() == END_OF_INPUT) {
                    return false;
                }
                continue;
            }
            while (isNumberDigit(peek(), hex)) {
                read();
            }
        }
        return pos != initial && !isAlphaNumeric(peek());
    }

    private boolean acceptNumberStop() {
        int r = peek();
        if (r == '.' || r == '_' || r == 'e' || r == 'E') {
            read();
            return true;
        }
        return false;
    }

    /** After the digits of a duration: units, and more digits with units, up to a character that ends a name. */
    private boolean acceptRemainingDuration() {
        if (!acceptUnit(true)) {
            return false;
        }
        accept('s');
        while (acceptDigit(false)) {
            while (acceptDigit(false)) {
                // absorb the digits
            }
            if (!acceptUnit(false)) {
                return false;
            }
            accept('s');
        }
        return !isAlphaNumeric(read());
    }

    private boolean acceptUnit(boolean allowYears) {
        int r = peek();
        if (r == 's' || r == 'm' || r == 'h' || r == 'd' || r == 'w' || (allowYears && r == 'y')) {
            read();
            return true;
        }
        return false;
    }

    private boolean acceptDigit(boolean hex) {
        if (isNumberDigit(peek(), hex)) {
            read();
            return true;
        }
        return false;
    }

    private boolean emitComparison(TokenType alone, TokenType withEquals) {
        if (peek() == '=') {
            read();
            return emit(withEquals);
        }
        return emit(alone);
    }

    private boolean skipComment() {
        if (pos < length && input.charAt(pos) == '#') {
            while (pos < length && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
                pos++;
            }
            start = pos;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (isSpace(peek())) {
            read();
        }
        start = pos;
    }

    private boolean emit(TokenType t) {
        type = t;
        tokenStart = start;
        tokenEnd = pos;
        start = pos;
        return true;
    }

    private boolean error(String message) {
        type = TokenType.ERROR;
        errorMessage = message;
        tokenStart = start;
        tokenEnd = length;
        finished = true;
        return true;
    }

    private int read() {
        if (pos >= length) {
            width = 0;
            return END_OF_INPUT;
        }
        int cp = input.codePointAt(pos);
        width = Character.charCount(cp);
        pos += width;
        return cp;
    }

    private int peek() {
        if (pos >= length) {
            return END_OF_INPUT;
        }
        return input.codePointAt(pos);
    }

    private void backup() {
        pos -= width;
    }

    private boolean accept(char c) {
        if (peek() == c) {
            read();
            return true;
        }
        return false;
    }

    private static boolean isNumberDigit(int r, boolean hex) {
        return isDigit(r) || (hex && ((r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')));
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\r';
    }

    private static boolean isDigit(int r) {
        return r >= '0' && r <= '9';
    }

    private static boolean isAlpha(int r) {
        return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    }

    private static boolean isAlphaNumeric(int r) {
        return isAlpha(r) || isDigit(r);
    }
}
