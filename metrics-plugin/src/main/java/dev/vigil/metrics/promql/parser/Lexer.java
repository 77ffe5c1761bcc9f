package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.text.GoStrings;

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

    private final CharCursor in;
    private final int length;

    private int start;

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
        this.in = new CharCursor(input);
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
        int r = in.read();
        if (r == CharCursor.END) {
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
                if (in.peek() == '=') {
                    in.read();
                    return emit(TokenType.EQLC);
                }
                if (in.peek() == '~') {
                    return error("unexpected character after '=': " + GoStrings.quoteRune('~'));
                }
                return emit(TokenType.EQL);
            case '!': {
                int t = in.read();
                if (t != '=') {
                    return error("unexpected character after '!': " + GoStrings.quoteRune(t));
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
                    return error("unexpected right parenthesis " + GoStrings.quoteRune(')'));
                }
                return true;
            case '{':
                emit(TokenType.LEFT_BRACE);
                braceOpen = true;
                return true;
            case '[':
                if (bracketOpen) {
                    return error("unexpected left bracket " + GoStrings.quoteRune('['));
                }
                gotColon = false;
                emit(TokenType.LEFT_BRACKET);
                skipSpaces();
                bracketOpen = true;
                durationMode = true;
                return true;
            case ']':
                if (!bracketOpen) {
                    return error("unexpected right bracket " + GoStrings.quoteRune(']'));
                }
                bracketOpen = false;
                return emit(TokenType.RIGHT_BRACKET);
            default:
                break;
        }
        if (CharCursor.isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (CharCursor.isDigit(r) || (r == '.' && CharCursor.isDigit(in.peek()))) {
            in.backup();
            return lexNumberOrDuration();
        }
        if (CharCursor.isAlpha(r) || r == ':') {
            if (!bracketOpen) {
                in.backup();
                return lexKeywordOrIdentifier();
            }
            return lexWordInBrackets(r);
        }
        return error("unexpected character: " + GoStrings.quoteRune(r));
    }

    /** After a duration inside brackets the lexer is back in its main state, where only a few words are read. */
    private boolean lexWordInBrackets(int r) {
        if (r == ':') {
            if (gotColon) {
                return error("unexpected colon " + GoStrings.quoteRune(':'));
            }
            if (in.peek() == ':') {
                in.read();
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
        return error("unexpected character: " + GoStrings.quoteRune(r) + ", expected " + GoStrings.quoteRune(':'));
    }

    private boolean lexInsideBraces() {
        if (skipComment()) {
            return false;
        }
        int r = in.read();
        if (r == CharCursor.END) {
            return error("unexpected end of input inside braces");
        }
        if (CharCursor.isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (CharCursor.isAlpha(r)) {
            while (CharCursor.isAlphaNumeric(in.read())) {
                // absorb the name
            }
            in.backup();
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
                if (in.read() == '~') {
                    return emit(TokenType.EQL_REGEX);
                }
                in.backup();
                return emit(TokenType.EQL);
            case '!': {
                int next = in.read();
                if (next == '~') {
                    return emit(TokenType.NEQ_REGEX);
                }
                if (next == '=') {
                    return emit(TokenType.NEQ);
                }
                return error("unexpected character after '!' inside braces: " + GoStrings.quoteRune(next));
            }
            case '{':
                return error("unexpected left brace " + GoStrings.quoteRune('{'));
            case '}':
                braceOpen = false;
                return emit(TokenType.RIGHT_BRACE);
            default:
                return error("unexpected character inside braces: " + GoStrings.quoteRune(r));
        }
    }

    /** Right after {@code [}: numbers, durations, their arithmetic, and the words step, range, min and max. */
    private boolean lexDuration() {
        int r = in.read();
        switch (r) {
            case CharCursor.END:
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
                    return error("unexpected right parenthesis " + GoStrings.quoteRune(')'));
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
                return error("unexpected character in duration expression: " + GoStrings.quoteRune(r));
            default:
                break;
        }
        if (CharCursor.isSpace(r)) {
            skipSpaces();
            return false;
        }
        if (CharCursor.isDigit(r) || (r == '.' && CharCursor.isDigit(in.peek()))) {
            in.backup();
            gotDuration = true;
            durationMode = false;
            return lexNumberOrDuration();
        }
        return error("unexpected character in duration expression: " + GoStrings.quoteRune(r));
    }

    private boolean scanDurationKeyword() {
        while (CharCursor.isAlpha(in.read())) {
            // absorb the word
        }
        in.backup();
        TokenType keyword = TokenType.keyword(in.textFrom(start));
        if (keyword == TokenType.STEP || keyword == TokenType.RANGE || keyword == TokenType.MIN
                || keyword == TokenType.MAX) {
            return emit(keyword);
        }
        return false;
    }

    private boolean lexKeywordOrIdentifier() {
        boolean colon = false;
        int r;
        while (CharCursor.isAlphaNumeric(r = in.read()) || r == ':') {
            colon |= r == ':';
        }
        in.backup();
        // Most metric names are longer than any keyword, and need no look-up.
        TokenType keyword = in.pos() - start > TokenType.LONGEST_KEYWORD ? null : TokenType.keyword(in.textFrom(start));
        if (keyword != null) {
            return emit(keyword);
        }
        return emit(colon ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER);
    }

    private boolean lexString() {
        while (true) {
            int r = in.read();
            if (r == '\\') {
                String problem = LiteralScanner.scanEscape(in, stringQuote);
                if (problem != null) {
                    return error(problem);
                }
            } else if (r == 0xFFFD) {
                return error("invalid UTF-8 rune");
            } else if (r == CharCursor.END || r == '\n') {
                return error("unterminated quoted string");
            } else if (r == stringQuote) {
                return emit(TokenType.STRING);
            }
        }
    }

    private boolean lexRawString() {
        while (true) {
            int r = in.read();
            if (r == 0xFFFD) {
                return error("invalid UTF-8 rune");
            } else if (r == CharCursor.END) {
                return error("unterminated raw string");
            } else if (r == '`') {
                return emit(TokenType.STRING);
            }
        }
    }

    private boolean lexNumberOrDuration() {
        if (LiteralScanner.scanNumber(in)) {
            return emit(TokenType.NUMBER);
        }
        if (LiteralScanner.acceptRemainingDuration(in)) {
            in.backup();
            return emit(TokenType.DURATION);
        }
        return error("bad number or duration syntax: " + GoStrings.quote(in.textFrom(start)));
    }

    private boolean emitComparison(TokenType alone, TokenType withEquals) {
        if (in.peek() == '=') {
            in.read();
            return emit(withEquals);
        }
        return emit(alone);
    }

    private boolean skipComment() {
        if (in.skipComment()) {
            start = in.pos();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (CharCursor.isSpace(in.peek())) {
            in.read();
        }
        start = in.pos();
    }

    private boolean emit(TokenType t) {
        type = t;
        tokenStart = start;
        tokenEnd = in.pos();
        start = in.pos();
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
}
