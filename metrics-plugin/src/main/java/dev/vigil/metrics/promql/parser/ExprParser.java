package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.FunctionSignature;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recursive descent over PromQL with precedence climbing for the binary operators. It keeps Prometheus's
 * grammar where it is subtle: a sign binds like {@code *}, so {@code -2 ^ 2} is {@code -(2 ^ 2)}; a sign on a
 * number literal is folded into it; ranges, {@code offset} and {@code @} bind tighter than any operator; and
 * keywords stand for metric names where an operand is expected.
 *
 * <p>Errors are found in the order Prometheus finds them, so the first one reported is the same. Type
 * errors are left to {@link TypeChecker}, which runs once the text has parsed.
 *
 * <p>Not thread-safe; one instance reads one expression.
 */
final class ExprParser {

    private final TokenStream tokens;
    private final SelectorParser selectors;
    private @Nullable Map<BinaryExpr, VectorMatching> writtenMatching;
    /**
     * The type of the expression the last {@link #expression}, {@link #unary} or {@link #primary} call
     * returned. Kept here because {@link BinaryExpr#type()} walks its operands, which on a long chain such
     * as {@code a + b + c + ...} would make parsing quadratic.
     */
    private ValueType type = ValueType.SCALAR;

    ExprParser(TokenStream tokens) {
        this.tokens = tokens;
        this.selectors = new SelectorParser(tokens);
    }

    /** Reads the whole text as one expression. */
    Expr parse() throws PromqlParseException {
        if (tokens.is(TokenType.EOF)) {
            throw tokens.error(0, 0, "no expression found in input");
        }
        Expr expr = expression(0);
        if (!tokens.is(TokenType.EOF)) {
            throw tokens.unexpected("", "");
        }
        return expr;
    }

    /**
     * The {@code on}/{@code ignoring} clauses written on binary operations whose operands are not both
     * instant vectors: the tree keeps no matching for those, but the type checker reports the clause.
     */
    Map<BinaryExpr, VectorMatching> writtenMatching() {
        return writtenMatching == null ? Map.of() : writtenMatching;
    }

    private Expr expression(int minPrecedence) throws PromqlParseException {
        Expr lhs = unary();
        ValueType lhsType = type;
        while (true) {
            BinaryOp op = tokens.type().binaryOp();
            if (op == null || op.precedence() < minPrecedence) {
                type = lhsType;
                return lhs;
            }
            tokens.advance();
            boolean returnBool = false;
            if (tokens.is(TokenType.BOOL)) {
                returnBool = true;
                tokens.advance();
            }
            List<String> labels = null;
            boolean on = false;
            Cardinality cardinality = Cardinality.ONE_TO_ONE;
            List<String> include = List.of();
            TokenType modifier = tokens.type();
            if (modifier == TokenType.ON || modifier == TokenType.IGNORING) {
                on = modifier == TokenType.ON;
                tokens.advance();
                labels = groupingLabels();
                tokens.advance();
                TokenType group = tokens.type();
                if (group == TokenType.GROUP_LEFT || group == TokenType.GROUP_RIGHT) {
                    cardinality = group == TokenType.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
                    tokens.advance();
                    if (tokens.is(TokenType.LEFT_PAREN)) {
                        include = groupingLabels();
                        tokens.advance();
                    }
                }
            }
            Expr rhs = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            ValueType rhsType = type;
            lhs = binary(op, lhs, lhsType, rhs, rhsType, returnBool, labels, on, cardinality, include);
            lhsType = TypeChecker.binaryType(lhsType, rhsType);
        }
    }

    private BinaryExpr binary(BinaryOp op, Expr lhs, ValueType lhsType, Expr rhs, ValueType rhsType,
            boolean returnBool, @Nullable List<String> labels, boolean on, Cardinality cardinality,
            List<String> include) {
        Cardinality card = op.isSetOperator() && cardinality == Cardinality.ONE_TO_ONE
                ? Cardinality.MANY_TO_MANY : cardinality;
        boolean vectors = lhsType == ValueType.VECTOR && rhsType == ValueType.VECTOR;
        VectorMatching matching = vectors || labels != null
                ? new VectorMatching(card, labels == null ? List.of() : labels, on, include)
                : null;
        PositionRange position = new PositionRange(lhs.position().start(), rhs.position().end());
        BinaryExpr expr = new BinaryExpr(op, lhs, rhs, vectors ? matching : null, returnBool, position);
        if (!vectors && matching != null) {
            if (writtenMatching == null) {
                writtenMatching = new IdentityHashMap<>();
            }
            writtenMatching.put(expr, matching);
        }
        return expr;
    }

    private Expr unary() throws PromqlParseException {
        TokenType sign = tokens.type();
        if (sign != TokenType.ADD && sign != TokenType.SUB) {
            Expr operand = primary();
            Expr result = selectors.postfix(operand);
            if (result != operand) {
                type = result.type(); // a selector, a range or a subquery: no walk
            }
            return result;
        }
        int start = tokens.start();
        tokens.advance();
        // Only ^ binds tighter than a sign; the operand's type is the result's.
        Expr operand = expression(BinaryOp.POW.precedence());
        boolean negate = sign == TokenType.SUB;
        PositionRange position = new PositionRange(start, operand.position().end());
        if (operand instanceof NumberLiteral number) {
            return new NumberLiteral(negate ? -number.value() : number.value(), position);
        }
        return new UnaryExpr(negate, operand, position);
    }

    private Expr primary() throws PromqlParseException {
        Expr expr = operand();
        if (!(expr instanceof ParenExpr)) {
            type = expr.type(); // constant for every node but a parenthesis, whose type the inner expression set
        }
        return expr;
    }

    private Expr operand() throws PromqlParseException {
        TokenType type = tokens.type();
        int start = tokens.start();
        int end = tokens.end();
        switch (type) {
            case NUMBER, DURATION -> {
                NumberLiteral number = new NumberLiteral(tokens.numberValue(), new PositionRange(start, end));
                tokens.advance();
                return number;
            }
            case STRING -> {
                StringLiteral string = new StringLiteral(GoStrings.unquote(tokens.text()), new PositionRange(start, end));
                tokens.advance();
                return string;
            }
            case LEFT_PAREN -> {
                tokens.advance();
                Expr inner = expression(0);
                if (!tokens.is(TokenType.RIGHT_PAREN)) {
                    throw tokens.unexpected("", "");
                }
                ParenExpr paren = new ParenExpr(inner, new PositionRange(start, tokens.end()));
                tokens.advance();
                return paren;
            }
            case LEFT_BRACE -> {
                return selectors.selector(null, start, start);
            }
            default -> {
                if (!type.isMetricName()) {
                    throw tokens.unexpected("", "");
                }
                String name = tokens.text();
                tokens.advance();
                TokenType next = tokens.type();
                AggregateOp aggregate = type.aggregateOp();
                if (aggregate != null
                        && (next == TokenType.LEFT_PAREN || next == TokenType.BY || next == TokenType.WITHOUT)) {
                    return aggregation(aggregate, start);
                }
                if (next == TokenType.LEFT_PAREN && isFunctionName(type)) {
                    return call(type == TokenType.IDENTIFIER ? name : name.toLowerCase(Locale.ROOT), start, end);
                }
                return selectors.selector(name, start, end);
            }
        }
    }

    private static boolean isFunctionName(TokenType type) {
        return switch (type) {
            case IDENTIFIER, START, END, STEP, RANGE -> true;
            default -> false;
        };
    }

    private Call call(String name, int start, int nameEnd) throws PromqlParseException {
        List<Expr> args = arguments();
        FunctionSignature function = FunctionSignature.lookup(name).orElse(null);
        if (function == null) {
            throw tokens.error(start, nameEnd, "unknown function with name " + GoStrings.quote(name));
        }
        Call call = new Call(function, args, new PositionRange(start, tokens.end()));
        tokens.advance();
        return call;
    }

    private AggregateExpr aggregation(AggregateOp op, int start) throws PromqlParseException {
        List<String> grouping = List.of();
        boolean without = false;
        TokenType modifier = tokens.type();
        boolean modifierFirst = modifier == TokenType.BY || modifier == TokenType.WITHOUT;
        if (modifierFirst) {
            without = modifier == TokenType.WITHOUT;
            tokens.advance();
            grouping = groupingLabels();
            tokens.advance();
            if (!tokens.is(TokenType.LEFT_PAREN)) {
                throw tokens.unexpected("aggregation", "");
            }
        }
        List<Expr> args = arguments();
        int end = tokens.end();
        if (!modifierFirst) {
            tokens.advance();
            modifier = tokens.type();
            if (modifier == TokenType.BY || modifier == TokenType.WITHOUT) {
                without = modifier == TokenType.WITHOUT;
                tokens.advance();
                grouping = groupingLabels();
                end = tokens.end();
            } else {
                return aggregate(op, args, grouping, without, new PositionRange(start, end));
            }
        }
        AggregateExpr aggregate = aggregate(op, args, grouping, without, new PositionRange(start, end));
        tokens.advance();
        return aggregate;
    }

    private AggregateExpr aggregate(AggregateOp op, List<Expr> args, List<String> grouping, boolean without,
            PositionRange position) throws PromqlParseException {
        if (args.isEmpty()) {
            throw tokens.error(position, "no arguments for aggregate expression provided");
        }
        int expected = op.parameterType() == null ? 1 : 2;
        if (args.size() != expected) {
            throw tokens.error(position, "wrong number of arguments for aggregate expression provided, expected "
                    + expected + ", got " + args.size());
        }
        Expr param = expected == 2 ? args.get(0) : null;
        return new AggregateExpr(op, args.get(expected - 1), param, grouping, without, position);
    }

    /** The arguments between parentheses; the current token is the opening one, and is left on the closing one. */
    private List<Expr> arguments() throws PromqlParseException {
        tokens.advance();
        List<Expr> args = new ArrayList<>(4);
        if (tokens.is(TokenType.RIGHT_PAREN)) {
            return args;
        }
        while (true) {
            args.add(expression(0));
            TokenType next = tokens.type();
            if (next == TokenType.RIGHT_PAREN) {
                return args;
            }
            if (next != TokenType.COMMA) {
                throw tokens.unexpected("", "");
            }
            int commaStart = tokens.start();
            int commaEnd = tokens.end();
            tokens.advance();
            if (!startsOperand(tokens.type())) {
                throw tokens.error(commaStart, commaEnd, "trailing commas not allowed in function call args");
            }
        }
    }

    private static boolean startsOperand(TokenType type) {
        return switch (type) {
            case NUMBER, DURATION, STRING, LEFT_PAREN, LEFT_BRACE, ADD, SUB -> true;
            default -> type.isMetricName();
        };
    }

    /**
     * The label list of {@code by}, {@code without}, {@code on}, {@code ignoring} and the group modifiers; the
     * current token is the opening parenthesis, and is left on the closing one.
     */
    private List<String> groupingLabels() throws PromqlParseException {
        if (!tokens.is(TokenType.LEFT_PAREN)) {
            throw tokens.unexpected("grouping opts", "\"(\"");
        }
        tokens.advance();
        List<String> labels = new ArrayList<>(4);
        if (tokens.is(TokenType.RIGHT_PAREN)) {
            return labels;
        }
        while (true) {
            TokenType type = tokens.type();
            if (type == TokenType.STRING) {
                String label = GoStrings.unquote(tokens.text());
                if (!isValidLabelName(label)) {
                    throw tokens.error(tokens.start(), tokens.end(),
                            "invalid label name for grouping: " + GoStrings.quote(label));
                }
                labels.add(label);
            } else if (type.isGroupingLabel()) {
                labels.add(tokens.text());
            } else {
                throw tokens.unexpected("grouping opts", "label");
            }
            tokens.advance();
            TokenType next = tokens.type();
            if (next == TokenType.COMMA) {
                tokens.advance();
                if (tokens.is(TokenType.RIGHT_PAREN)) {
                    return labels;
                }
            } else if (next == TokenType.RIGHT_PAREN) {
                return labels;
            } else {
                throw tokens.unexpected("grouping opts", "\",\" or \")\"");
            }
        }
    }

    /** Prometheus 3 accepts any non-empty UTF-8 text as a label name. */
    private static boolean isValidLabelName(String label) {
        return !label.isEmpty() && GoStrings.isValidUtf8(label);
    }
}
