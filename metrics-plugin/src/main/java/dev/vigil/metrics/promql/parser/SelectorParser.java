package dev.vigil.metrics.promql.parser;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.text.GoFloats;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads vector selectors with their label matchers, and what may follow any operand: a range
 * {@code [5m]}, a subquery {@code [1h:1m]}, {@code offset} and {@code @}. Together with
 * {@link ExprParser} it forms the parser; it never needs to read a whole expression.
 *
 * <p>Not thread-safe; one instance reads one expression.
 */
final class SelectorParser {

    private static final String OFFSET_EXPECTED = "number, duration, step(), or range()";

    private final TokenStream tokens;
    private final Durations durations;

    SelectorParser(TokenStream tokens) {
        this.tokens = tokens;
        this.durations = new Durations(tokens);
    }

    /**
     * Reads the rest of a vector selector: its label matchers when a brace follows.
     *
     * @param name the metric name already read, or null when the selector starts with a brace
     * @param start where the selector starts
     * @param nameEnd where the name ends
     */
    VectorSelector selector(@Nullable String name, int start, int nameEnd) throws PromqlParseException {
        List<LabelMatcher> matchers;
        int end = nameEnd;
        if (tokens.is(TokenType.LEFT_BRACE)) {
            matchers = matchers();
            end = tokens.end();
            tokens.advance();
        } else {
            matchers = new ArrayList<>(1);
        }
        if (name != null) {
            matchers.add(LabelMatcher.metricName(name));
        }
        return new VectorSelector(name, matchers, 0, null, new PositionRange(start, end));
    }

    /** Applies the ranges, subqueries and modifiers written after an operand. */
    Expr postfix(Expr operand) throws PromqlParseException {
        Expr expr = operand;
        while (true) {
            switch (tokens.type()) {
                case LEFT_BRACKET -> expr = rangeOrSubquery(expr);
                case OFFSET -> expr = offset(expr);
                case AT -> expr = at(expr);
                case ANCHORED, SMOOTHED -> throw tokens.error(expr.position(),
                        tokens.text().toLowerCase(Locale.ROOT) + " modifier is experimental and not enabled");
                default -> {
                    return expr;
                }
            }
        }
    }

    /** The matchers between braces; leaves the closing brace as the current token. */
    private List<LabelMatcher> matchers() throws PromqlParseException {
        tokens.advance();
        List<LabelMatcher> matchers = new ArrayList<>(4);
        if (tokens.is(TokenType.RIGHT_BRACE)) {
            return matchers;
        }
        while (true) {
            matchers.add(matcher());
            TokenType next = tokens.type();
            if (next == TokenType.COMMA) {
                tokens.advance();
                if (tokens.is(TokenType.RIGHT_BRACE)) {
                    return matchers;
                }
            } else if (next == TokenType.RIGHT_BRACE) {
                return matchers;
            } else {
                throw tokens.unexpected("label matching", "\",\" or \"}\"");
            }
        }
    }

    private LabelMatcher matcher() throws PromqlParseException {
        TokenType first = tokens.type();
        if (first != TokenType.IDENTIFIER && first != TokenType.STRING) {
            throw tokens.unexpected("label matching", "identifier or \"}\"");
        }
        int nameStart = tokens.start();
        String name = first == TokenType.STRING ? GoStrings.unquote(tokens.text()) : tokens.text();
        tokens.advance();
        LabelMatcher.Type type = matchType(tokens.type());
        if (type == null) {
            if (first == TokenType.STRING) {
                return LabelMatcher.metricName(name);
            }
            throw tokens.unexpected("label matching", "label matching operator");
        }
        tokens.advance();
        if (!tokens.is(TokenType.STRING)) {
            throw tokens.unexpected("label matching", "string");
        }
        String value = GoStrings.unquote(tokens.text());
        try {
            LabelMatcher matcher = LabelMatcher.of(type, name, value);
            tokens.advance();
            return matcher;
        } catch (IllegalArgumentException e) {
            throw tokens.error(nameStart, tokens.end(), regexError(value, e));
        }
    }

    private static LabelMatcher.@Nullable Type matchType(TokenType type) {
        return switch (type) {
            case EQL -> LabelMatcher.Type.EQUAL;
            case NEQ -> LabelMatcher.Type.NOT_EQUAL;
            case EQL_REGEX -> LabelMatcher.Type.REGEX;
            case NEQ_REGEX -> LabelMatcher.Type.NOT_REGEX;
            default -> null;
        };
    }

    private static String regexError(String regex, IllegalArgumentException e) {
        String reason = e.getCause() instanceof PatternSyntaxException syntax
                ? syntax.getDescription()
                : e.getMessage();
        return "error parsing regexp: " + reason + ": `" + regex + "`";
    }

    private Expr rangeOrSubquery(Expr expr) throws PromqlParseException {
        int bracketStart = tokens.start();
        tokens.advance();
        Durations.Literal range = durations.read("subquery or range selector", OFFSET_EXPECTED);
        TokenType next = tokens.type();
        if (next != TokenType.RIGHT_BRACKET && next != TokenType.COLON) {
            throw tokens.unexpected("subquery or range", "\":\" or \"]\"");
        }
        durations.requirePositive(range);
        if (next == TokenType.RIGHT_BRACKET) {
            int end = tokens.end();
            String problem = !(expr instanceof VectorSelector vs) ? "ranges only allowed for vector selectors"
                    : vs.offset() != 0 ? "no offset modifiers allowed before range"
                    : vs.at() != null ? "no @ modifiers allowed before range" : null;
            if (problem != null) {
                throw tokens.error(bracketStart, end, problem);
            }
            VectorSelector selector = (VectorSelector) expr;
            tokens.advance();
            return new MatrixSelector(selector, Literals.secondsToMillis(range.seconds()),
                    new PositionRange(selector.position().start(), end));
        }
        tokens.advance();
        long step = 0;
        if (!tokens.is(TokenType.RIGHT_BRACKET)) {
            Durations.Literal stepLiteral = durations.read("subquery selector",
                    "number, duration, step(), range(), or \"]\"");
            if (!tokens.is(TokenType.RIGHT_BRACKET)) {
                throw tokens.unexpected("subquery selector", "\"]\"");
            }
            durations.requirePositive(stepLiteral);
            step = Literals.secondsToMillis(stepLiteral.seconds());
        }
        int end = tokens.end();
        tokens.advance();
        return new SubqueryExpr(expr, Literals.secondsToMillis(range.seconds()), step, 0, null,
                new PositionRange(expr.position().start(), end));
    }

    private Expr offset(Expr expr) throws PromqlParseException {
        tokens.advance();
        int signStart = tokens.start();
        boolean negative = false;
        boolean signed = false;
        TokenType type = tokens.type();
        while (type == TokenType.ADD || type == TokenType.SUB) {
            negative ^= type == TokenType.SUB;
            signed = true;
            tokens.advance();
            type = tokens.type();
        }
        if (type != TokenType.NUMBER && type != TokenType.DURATION) {
            if (Durations.startsExpression(type)) {
                throw tokens.error(signed ? signStart : tokens.start(), tokens.end(), Durations.NOT_ENABLED);
            }
            throw tokens.unexpected("offset", OFFSET_EXPECTED);
        }
        double seconds = tokens.numberValue();
        if (Math.abs(seconds) > Literals.MAX_DURATION_SECONDS || Double.isNaN(seconds)) {
            throw tokens.error(signed ? signStart : tokens.start(), tokens.end(), "duration out of range");
        }
        int end = tokens.end();
        tokens.advance();
        tokens.type(); // Prometheus looks one token ahead before it applies the offset
        return withOffset(expr, Literals.secondsToMillis(negative ? -seconds : seconds), end);
    }

    private Expr withOffset(Expr expr, long millis, int end) throws PromqlParseException {
        if (expr instanceof VectorSelector vs) {
            if (vs.offset() != 0) {
                throw tokens.error(expr.position(), "offset may not be set multiple times");
            }
            return new VectorSelector(vs.name(), vs.matchers(), millis, vs.at(), extend(vs.position(), end));
        }
        if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            if (vs.offset() != 0) {
                throw tokens.error(expr.position(), "offset may not be set multiple times");
            }
            VectorSelector moved = new VectorSelector(vs.name(), vs.matchers(), millis, vs.at(), vs.position());
            return new MatrixSelector(moved, ms.range(), extend(ms.position(), end));
        }
        if (expr instanceof SubqueryExpr sq) {
            if (sq.offset() != 0) {
                throw tokens.error(expr.position(), "offset may not be set multiple times");
            }
            return new SubqueryExpr(sq.expr(), sq.range(), sq.step(), millis, sq.at(), extend(sq.position(), end));
        }
        throw tokens.error(expr.position(), "offset modifier must be preceded by an instant vector selector or range"
                + " vector selector or a subquery");
    }

    private Expr at(Expr expr) throws PromqlParseException {
        tokens.advance();
        TokenType type = tokens.type();
        if (type == TokenType.START || type == TokenType.END) {
            tokens.advance();
            if (!tokens.is(TokenType.LEFT_PAREN)) {
                throw tokens.unexpected("@", "timestamp");
            }
            tokens.advance();
            if (!tokens.is(TokenType.RIGHT_PAREN)) {
                throw tokens.unexpected("@", "timestamp");
            }
            At at = new At(type == TokenType.START ? At.Kind.START : At.Kind.END, 0);
            Expr result = withAt(expr, at, tokens.end());
            tokens.advance();
            return result;
        }
        boolean negative = false;
        if (type == TokenType.ADD || type == TokenType.SUB) {
            negative = type == TokenType.SUB;
            tokens.advance();
            type = tokens.type();
        }
        if (type != TokenType.NUMBER && type != TokenType.DURATION) {
            throw tokens.unexpected("@", "timestamp");
        }
        double seconds = tokens.numberValue();
        if (negative) {
            seconds = -seconds;
        }
        if (!(seconds < 0x1p63 && seconds > -0x1p63)) {
            throw tokens.error(expr.position(), "timestamp out of bounds for @ modifier: " + GoFloats.fixed(seconds));
        }
        Expr result = withAt(expr, At.timestamp(Literals.timestampMillis(seconds)), tokens.end());
        tokens.advance();
        return result;
    }

    private Expr withAt(Expr expr, At at, int end) throws PromqlParseException {
        if (expr instanceof VectorSelector vs) {
            requireNoAt(vs.at(), expr);
            return new VectorSelector(vs.name(), vs.matchers(), vs.offset(), at, extend(vs.position(), end));
        }
        if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            requireNoAt(vs.at(), expr);
            VectorSelector moved = new VectorSelector(vs.name(), vs.matchers(), vs.offset(), at, vs.position());
            return new MatrixSelector(moved, ms.range(), extend(ms.position(), end));
        }
        if (expr instanceof SubqueryExpr sq) {
            requireNoAt(sq.at(), expr);
            return new SubqueryExpr(sq.expr(), sq.range(), sq.step(), sq.offset(), at, extend(sq.position(), end));
        }
        throw tokens.error(expr.position(),
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private void requireNoAt(@Nullable At existing, Expr expr) throws PromqlParseException {
        if (existing != null) {
            throw tokens.error(expr.position(), "@ <timestamp> may not be set multiple times");
        }
    }

    private static PositionRange extend(PositionRange position, int end) {
        return new PositionRange(position.start(), end);
    }
}
