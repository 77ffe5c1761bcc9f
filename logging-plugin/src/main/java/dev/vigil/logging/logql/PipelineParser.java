package dev.vigil.logging.logql;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.metrics.LabelMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of LogQL between the braces and the pipes: stream selectors, pipeline stages, label filters and the
 * {@code by}/{@code without} of aggregations. Label filters group as Loki's grammar groups them: {@code and} binds
 * tighter than {@code or}, and a comma or a space joins a filter with everything after it. Not thread-safe.
 */
final class PipelineParser {

    private final TokenStream tokens;

    PipelineParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    /** {@code {name="value", ...}}. */
    List<LabelMatcher> selector() {
        tokens.expect(TokenKind.OPEN_BRACE);
        List<LabelMatcher> matchers = new ArrayList<>();
        if (tokens.accept(TokenKind.CLOSE_BRACE)) {
            return matchers;
        }
        boolean first = true;
        while (true) {
            Token name = first ? tokens.expect(TokenKind.IDENTIFIER, TokenKind.CLOSE_BRACE) : tokens.expect(TokenKind.IDENTIFIER);
            if (name.kind() == TokenKind.CLOSE_BRACE) {
                return matchers;
            }
            first = false;
            matchers.add(matcher(name));
            if (tokens.accept(TokenKind.COMMA)) {
                continue;
            }
            if (tokens.accept(TokenKind.CLOSE_BRACE)) {
                return matchers;
            }
            throw tokens.unexpected(TokenKind.CLOSE_BRACE, TokenKind.COMMA);
        }
    }

    /** The rest of {@code name op "value"} once the name is read. */
    private LabelMatcher matcher(Token name) {
        Token op = tokens.expect(TokenKind.EQ, TokenKind.NEQ, TokenKind.RE, TokenKind.NRE);
        Token value = tokens.expect(TokenKind.STRING);
        return matcher(name.text(), op.kind(), value.text());
    }

    private static LabelMatcher matcher(String name, TokenKind op, String value) {
        LabelMatcher.Type type = switch (op) {
            case EQ -> LabelMatcher.Type.EQUAL;
            case NEQ -> LabelMatcher.Type.NOT_EQUAL;
            case RE -> LabelMatcher.Type.REGEX;
            case NRE -> LabelMatcher.Type.NOT_REGEX;
            default -> throw new IllegalArgumentException("not a matcher operator: " + op);
        };
        try {
            return LabelMatcher.of(type, name, value);
        } catch (IllegalArgumentException e) {
            throw LogqlParseException.of(e.getMessage());
        }
    }

    /** The pipeline stages that follow, up to the first token that starts none. */
    List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        while (true) {
            switch (tokens.kind()) {
                case PIPE_EXACT, NEQ, PIPE_MATCH, NRE -> stages.add(lineFilter());
                case PIPE_PATTERN, NPA -> throw LogqlParser.unsupported("pattern line filters (|> and !>)");
                case PIPE -> {
                    tokens.next();
                    stages.add(pipeStage());
                }
                default -> {
                    return stages;
                }
            }
        }
    }

    private Stage lineFilter() {
        LineFilter.Type type = switch (tokens.next().kind()) {
            case PIPE_EXACT -> LineFilter.Type.CONTAINS;
            case NEQ -> LineFilter.Type.NOT_CONTAINS;
            case PIPE_MATCH -> LineFilter.Type.REGEX;
            default -> LineFilter.Type.NOT_REGEX;
        };
        List<String> values = new ArrayList<>();
        values.add(filterValue());
        while (tokens.accept(TokenKind.OR)) {
            values.add(filterValue());
        }
        for (String value : values) {
            try {
                LineFilter.of(type, value);
            } catch (IllegalArgumentException e) {
                throw LogqlParseException.of(e.getMessage());
            }
        }
        return new Stage.LineFilterStage(type, values);
    }

    private String filterValue() {
        Token value = tokens.expect(TokenKind.STRING, TokenKind.IP);
        if (value.kind() == TokenKind.IP) {
            throw LogqlParser.unsupported("ip() line filters");
        }
        return value.text();
    }

    private Stage pipeStage() {
        switch (tokens.kind()) {
            case JSON -> {
                tokens.next();
                return new Stage.JsonStage(extractions());
            }
            case LOGFMT -> {
                tokens.next();
                boolean strict = false;
                boolean keepEmpty = false;
                while (tokens.at(TokenKind.FUNCTION_FLAG)) {
                    String flag = tokens.next().text();
                    strict |= flag.equals("--strict");
                    keepEmpty |= flag.equals("--keep-empty");
                }
                return new Stage.LogfmtStage(extractions(), strict, keepEmpty);
            }
            case LINE_FMT -> {
                tokens.next();
                return new Stage.LineFormatStage(tokens.expect(TokenKind.STRING).text());
            }
            case DROP, KEEP -> {
                boolean keep = tokens.next().kind() == TokenKind.KEEP;
                return new Stage.DropStage(keep, namedMatchers());
            }
            case DECOLORIZE -> {
                tokens.next();
                return new Stage.DecolorizeStage();
            }
            case IDENTIFIER, OPEN_PARENTHESIS -> {
                return new Stage.LabelFilterStage(labelOr());
            }
            case REGEXP -> throw LogqlParser.unsupported("the regexp parser");
            case PATTERN -> throw LogqlParser.unsupported("the pattern parser");
            case UNPACK -> throw LogqlParser.unsupported("unpack");
            case XML -> throw LogqlParser.unsupported("the xml parser");
            case LABEL_FMT -> throw LogqlParser.unsupported("label_format");
            case UNWRAP -> throw LogqlParser.unsupported("unwrap");
            default -> throw tokens.unexpected();
        }
    }

    /** The optional {@code label="path", other} list after {@code json} or {@code logfmt}. */
    private List<Stage.Extraction> extractions() {
        List<Stage.Extraction> extractions = new ArrayList<>();
        if (!tokens.at(TokenKind.IDENTIFIER)) {
            return extractions;
        }
        while (true) {
            String label = tokens.expect(TokenKind.IDENTIFIER).text();
            String expression = tokens.accept(TokenKind.EQ) ? tokens.expect(TokenKind.STRING).text() : label;
            extractions.add(new Stage.Extraction(label, expression));
            if (!tokens.accept(TokenKind.COMMA)) {
                return extractions;
            }
        }
    }

    private List<Stage.NamedMatcher> namedMatchers() {
        List<Stage.NamedMatcher> named = new ArrayList<>();
        while (true) {
            Token name = tokens.expect(TokenKind.IDENTIFIER);
            if (tokens.at(TokenKind.EQ, TokenKind.NEQ, TokenKind.RE, TokenKind.NRE)) {
                named.add(new Stage.NamedMatcher(name.text(), matcher(name)));
            } else {
                named.add(new Stage.NamedMatcher(name.text(), null));
            }
            if (!tokens.accept(TokenKind.COMMA)) {
                return named;
            }
        }
    }

    private LabelPredicate labelOr() {
        LabelPredicate left = labelAnd();
        while (tokens.accept(TokenKind.OR)) {
            left = new LabelPredicate.Or(left, labelAnd());
        }
        return left;
    }

    private LabelPredicate labelAnd() {
        LabelPredicate left = labelSequence();
        while (tokens.accept(TokenKind.AND)) {
            left = new LabelPredicate.And(left, labelSequence());
        }
        return left;
    }

    /** A filter followed by a comma or by another filter: Loki's grammar joins it with all that follows. */
    private LabelPredicate labelSequence() {
        LabelPredicate first = labelPrimary();
        if (tokens.accept(TokenKind.COMMA) || tokens.at(TokenKind.IDENTIFIER, TokenKind.OPEN_PARENTHESIS)) {
            return new LabelPredicate.And(first, labelOr());
        }
        return first;
    }

    private LabelPredicate labelPrimary() {
        if (tokens.accept(TokenKind.OPEN_PARENTHESIS)) {
            LabelPredicate inner = labelOr();
            if (!tokens.accept(TokenKind.CLOSE_PARENTHESIS)) {
                throw tokens.unexpected();
            }
            return inner;
        }
        String name = tokens.expect(TokenKind.IDENTIFIER, TokenKind.OPEN_PARENTHESIS).text();
        Token op = tokens.peek();
        switch (op.kind()) {
            case RE, NRE -> {
                tokens.next();
                return new LabelPredicate.Match(matcher(name, op.kind(), tokens.expect(TokenKind.STRING).text()));
            }
            case EQ, NEQ -> {
                tokens.next();
                if (tokens.at(TokenKind.STRING)) {
                    return new LabelPredicate.Match(matcher(name, op.kind(), tokens.next().text()));
                }
                if (tokens.at(TokenKind.IP)) {
                    throw LogqlParser.unsupported("ip() label filters");
                }
                return typed(name, op.kind() == TokenKind.EQ ? CompareOp.EQ : CompareOp.NE);
            }
            case GT, GTE, LT, LTE, CMP_EQ -> {
                tokens.next();
                CompareOp compare = switch (op.kind()) {
                    case GT -> CompareOp.GT;
                    case GTE -> CompareOp.GE;
                    case LT -> CompareOp.LT;
                    case LTE -> CompareOp.LE;
                    default -> CompareOp.EQ;
                };
                return typed(name, compare);
            }
            default -> throw tokens.unexpected();
        }
    }

    /** A duration, size or number compared with a label. */
    private LabelPredicate typed(String name, CompareOp op) {
        Token value = tokens.peek();
        switch (value.kind()) {
            case DURATION -> {
                tokens.next();
                return new LabelPredicate.Duration(name, op, value.nanos());
            }
            case BYTES -> {
                tokens.next();
                return new LabelPredicate.Bytes(name, op, value.nanos(), value.text());
            }
            case NUMBER -> {
                tokens.next();
                return new LabelPredicate.Numeric(name, op, Double.parseDouble(value.text()));
            }
            case ADD, SUB -> {
                tokens.next();
                double number = Double.parseDouble(tokens.expect(TokenKind.NUMBER).text());
                return new LabelPredicate.Numeric(name, op, value.kind() == TokenKind.SUB ? -number : number);
            }
            default -> throw tokens.unexpected();
        }
    }

    /** {@code by (a, b)} or {@code without (a)}. */
    Grouping grouping() {
        boolean without = tokens.next().kind() == TokenKind.WITHOUT;
        tokens.expect(TokenKind.OPEN_PARENTHESIS);
        List<String> labels = new ArrayList<>();
        if (tokens.accept(TokenKind.CLOSE_PARENTHESIS)) {
            return new Grouping(without, labels);
        }
        labels.add(tokens.expect(TokenKind.IDENTIFIER, TokenKind.CLOSE_PARENTHESIS).text());
        while (true) {
            if (tokens.accept(TokenKind.CLOSE_PARENTHESIS)) {
                return new Grouping(without, labels);
            }
            if (!tokens.accept(TokenKind.COMMA)) {
                throw tokens.unexpected(TokenKind.COMMA, TokenKind.CLOSE_PARENTHESIS);
            }
            labels.add(tokens.expect(TokenKind.IDENTIFIER).text());
        }
    }
}
