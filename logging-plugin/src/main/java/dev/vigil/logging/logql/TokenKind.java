package dev.vigil.logging.logql;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of LogQL tokens, in the order Loki's grammar declares them: an error that lists the tokens it expected
 * lists them in this order. Each kind has the name Loki's errors call it by: the text of an operator or keyword
 * ({@code |=}, {@code by}), or an upper-case name for the others ({@code STRING}, {@code RANGE}, {@code SUM}).
 */
enum TokenKind {
    BYTES("BYTES"),
    IDENTIFIER("IDENTIFIER"),
    STRING("STRING"),
    NUMBER("NUMBER"),
    FUNCTION_FLAG("FUNCTION_FLAG"),
    DURATION("DURATION"),
    RANGE("RANGE"),
    EQ("="),
    RE("=~"),
    NRE("!~"),
    NPA("!>"),
    OPEN_BRACE("{"),
    CLOSE_BRACE("}"),
    OPEN_BRACKET("["),
    CLOSE_BRACKET("]"),
    COMMA(","),
    DOT("."),
    PIPE_MATCH("|~"),
    PIPE_EXACT("|="),
    PIPE_PATTERN("|>"),
    OPEN_PARENTHESIS("("),
    CLOSE_PARENTHESIS(")"),
    BY("by"),
    WITHOUT("without"),
    COUNT_OVER_TIME("COUNT_OVER_TIME"),
    RATE("RATE"),
    RATE_COUNTER("RATE_COUNTER"),
    SUM("SUM"),
    SORT("SORT"),
    SORT_DESC("SORT_DESC"),
    AVG("AVG"),
    MAX("MAX"),
    MIN("MIN"),
    COUNT("COUNT"),
    STDDEV("STDDEV"),
    STDVAR("STDVAR"),
    BOTTOMK("BOTTOMK"),
    TOPK("TOPK"),
    APPROX_TOPK("APPROX_TOPK"),
    BYTES_OVER_TIME("BYTES_OVER_TIME"),
    BYTES_RATE("BYTES_RATE"),
    BOOL("bool"),
    JSON("json"),
    XML("xml"),
    REGEXP("regexp"),
    LOGFMT("logfmt"),
    PIPE("|"),
    LINE_FMT("line_format"),
    LABEL_FMT("label_format"),
    UNWRAP("unwrap"),
    AVG_OVER_TIME("AVG_OVER_TIME"),
    SUM_OVER_TIME("SUM_OVER_TIME"),
    MIN_OVER_TIME("MIN_OVER_TIME"),
    MAX_OVER_TIME("MAX_OVER_TIME"),
    STDVAR_OVER_TIME("STDVAR_OVER_TIME"),
    STDDEV_OVER_TIME("STDDEV_OVER_TIME"),
    QUANTILE_OVER_TIME("QUANTILE_OVER_TIME"),
    BYTES_CONV("BYTES_CONV"),
    DURATION_CONV("DURATION_CONV"),
    DURATION_SECONDS_CONV("DURATION_SECONDS_CONV"),
    FIRST_OVER_TIME("FIRST_OVER_TIME"),
    LAST_OVER_TIME("LAST_OVER_TIME"),
    ABSENT_OVER_TIME("ABSENT_OVER_TIME"),
    VECTOR("VECTOR"),
    LABEL_REPLACE("label_replace"),
    UNPACK("unpack"),
    OFFSET("offset"),
    PATTERN("pattern"),
    IP("ip"),
    ON("on"),
    IGNORING("ignoring"),
    GROUP_LEFT("group_left"),
    GROUP_RIGHT("group_right"),
    DECOLORIZE("decolorize"),
    DROP("drop"),
    KEEP("keep"),
    VARIANTS("variants"),
    OF("of"),
    OR("or"),
    AND("and"),
    UNLESS("unless"),
    CMP_EQ("=="),
    NEQ("!="),
    LT("<"),
    LTE("<="),
    GT(">"),
    GTE(">="),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    MOD("%"),
    POW("^"),
    EOF("$end");

    /** Keywords and operators by their text, keywords in lower case. */
    private static final Map<String, TokenKind> BY_TEXT = new TreeMap<>();
    /** The words that are function names when a parenthesis (or {@code by}/{@code without} and one) follows. */
    private static final Map<String, TokenKind> FUNCTIONS = new TreeMap<>();

    static {
        for (TokenKind kind : new TokenKind[] {EQ, RE, NRE, NPA, OPEN_BRACE, CLOSE_BRACE, COMMA, DOT, PIPE_MATCH, PIPE_EXACT,
                PIPE_PATTERN, OPEN_PARENTHESIS, CLOSE_PARENTHESIS, BY, WITHOUT, BOOL, JSON, REGEXP, LOGFMT, PIPE, LINE_FMT,
                LABEL_FMT, UNWRAP, LABEL_REPLACE, UNPACK, OFFSET, PATTERN, IP, ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, DECOLORIZE,
                DROP, KEEP, VARIANTS, OF, OR, AND, UNLESS, CMP_EQ, NEQ, LT, LTE, GT, GTE, ADD, SUB, MUL, DIV, MOD, POW}) {
            BY_TEXT.put(kind.display, kind);
        }
        BY_TEXT.put("[", OPEN_BRACKET);
        BY_TEXT.put("]", CLOSE_BRACKET);
        for (TokenKind kind : new TokenKind[] {COUNT_OVER_TIME, RATE, RATE_COUNTER, SUM, SORT, SORT_DESC, AVG, MAX, MIN, COUNT,
                STDDEV, STDVAR, BOTTOMK, TOPK, APPROX_TOPK, BYTES_OVER_TIME, BYTES_RATE, AVG_OVER_TIME, SUM_OVER_TIME,
                MIN_OVER_TIME, MAX_OVER_TIME, STDVAR_OVER_TIME, STDDEV_OVER_TIME, QUANTILE_OVER_TIME, FIRST_OVER_TIME,
                LAST_OVER_TIME, ABSENT_OVER_TIME, VECTOR}) {
            FUNCTIONS.put(kind.name().toLowerCase(Locale.ROOT), kind);
        }
        FUNCTIONS.put("bytes", BYTES_CONV);
        FUNCTIONS.put("duration", DURATION_CONV);
        FUNCTIONS.put("duration_seconds", DURATION_SECONDS_CONV);
        FUNCTIONS.put("label_replace", LABEL_REPLACE);
        FUNCTIONS.put("ip", IP);
    }

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** The name Loki's syntax errors use for this kind. */
    String display() {
        return display;
    }

    /** The keyword or operator written {@code text} (keywords in any case), or null. */
    static @Nullable TokenKind byText(String text) {
        return BY_TEXT.get(text.toLowerCase(Locale.ROOT));
    }

    /** The function named {@code word} (in any case), or null. */
    static @Nullable TokenKind function(String word) {
        return FUNCTIONS.get(word.toLowerCase(Locale.ROOT));
    }
}
