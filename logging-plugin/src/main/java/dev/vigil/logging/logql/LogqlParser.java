package dev.vigil.logging.logql;

import dev.vigil.api.metrics.LabelMatcher;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses LogQL with Loki's grammar and Loki's error messages. Queries use what Loki accepts, and those that use a
 * part of LogQL this engine does not run ({@code unwrap}, {@code label_replace}, {@code offset}, the
 * {@code pattern} and {@code regexp} parsers, vector matching) are refused with a {@link LogqlException} that names
 * it. Stateless and thread-safe.
 */
public final class LogqlParser {

    /** Loki refuses queries of this many characters or more. */
    static final int MAX_INPUT = 5120;

    static final String MATCHER_REQUIRED = "queries require at least one regexp or equality matcher that does not have an"
            + " empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will";

    private LogqlParser() {}

    /**
     * Parses and checks a query.
     *
     * @throws LogqlParseException if it is not valid LogQL, in Loki's words
     * @throws LogqlException if it uses what this engine does not support
     */
    public static Expr parse(String query) {
        if (query.length() >= MAX_INPUT) {
            throw LogqlParseException.of("input size too long (" + query.length() + " > " + MAX_INPUT + ")");
        }
        TokenStream tokens = new TokenStream(query);
        Expr expr = new LogqlParser.Run(tokens).expression(1);
        if (tokens.kind() != TokenKind.EOF) {
            throw tokens.unexpected();
        }
        validate(expr);
        return expr;
    }

    /**
     * Parses a stream selector alone, such as the {@code query} of a label request or the {@code match[]} of a
     * series request.
     *
     * @throws LogqlParseException if it is not valid LogQL
     * @throws LogqlException if it is valid but not a bare selector ({@code only label matchers is supported})
     */
    public static List<LabelMatcher> parseMatchers(String selector) {
        Expr expr = parse(selector);
        if (!(expr instanceof LogSelectorExpr log) || !log.stages().isEmpty()) {
            throw new LogqlException("only label matchers is supported");
        }
        return log.matchers();
    }

    /** Loki's check that a query does not select every stream. */
    static void validate(Expr expr) {
        if (expr instanceof LogSelectorExpr log) {
            validateMatchers(log.matchers());
        } else if (expr instanceof SampleExpr.RangeAggregation range) {
            validateMatchers(range.selector().matchers());
        } else if (expr instanceof SampleExpr.VectorAggregation aggregation) {
            validate(aggregation.inner());
        } else if (expr instanceof SampleExpr.BinaryOperation binary) {
            validate(binary.left());
            validate(binary.right());
        }
    }

    private static void validateMatchers(List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            if (!m.matches("")) {
                return;
            }
        }
        throw LogqlParseException.of(MATCHER_REQUIRED);
    }

    static LogqlException unsupported(String what) {
        return new LogqlException("unsupported LogQL feature: " + what);
    }

    /** One parse. */
    private static final class Run {

        private final TokenStream tokens;
        private final PipelineParser pipelines;

        Run(TokenStream tokens) {
            this.tokens = tokens;
            this.pipelines = new PipelineParser(tokens);
        }

        /** Binary operations by precedence climbing; {@code ^} groups to the right, the others to the left. */
        Expr expression(int minPrecedence) {
            return continueExpression(unary(), minPrecedence);
        }

        private Expr continueExpression(Expr first, int minPrecedence) {
            Expr left = first;
            while (true) {
                BinaryOp op = BinaryOp.of(tokens.kind());
                if (op == null || op.precedence() < minPrecedence) {
                    return left;
                }
                tokens.next();
                boolean returnBool = tokens.accept(TokenKind.BOOL);
                if (tokens.at(TokenKind.ON, TokenKind.IGNORING, TokenKind.GROUP_LEFT, TokenKind.GROUP_RIGHT)) {
                    throw unsupported("vector matching (on, ignoring, group_left, group_right)");
                }
                Expr right = expression(op == BinaryOp.POW ? op.precedence() : op.precedence() + 1);
                left = binary(op, returnBool, left, right);
            }
        }

        private Expr unary() {
            Token token = tokens.peek();
            switch (token.kind()) {
                case OPEN_BRACE -> {
                    List<LabelMatcher> matchers = pipelines.selector();
                    return new LogSelectorExpr(matchers, pipelines.stages());
                }
                case OPEN_PARENTHESIS -> {
                    tokens.next();
                    Expr inner = expression(1);
                    if (!tokens.at(TokenKind.CLOSE_PARENTHESIS)) {
                        throw tokens.unexpected();
                    }
                    tokens.next();
                    return inner;
                }
                case NUMBER -> {
                    return new SampleExpr.NumberLiteral(number(tokens.next()));
                }
                case ADD, SUB -> {
                    boolean negative = tokens.next().kind() == TokenKind.SUB;
                    double value = number(tokens.expect(TokenKind.NUMBER));
                    return new SampleExpr.NumberLiteral(negative ? -value : value);
                }
                case VECTOR -> {
                    tokens.next();
                    tokens.expect(TokenKind.OPEN_PARENTHESIS);
                    double value = number(tokens.expect(TokenKind.NUMBER));
                    tokens.expect(TokenKind.CLOSE_PARENTHESIS);
                    return new SampleExpr.VectorLiteral(value);
                }
                case COUNT_OVER_TIME, RATE, BYTES_OVER_TIME, BYTES_RATE, RATE_COUNTER, AVG_OVER_TIME, SUM_OVER_TIME,
                        MIN_OVER_TIME, MAX_OVER_TIME, STDVAR_OVER_TIME, STDDEV_OVER_TIME, QUANTILE_OVER_TIME,
                        FIRST_OVER_TIME, LAST_OVER_TIME, ABSENT_OVER_TIME -> {
                    return rangeAggregation();
                }
                case SUM, AVG, COUNT, MAX, MIN, STDDEV, STDVAR, TOPK, BOTTOMK, SORT, SORT_DESC -> {
                    return vectorAggregation();
                }
                case APPROX_TOPK -> throw unsupported("approx_topk");
                case LABEL_REPLACE -> throw unsupported("label_replace");
                case VARIANTS -> throw unsupported("variants");
                default -> throw tokens.unexpected();
            }
        }

        private SampleExpr rangeAggregation() {
            Token opToken = tokens.next();
            String function = opToken.text().toLowerCase(java.util.Locale.ROOT);
            tokens.expect(TokenKind.OPEN_PARENTHESIS);
            if (tokens.accept(TokenKind.NUMBER)) {
                tokens.expect(TokenKind.COMMA);
                throw unsupported(function + " with a parameter");
            }
            LogRange range = logRange();
            if (!tokens.at(TokenKind.CLOSE_PARENTHESIS)) {
                throw tokens.unexpected(TokenKind.CLOSE_PARENTHESIS);
            }
            tokens.next();
            if (tokens.at(TokenKind.BY, TokenKind.WITHOUT)) {
                pipelines.grouping();
                throw LogqlParseException.of("grouping not allowed for " + function + " aggregation");
            }
            RangeOp op = switch (opToken.kind()) {
                case COUNT_OVER_TIME -> RangeOp.COUNT_OVER_TIME;
                case RATE -> RangeOp.RATE;
                case BYTES_OVER_TIME -> RangeOp.BYTES_OVER_TIME;
                case BYTES_RATE -> RangeOp.BYTES_RATE;
                case ABSENT_OVER_TIME -> throw unsupported("absent_over_time");
                default -> throw LogqlParseException.of("invalid aggregation " + function + " without unwrap");
            };
            return new SampleExpr.RangeAggregation(op, range.selector(), range.nanos());
        }

        /** The argument of a range aggregation: a selector with its pipeline and a range, in any of LogQL's forms. */
        private LogRange logRange() {
            if (tokens.at(TokenKind.OPEN_PARENTHESIS)) {
                tokens.next();
                if (tokens.at(TokenKind.OPEN_PARENTHESIS)) {
                    LogRange inner = logRange();
                    closeParenthesis();
                    return inner;
                }
                if (!tokens.at(TokenKind.OPEN_BRACE)) {
                    throw tokens.unexpected(TokenKind.OPEN_BRACE, TokenKind.OPEN_PARENTHESIS);
                }
                LogSelectorExpr selector = new LogSelectorExpr(pipelines.selector(), pipelines.stages());
                if (tokens.at(TokenKind.RANGE)) {
                    long nanos = range(tokens.next());
                    LogSelectorExpr full = selector.stages().isEmpty() ? selector.withStages(pipelines.stages()) : selector;
                    closeParenthesis();
                    return new LogRange(full, nanos);
                }
                closeParenthesis();
                Token range = tokens.expect(TokenKind.RANGE);
                noOffset();
                return new LogRange(selector, range(range));
            }
            if (!tokens.at(TokenKind.OPEN_BRACE)) {
                throw tokens.unexpected(TokenKind.NUMBER, TokenKind.OPEN_BRACE, TokenKind.OPEN_PARENTHESIS);
            }
            LogSelectorExpr selector = new LogSelectorExpr(pipelines.selector(), pipelines.stages());
            if (!tokens.at(TokenKind.RANGE)) {
                throw tokens.unexpected();
            }
            long nanos = range(tokens.next());
            noOffset();
            if (selector.stages().isEmpty()) {
                selector = selector.withStages(pipelines.stages());
            }
            return new LogRange(selector, nanos);
        }

        private void closeParenthesis() {
            if (!tokens.at(TokenKind.CLOSE_PARENTHESIS)) {
                throw tokens.unexpected();
            }
            tokens.next();
        }

        private void noOffset() {
            if (tokens.at(TokenKind.OFFSET)) {
                throw unsupported("offset");
            }
        }

        private long range(Token token) {
            if (token.nanos() <= 0) {
                throw LogqlParseException.of("invalid range " + GoStrings.quote(token.text()) + ": the range must be positive");
            }
            return token.nanos();
        }

        private SampleExpr vectorAggregation() {
            Token opToken = tokens.next();
            VectorOp op = VectorOp.valueOf(opToken.kind().name());
            Grouping grouping = null;
            if (tokens.at(TokenKind.BY, TokenKind.WITHOUT)) {
                grouping = pipelines.grouping();
            }
            tokens.expect(TokenKind.OPEN_PARENTHESIS);
            String parameter = null;
            Expr inner;
            if (tokens.at(TokenKind.NUMBER)) {
                Token number = tokens.next();
                if (tokens.accept(TokenKind.COMMA)) {
                    parameter = number.text();
                    inner = expression(1);
                } else {
                    inner = continueExpression(new SampleExpr.NumberLiteral(number(number)), 1);
                }
            } else {
                inner = expression(1);
            }
            if (!(inner instanceof SampleExpr sample)) {
                throw tokens.unexpected();
            }
            if (!tokens.at(TokenKind.CLOSE_PARENTHESIS)) {
                throw tokens.unexpected();
            }
            tokens.next();
            if (grouping == null && tokens.at(TokenKind.BY, TokenKind.WITHOUT)) {
                grouping = pipelines.grouping();
            }
            int k = parameter(op, parameter);
            if ((op == VectorOp.SORT || op == VectorOp.SORT_DESC) && grouping != null && !grouping.labels().isEmpty()) {
                throw LogqlParseException.of("sort and sort_desc doesn't allow grouping by ");
            }
            return new SampleExpr.VectorAggregation(op, grouping, k, sample);
        }

        private static int parameter(VectorOp op, @Nullable String text) {
            if (!op.takesParameter()) {
                if (text != null) {
                    throw LogqlParseException.of("unsupported parameter for operation " + op.function() + "(" + text + ",");
                }
                return 0;
            }
            if (text == null) {
                throw LogqlParseException.of("parameter required for operation " + op.function());
            }
            int k;
            try {
                k = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw LogqlParseException.of("invalid parameter " + op.function() + "(" + text + ",");
            }
            if (k <= 0) {
                throw LogqlParseException.of("invalid parameter (must be greater than 0) " + op.function() + "(" + text + ",");
            }
            return k;
        }

        private static Expr binary(BinaryOp op, boolean returnBool, Expr left, Expr right) {
            if (!(left instanceof SampleExpr l)) {
                throw LogqlParseException.of("unexpected type for left leg of binary operation (" + op.symbol() + "): "
                        + goType(left));
            }
            if (!(right instanceof SampleExpr r)) {
                throw LogqlParseException.of("unexpected type for right leg of binary operation (" + op.symbol() + "): "
                        + goType(right));
            }
            if (returnBool && !op.isComparison()) {
                throw LogqlParseException.of("bool modifier can only be used on comparison operators");
            }
            if (op.isSetOperator()) {
                if (l instanceof SampleExpr.NumberLiteral literal) {
                    throw LogqlParseException.of("unexpected literal for left leg of logical/set binary operation ("
                            + op.symbol() + "): " + String.format(java.util.Locale.ROOT, "%f", literal.value()));
                }
                if (r instanceof SampleExpr.NumberLiteral literal) {
                    throw LogqlParseException.of("unexpected literal for right leg of logical/set binary operation ("
                            + op.symbol() + "): " + String.format(java.util.Locale.ROOT, "%f", literal.value()));
                }
            }
            if (l instanceof SampleExpr.NumberLiteral a && r instanceof SampleExpr.NumberLiteral b) {
                if (op.isComparison() && !returnBool) {
                    throw LogqlParseException.of("comparisons between scalars must use BOOL modifier");
                }
                return new SampleExpr.NumberLiteral(op.apply(a.value(), b.value()));
            }
            return new SampleExpr.BinaryOperation(op, returnBool, l, r);
        }

        private static String goType(Expr e) {
            return e instanceof LogSelectorExpr log && log.stages().isEmpty() ? "*syntax.MatchersExpr" : "*syntax.PipelineExpr";
        }

        private static double number(Token token) {
            try {
                return Double.parseDouble(token.text());
            } catch (NumberFormatException e) {
                throw new LogqlParseException("invalid number " + GoStrings.quote(token.text()), token.line(), token.column());
            }
        }
    }

    /** A range aggregation's argument. */
    private record LogRange(LogSelectorExpr selector, long nanos) {}
}
