package dev.vigil.metrics.promql.parser;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.FunctionSignature;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The checks Prometheus makes once an expression has parsed: operand and argument types, argument counts,
 * the use of {@code bool} and vector matching, and the selectors that would select every series. It walks the
 * tree in Prometheus's order, children before their parent, so the first error is the one Prometheus reports.
 *
 * <p>Not thread-safe; one instance checks one expression.
 */
final class TypeChecker {

    private final String input;
    private final Map<BinaryExpr, VectorMatching> writtenMatching;

    /**
     * @param input the expression text, for error positions
     * @param writtenMatching the matching clauses the tree does not keep, from {@link ExprParser#writtenMatching}
     */
    TypeChecker(String input, Map<BinaryExpr, VectorMatching> writtenMatching) {
        this.input = input;
        this.writtenMatching = writtenMatching;
    }

    /** Checks the whole tree. */
    void check(Expr expr) throws PromqlParseException {
        check(expr, false);
    }

    /**
     * The type of a binary operation whose operands have these types, as {@link BinaryExpr#type()} computes it
     * but without walking the operands.
     */
    static ValueType binaryType(ValueType left, ValueType right) {
        return left == ValueType.VECTOR || right == ValueType.VECTOR ? ValueType.VECTOR : ValueType.SCALAR;
    }

    /** Checks a node and returns its type, computed from its children's rather than by walking them again. */
    private ValueType check(Expr node, boolean anySelector) throws PromqlParseException {
        if (node instanceof BinaryExpr binary) {
            return checkBinaryChain(binary);
        } else if (node instanceof ParenExpr paren) {
            return check(paren.expr(), false);
        } else if (node instanceof Call call) {
            checkCall(call);
        } else if (node instanceof AggregateExpr aggregate) {
            expectType(aggregate.expr(), ValueType.VECTOR, "aggregation expression");
            ValueType paramType = aggregate.op().parameterType();
            Expr param = aggregate.param();
            if (paramType != null && param != null) {
                expectType(param, paramType, "aggregation parameter");
            }
        } else if (node instanceof UnaryExpr unary) {
            ValueType type = check(unary.expr(), false);
            if (type != ValueType.SCALAR && type != ValueType.VECTOR) {
                throw error(unary.position(), "unary expression only allowed on expressions of type scalar or instant"
                        + " vector, got " + GoStrings.quote(type.description()));
            }
            return type;
        } else if (node instanceof SubqueryExpr subquery) {
            ValueType type = check(subquery.expr(), false);
            if (type != ValueType.VECTOR) {
                throw error(subquery.position(), "subquery is only allowed on instant vector, got " + internalName(type)
                        + " instead");
            }
        } else if (node instanceof MatrixSelector matrix) {
            check(matrix.selector(), false);
        } else if (node instanceof VectorSelector selector) {
            checkSelector(selector, anySelector);
        }
        return node.type();
    }

    private void expectType(Expr node, ValueType want, String context) throws PromqlParseException {
        ValueType type = check(node, false);
        if (type != want) {
            throw error(node.position(), "expected type " + want.description() + " in " + context + ", got "
                    + type.description());
        }
    }

    /**
     * Checks a binary operation, its left operand first. Long chains such as {@code a + b + c + ...} nest on
     * the left, so the left spine is walked in a loop rather than by recursion, in the same order.
     */
    private ValueType checkBinaryChain(BinaryExpr top) throws PromqlParseException {
        if (!(top.lhs() instanceof BinaryExpr)) {
            ValueType left = check(top.lhs(), false);
            ValueType right = check(top.rhs(), false);
            checkBinary(top, left, right);
            return binaryType(left, right);
        }
        ArrayDeque<BinaryExpr> spine = new ArrayDeque<>();
        Expr node = top;
        while (node instanceof BinaryExpr binary) {
            spine.push(binary);
            node = binary.lhs();
        }
        ValueType left = check(node, false);
        while (!spine.isEmpty()) {
            BinaryExpr binary = spine.pop();
            ValueType right = check(binary.rhs(), false);
            checkBinary(binary, left, right);
            left = binaryType(left, right);
        }
        return left;
    }

    /** The rules for one binary operation whose operands have been checked. */
    private void checkBinary(BinaryExpr binary, ValueType left, ValueType right) throws PromqlParseException {
        BinaryOp op = binary.op();
        if (binary.returnBool() && !op.isComparison()) {
            throw error(operatorRange(binary), "bool modifier can only be used on comparison operators");
        }
        if (op.isComparison() && !binary.returnBool() && left == ValueType.SCALAR && right == ValueType.SCALAR) {
            throw error(operatorRange(binary), "comparisons between scalars must use BOOL modifier");
        }
        VectorMatching matching = binary.matching() != null ? binary.matching() : writtenMatching.get(binary);
        if (matching != null && matching.on()) {
            for (String label : matching.labels()) {
                if (matching.include().contains(label)) {
                    throw error(operatorRange(binary),
                            "label " + GoStrings.quote(label) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (left != ValueType.SCALAR && left != ValueType.VECTOR) {
            throw error(binary.lhs().position(), "binary expression must contain only scalar and instant vector types");
        }
        if (right != ValueType.SCALAR && right != ValueType.VECTOR) {
            throw error(binary.rhs().position(), "binary expression must contain only scalar and instant vector types");
        }
        if (left != ValueType.VECTOR || right != ValueType.VECTOR) {
            if (matching != null && !matching.labels().isEmpty()) {
                throw error(binary.position(), "vector matching only allowed between instant vectors");
            }
        } else if (op.isSetOperator() && matching != null && (matching.cardinality() == Cardinality.ONE_TO_MANY
                || matching.cardinality() == Cardinality.MANY_TO_ONE)) {
            throw error(binary.position(), "no grouping allowed for " + GoStrings.quote(op.symbol()) + " operation");
        }
        if ((left == ValueType.SCALAR || right == ValueType.SCALAR) && op.isSetOperator()) {
            throw error(binary.position(),
                    "set operator " + GoStrings.quote(op.symbol()) + " not allowed in binary scalar expression");
        }
    }

    private void checkCall(Call call) throws PromqlParseException {
        FunctionSignature function = call.function();
        List<Expr> args = call.args();
        int count = args.size();
        String name = GoStrings.quote(function.name());
        if (function.minArgs() == function.maxArgs()) {
            if (count != function.minArgs()) {
                throw error(call.position(),
                        "expected " + function.minArgs() + " argument(s) in call to " + name + ", got " + count);
            }
        } else if (count < function.minArgs()) {
            throw error(call.position(),
                    "expected at least " + function.minArgs() + " argument(s) in call to " + name + ", got " + count);
        } else if (function.maxArgs() >= 0 && count > function.maxArgs()) {
            throw error(call.position(),
                    "expected at most " + function.maxArgs() + " argument(s) in call to " + name + ", got " + count);
        }
        boolean infoLabels = function.name().equals("info") && count > 1;
        if (infoLabels) {
            checkInfoSelector(call, args.get(1));
        }
        for (int i = 0; i < count; i++) {
            Expr arg = args.get(i);
            ValueType want = function.argType(i);
            ValueType type = check(arg, infoLabels && i == 1);
            if (type != want) {
                throw error(arg.position(), "expected type " + want.description() + " in call to function " + name
                        + ", got " + type.description());
            }
        }
    }

    /** The second argument of {@code info} selects the info series by their labels alone. */
    private void checkInfoSelector(Call call, Expr selector) throws PromqlParseException {
        ValueType type = selector.type();
        if (type != ValueType.VECTOR) {
            throw error(call.position(), "expected type " + ValueType.VECTOR.description() + " in call to function "
                    + GoStrings.quote(call.function().name()) + ", got " + type.description());
        }
        if (!(selector instanceof VectorSelector vs)) {
            throw error(selector.position(), "expected label selectors only");
        }
        if (vs.name() != null) {
            throw error(selector.position(), "expected label selectors only, got vector selector instead");
        }
    }

    private void checkSelector(VectorSelector selector, boolean anySelector) throws PromqlParseException {
        List<LabelMatcher> matchers = selector.matchers();
        String name = selector.name();
        if (name != null) {
            // The last matcher is the one for the name written before the braces.
            for (int i = 0; i < matchers.size() - 1; i++) {
                LabelMatcher matcher = matchers.get(i);
                if (matcher.name().equals(Labels.METRIC_NAME)) {
                    throw error(selector.position(), "metric name must not be set twice: " + GoStrings.quote(name)
                            + " or " + GoStrings.quote(matcher.value()));
                }
            }
            return;
        }
        if (anySelector) {
            return;
        }
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matchesEmpty()) {
                return;
            }
        }
        throw error(selector.position(), "vector selector must contain at least one non-empty matcher");
    }

    /** The operator and its modifiers: from the end of the left operand to the start of the right, trimmed. */
    private PositionRange operatorRange(BinaryExpr binary) {
        int start = binary.lhs().position().end();
        while (start < input.length() && isSpace(input.charAt(start))) {
            start++;
        }
        int last = binary.rhs().position().start() - 1;
        while (last > start && isSpace(input.charAt(last))) {
            last--;
        }
        return new PositionRange(start, Math.max(start, last + 1));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The type as Prometheus names it internally, which some of its messages use. */
    private static String internalName(ValueType type) {
        return switch (type) {
            case SCALAR -> "scalar";
            case STRING -> "string";
            case VECTOR -> "vector";
            case MATRIX -> "matrix";
        };
    }

    private PromqlParseException error(PositionRange position, String message) {
        return ParseErrors.at(input, position.start(), position.end(), message);
    }
}
