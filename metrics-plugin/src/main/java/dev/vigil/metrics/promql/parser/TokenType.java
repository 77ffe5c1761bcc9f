package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.BinaryOp;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of token the lexer produces. The kind decides how a token is named in an {@code unexpected ...}
 * message, which follows Prometheus: {@code <op:*>} for operators, {@code <aggr:sum>} for aggregators,
 * {@code <by>} for keywords, {@code identifier "foo"} for names and {@code "("} for punctuation.
 */
enum TokenType {
    EOF(Kind.END),
    ERROR(Kind.END),
    IDENTIFIER(Kind.NAMED, "identifier"),
    METRIC_IDENTIFIER(Kind.NAMED, "metric identifier"),
    NUMBER(Kind.NAMED, "number"),
    DURATION(Kind.NAMED, "duration"),
    STRING(Kind.NAMED, "string"),

    LEFT_PAREN(Kind.PUNCTUATION),
    RIGHT_PAREN(Kind.PUNCTUATION),
    LEFT_BRACE(Kind.PUNCTUATION),
    RIGHT_BRACE(Kind.PUNCTUATION),
    LEFT_BRACKET(Kind.PUNCTUATION),
    RIGHT_BRACKET(Kind.PUNCTUATION),
    COMMA(Kind.PUNCTUATION),
    EQL(Kind.PUNCTUATION),
    COLON(Kind.PUNCTUATION),
    DOUBLE_COLON(Kind.PUNCTUATION),

    ADD(Kind.OPERATOR),
    SUB(Kind.OPERATOR),
    MUL(Kind.OPERATOR),
    DIV(Kind.OPERATOR),
    MOD(Kind.OPERATOR),
    POW(Kind.OPERATOR),
    EQLC(Kind.OPERATOR),
    NEQ(Kind.OPERATOR),
    LTE(Kind.OPERATOR),
    LSS(Kind.OPERATOR),
    GTE(Kind.OPERATOR),
    GTR(Kind.OPERATOR),
    EQL_REGEX(Kind.OPERATOR),
    NEQ_REGEX(Kind.OPERATOR),
    AT(Kind.OPERATOR),
    LAND(Kind.OPERATOR, "and"),
    LOR(Kind.OPERATOR, "or"),
    LUNLESS(Kind.OPERATOR, "unless"),
    ATAN2(Kind.OPERATOR, "atan2"),

    SUM(Kind.AGGREGATOR, "sum"),
    AVG(Kind.AGGREGATOR, "avg"),
    COUNT(Kind.AGGREGATOR, "count"),
    MIN(Kind.AGGREGATOR, "min"),
    MAX(Kind.AGGREGATOR, "max"),
    GROUP(Kind.AGGREGATOR, "group"),
    STDDEV(Kind.AGGREGATOR, "stddev"),
    STDVAR(Kind.AGGREGATOR, "stdvar"),
    TOPK(Kind.AGGREGATOR, "topk"),
    BOTTOMK(Kind.AGGREGATOR, "bottomk"),
    COUNT_VALUES(Kind.AGGREGATOR, "count_values"),
    QUANTILE(Kind.AGGREGATOR, "quantile"),
    LIMITK(Kind.AGGREGATOR, "limitk"),
    LIMIT_RATIO(Kind.AGGREGATOR, "limit_ratio"),

    OFFSET(Kind.KEYWORD, "offset"),
    SMOOTHED(Kind.KEYWORD, "smoothed"),
    ANCHORED(Kind.KEYWORD, "anchored"),
    BY(Kind.KEYWORD, "by"),
    WITHOUT(Kind.KEYWORD, "without"),
    ON(Kind.KEYWORD, "on"),
    IGNORING(Kind.KEYWORD, "ignoring"),
    GROUP_LEFT(Kind.KEYWORD, "group_left"),
    GROUP_RIGHT(Kind.KEYWORD, "group_right"),
    BOOL(Kind.KEYWORD, "bool"),

    // The words that name a point of the query range; as functions they are written start() and so on.
    START(Kind.PUNCTUATION, "start"),
    END(Kind.PUNCTUATION, "end"),
    STEP(Kind.PUNCTUATION, "step"),
    RANGE(Kind.PUNCTUATION, "range");

    /** How Prometheus names a token of a kind in its messages. */
    enum Kind {
        END,
        NAMED,
        PUNCTUATION,
        OPERATOR,
        AGGREGATOR,
        KEYWORD
    }

    private static final Map<String, TokenType> KEYWORDS = keywords();

    /** The length of the longest keyword; a longer word is always a name. */
    static final int LONGEST_KEYWORD = "count_values".length();

    private final Kind kind;
    private final @Nullable String word;

    TokenType(Kind kind) {
        this(kind, null);
    }

    TokenType(Kind kind, @Nullable String word) {
        this.kind = kind;
        this.word = word;
    }

    Kind kind() {
        return kind;
    }

    /**
     * The keyword token for a word, matched without regard to case, or null for an ordinary name. The words
     * {@code inf} and {@code nan} are numbers.
     */
    static @Nullable TokenType keyword(String word) {
        if (word.length() > LONGEST_KEYWORD) {
            return null;
        }
        TokenType type = KEYWORDS.get(word);
        if (type == null && hasUpperCase(word)) {
            type = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
        }
        return type;
    }

    /** The binary operator this token stands for, or null. */
    @Nullable BinaryOp binaryOp() {
        return switch (this) {
            case LOR -> BinaryOp.OR;
            case LAND -> BinaryOp.AND;
            case LUNLESS -> BinaryOp.UNLESS;
            case EQLC -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.LSS;
            case GTE -> BinaryOp.GTE;
            case GTR -> BinaryOp.GTR;
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case ATAN2 -> BinaryOp.ATAN2;
            case POW -> BinaryOp.POW;
            default -> null;
        };
    }

    /** The aggregation this token stands for, or null. */
    @Nullable AggregateOp aggregateOp() {
        return kind == Kind.AGGREGATOR ? AggregateOp.byKeyword(requireWord()) : null;
    }

    /** Whether the token, where an expression starts, names a metric (Prometheus's {@code metric_identifier}). */
    boolean isMetricName() {
        return switch (this) {
            case IDENTIFIER, METRIC_IDENTIFIER, LAND, LOR, LUNLESS, BY, WITHOUT, OFFSET, SMOOTHED, ANCHORED, START,
                    END, STEP, RANGE -> true;
            default -> kind == Kind.AGGREGATOR;
        };
    }

    /** Whether the token may be a label name in a grouping list (Prometheus's {@code maybe_label}). */
    boolean isGroupingLabel() {
        return isMetricName() || this == BOOL || this == ON || this == IGNORING || this == GROUP_LEFT
                || this == GROUP_RIGHT || this == ATAN2;
    }

    private String requireWord() {
        if (word == null) {
            throw new IllegalStateException(name() + " has no word");
        }
        return word;
    }

    private static boolean hasUpperCase(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static Map<String, TokenType> keywords() {
        Map<String, TokenType> map = new HashMap<>();
        for (TokenType type : values()) {
            if (type.word != null) {
                map.put(type.word, type);
            }
        }
        map.put("inf", NUMBER);
        map.put("nan", NUMBER);
        return Map.copyOf(map);
    }
}
