package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Node.ActionNode;
import dev.vigil.alerting.template.Node.BoolNode;
import dev.vigil.alerting.template.Node.BranchKind;
import dev.vigil.alerting.template.Node.BranchNode;
import dev.vigil.alerting.template.Node.BreakNode;
import dev.vigil.alerting.template.Node.ChainNode;
import dev.vigil.alerting.template.Node.CommandNode;
import dev.vigil.alerting.template.Node.ContinueNode;
import dev.vigil.alerting.template.Node.DotNode;
import dev.vigil.alerting.template.Node.ElseNode;
import dev.vigil.alerting.template.Node.EndNode;
import dev.vigil.alerting.template.Node.FieldNode;
import dev.vigil.alerting.template.Node.IdentifierNode;
import dev.vigil.alerting.template.Node.ListNode;
import dev.vigil.alerting.template.Node.NilNode;
import dev.vigil.alerting.template.Node.NumberNode;
import dev.vigil.alerting.template.Node.PipeNode;
import dev.vigil.alerting.template.Node.StringNode;
import dev.vigil.alerting.template.Node.TemplateNode;
import dev.vigil.alerting.template.Node.TextNode;
import dev.vigil.alerting.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tree of a template as Go's {@code text/template/parse} does: the same grammar, the same checks
 * (undefined functions and variables, unbalanced blocks) and the same messages, such as
 * {@code template: summary:1: function "humanise" not defined}. Not thread-safe; one instance per parse.
 */
final class Parser {

    /** How deeply parentheses may nest. */
    private static final int MAX_PAREN_DEPTH = 1000;

    /** A failed parse; the message is Go's. */
    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private record Items(ListNode list, Node next) {}

    private final String name;
    private final TokenStream tokens;
    private final Map<String, ListNode> trees = new LinkedHashMap<>();
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private int actionLine;
    private int parenDepth;

    private Parser(String name, String text) {
        this.name = name;
        this.tokens = new TokenStream(Lexer.lex(text));
    }

    /**
     * Parses {@code text}.
     *
     * @return the template named {@code name} and those it defines, by name
     * @throws ParseException if it does not parse
     */
    static Map<String, ListNode> parse(String name, String text) {
        Parser parser = new Parser(name, text);
        ListNode root = parser.parseTop();
        parser.add(name, root);
        return parser.trees;
    }

    private ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int pos = tokens.peek().pos();
        while (tokens.peek().type() != TokenType.EOF) {
            if (tokens.peek().type() == TokenType.LEFT_DELIM) {
                int mark = tokens.position();
                tokens.next();
                if (tokens.nextNonSpace().type() == TokenType.DEFINE) {
                    parseDefinition();
                    continue;
                }
                tokens.reset(mark);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw errorf("unexpected " + n);
            }
            nodes.add(n);
        }
        return new ListNode(pos, nodes);
    }

    private void parseDefinition() {
        String context = "define clause";
        List<String> outerVars = vars;
        int outerRangeDepth = rangeDepth;
        int outerParenDepth = parenDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        parenDepth = 0;
        Token nameToken = expectOneOf(TokenType.STRING, TokenType.RAW_STRING, context);
        String defined = unquote(nameToken.val());
        expect(TokenType.RIGHT_DELIM, context);
        Items items = itemList();
        if (!(items.next() instanceof EndNode)) {
            throw errorf("unexpected " + items.next() + " in " + context);
        }
        add(defined, items.list());
        vars = outerVars;
        rangeDepth = outerRangeDepth;
        parenDepth = outerParenDepth;
    }

    private void add(String treeName, ListNode root) {
        ListNode existing = trees.get(treeName);
        if (existing == null || isEmptyTree(existing)) {
            trees.put(treeName, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + GoText.quote(treeName));
        }
    }

    private static boolean isEmptyTree(Node node) {
        if (node instanceof ListNode list) {
            return list.nodes().stream().allMatch(Parser::isEmptyTree);
        }
        if (node instanceof TextNode text) {
            return text.text().strip().isEmpty();
        }
        return false;
    }

    private Items itemList() {
        int pos = tokens.peekNonSpace().pos();
        List<Node> nodes = new ArrayList<>();
        while (tokens.peekNonSpace().type() != TokenType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Items(new ListNode(pos, nodes), n);
            }
            nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Token token = tokens.nextNonSpace();
        switch (token.type()) {
            case TEXT:
                return new TextNode(token.pos(), token.val());
            case LEFT_DELIM:
                actionLine = token.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(token, "input");
        }
    }

    private Node action() {
        Token token = tokens.nextNonSpace();
        switch (token.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return loopControl(token, "{{break}}", true);
            case CONTINUE:
                return loopControl(token, "{{continue}}", false);
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(TokenType.RIGHT_DELIM, "end").pos());
            case IF:
                return control(BranchKind.IF);
            case RANGE:
                return control(BranchKind.RANGE);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(BranchKind.WITH);
            default:
                break;
        }
        tokens.backup();
        Token first = tokens.peek();
        return new ActionNode(first.pos(), first.line(), pipeline("command", TokenType.RIGHT_DELIM));
    }

    private Node loopControl(Token keyword, String context, boolean isBreak) {
        Token token = tokens.nextNonSpace();
        if (token.type() != TokenType.RIGHT_DELIM) {
            throw unexpected(token, context);
        }
        if (rangeDepth == 0) {
            throw errorf(context + " outside {{range}}");
        }
        return isBreak ? new BreakNode(keyword.pos(), keyword.line()) : new ContinueNode(keyword.pos(), keyword.line());
    }

    private Node elseControl() {
        Token peek = tokens.peekNonSpace();
        if (peek.type() == TokenType.IF || peek.type() == TokenType.WITH) {
            // "{{else if ...": the "if" stays pending and is parsed as a nested {{if}}.
            return new ElseNode(peek.pos(), peek.line());
        }
        Token token = expect(TokenType.RIGHT_DELIM, "else");
        return new ElseNode(token.pos(), token.line());
    }

    private BranchNode control(BranchKind kind) {
        String context = kind.name().toLowerCase(java.util.Locale.ROOT);
        int varCount = vars.size();
        PipeNode pipe = pipeline(context, TokenType.RIGHT_DELIM);
        if (kind == BranchKind.RANGE) {
            rangeDepth++;
        }
        Items items = itemList();
        if (kind == BranchKind.RANGE) {
            rangeDepth--;
        }
        ListNode elseList = null;
        if (items.next() instanceof ElseNode) {
            if (kind == BranchKind.IF && tokens.peek().type() == TokenType.IF) {
                tokens.next();
                elseList = new ListNode(items.next().pos(), List.of(control(BranchKind.IF)));
            } else if (kind == BranchKind.WITH && tokens.peek().type() == TokenType.WITH) {
                tokens.next();
                elseList = new ListNode(items.next().pos(), List.of(control(BranchKind.WITH)));
            } else {
                Items elseItems = itemList();
                if (!(elseItems.next() instanceof EndNode)) {
                    throw errorf("expected end; found " + elseItems.next());
                }
                elseList = elseItems.list();
            }
        }
        vars.subList(varCount, vars.size()).clear();
        return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, items.list(), elseList);
    }

    private Node blockControl() {
        String context = "block clause";
        Token token = tokens.nextNonSpace();
        String blockName = templateName(token, context);
        PipeNode pipe = pipeline(context, TokenType.RIGHT_DELIM);
        List<String> outerVars = vars;
        int outerRangeDepth = rangeDepth;
        int outerActionLine = actionLine;
        int outerParenDepth = parenDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        actionLine = 0;
        parenDepth = 0;
        Items items = itemList();
        if (!(items.next() instanceof EndNode)) {
            throw errorf("unexpected " + items.next() + " in " + context);
        }
        add(blockName, items.list());
        vars = outerVars;
        rangeDepth = outerRangeDepth;
        actionLine = outerActionLine;
        parenDepth = outerParenDepth;
        return new TemplateNode(token.pos(), token.line(), blockName, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Token token = tokens.nextNonSpace();
        String templateName = templateName(token, context);
        PipeNode pipe = null;
        if (tokens.nextNonSpace().type() != TokenType.RIGHT_DELIM) {
            tokens.backup();
            pipe = pipeline(context, TokenType.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), token.line(), templateName, pipe);
    }

    private String templateName(Token token, String context) {
        if (token.type() != TokenType.STRING && token.type() != TokenType.RAW_STRING) {
            throw unexpected(token, context);
        }
        return unquote(token.val());
    }

    private PipeNode pipeline(String context, TokenType end) {
        Token first = tokens.peekNonSpace();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        while (true) {
            Token v = tokens.peekNonSpace();
            if (v.type() != TokenType.VARIABLE) {
                break;
            }
            int atVariable = tokens.position();
            tokens.next();
            Token following = tokens.peekNonSpace();
            if (following.type() == TokenType.ASSIGN || following.type() == TokenType.DECLARE) {
                isAssign = following.type() == TokenType.ASSIGN;
                tokens.nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            }
            if (following.type() == TokenType.CHAR && following.val().equals(",")) {
                tokens.nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    TokenType after = tokens.peekNonSpace().type();
                    if (after == TokenType.VARIABLE || after == TokenType.RIGHT_DELIM || after == TokenType.RIGHT_PAREN) {
                        continue;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            }
            tokens.reset(atVariable);
            break;
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token token = tokens.nextNonSpace();
            if (token.type() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
            }
            switch (token.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    tokens.backup();
                    cmds.add(command());
                }
                default -> throw unexpected(token, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = tokens.peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            tokens.peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = tokens.next();
            if (token.type() == TokenType.SPACE) {
                continue;
            }
            if (token.type() == TokenType.RIGHT_DELIM || token.type() == TokenType.RIGHT_PAREN) {
                tokens.backup();
            } else if (token.type() != TokenType.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw errorf("empty command");
        }
        return new CommandNode(pos, args);
    }

    private Node operand() {
        Node node = term();
        if (node == null || tokens.peek().type() != TokenType.FIELD) {
            return node;
        }
        int pos = tokens.peek().pos();
        List<String> fields = new ArrayList<>();
        while (tokens.peek().type() == TokenType.FIELD) {
            fields.add(tokens.next().val().substring(1));
        }
        if (node instanceof FieldNode field) {
            List<String> ident = new ArrayList<>(field.ident());
            ident.addAll(fields);
            return new FieldNode(pos, ident);
        }
        if (node instanceof VariableNode variable) {
            List<String> ident = new ArrayList<>(variable.ident());
            ident.addAll(fields);
            return new VariableNode(pos, ident);
        }
        if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode || node instanceof NilNode
                || node instanceof DotNode) {
            throw errorf("unexpected . after term " + GoText.quote(node.toString()));
        }
        return new ChainNode(pos, node, fields);
    }

    private Node term() {
        Token token = tokens.nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER:
                Function function = Functions.lookup(token.val());
                if (function == null) {
                    throw errorf("function " + GoText.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val(), function, new RegexCache());
            case DOT:
                return new DotNode(token.pos());
            case NIL:
                return new NilNode(token.pos());
            case VARIABLE:
                return useVar(token.pos(), token.val());
            case FIELD:
                return new FieldNode(token.pos(), Arrays.asList(token.val().substring(1).split("\\.", -1)));
            case BOOL:
                return new BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                try {
                    return NumberLiteral.parse(token.pos(), token.val(), token.type());
                } catch (IllegalArgumentException e) {
                    throw errorf(e.getMessage());
                }
            case LEFT_PAREN:
                if (parenDepth >= MAX_PAREN_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                parenDepth++;
                try {
                    return pipeline("parenthesized pipeline", TokenType.RIGHT_PAREN);
                } finally {
                    parenDepth--;
                }
            case STRING, RAW_STRING:
                return new StringNode(token.pos(), token.val(), unquote(token.val()));
            default:
                tokens.backup();
                return null;
        }
    }

    private VariableNode useVar(int pos, String variable) {
        VariableNode v = new VariableNode(pos, Arrays.asList(variable.split("\\.", -1)));
        if (!vars.contains(v.ident().get(0))) {
            throw errorf("undefined variable " + GoText.quote(v.ident().get(0)));
        }
        return v;
    }

    private String unquote(String quoted) {
        try {
            return GoText.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    private Token expect(TokenType expected, String context) {
        Token token = tokens.nextNonSpace();
        if (token.type() != expected) {
            throw unexpected(token, context);
        }
        return token;
    }

    private Token expectOneOf(TokenType first, TokenType second, String context) {
        Token token = tokens.nextNonSpace();
        if (token.type() != first && token.type() != second) {
            throw unexpected(token, context);
        }
        return token;
    }

    private ParseException unexpected(Token token, String context) {
        if (token.type() == TokenType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return errorf(token.val() + extra);
        }
        return errorf("unexpected " + token + " in " + context);
    }

    private ParseException errorf(String message) {
        return new ParseException("template: " + name + ":" + tokens.line() + ": " + message);
    }
}
