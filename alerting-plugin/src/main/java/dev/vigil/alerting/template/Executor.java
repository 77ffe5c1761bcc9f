package dev.vigil.alerting.template;

import dev.vigil.alerting.template.Function.Param;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.GoStruct;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.Node.ActionNode;
import dev.vigil.alerting.template.Node.BoolNode;
import dev.vigil.alerting.template.Node.BranchKind;
import dev.vigil.alerting.template.Node.BranchNode;
import dev.vigil.alerting.template.Node.BreakNode;
import dev.vigil.alerting.template.Node.ChainNode;
import dev.vigil.alerting.template.Node.CommandNode;
import dev.vigil.alerting.template.Node.ContinueNode;
import dev.vigil.alerting.template.Node.DotNode;
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
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs a parsed template as Go's {@code text/template} executes it (with {@code missingkey=zero}, as Prometheus
 * sets it): the same evaluation order, argument checks and conversions, and the same messages, which name the
 * node being evaluated as Go does ({@code template: x:1:14: executing "x" at <humanize "a">: ...}). One instance
 * per execution (and per nested {@code template} call); not thread-safe.
 */
final class Executor implements Function.Env {

    /** How deeply {@code template} calls may nest. */
    static final int MAX_DEPTH = 1000;

    /** A failed execution; the message is Go's. */
    static final class ExecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code {{break}}} and {@code {{continue}}} unwinding to their {@code range}. */
    private static final class LoopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoopSignal() {
            super(null, null, false, false);
        }
    }

    private static final LoopSignal BREAK = new LoopSignal();
    private static final LoopSignal CONTINUE = new LoopSignal();
    /** The absent final argument: a command that is first in its pipeline. */
    private static final Object MISSING = new Object();

    private final Program program;
    private final String name;
    private final TemplateData data;
    private final StringBuilder out;
    private final int depth;
    private String[] varNames = new String[8];
    private @Nullable Object[] varValues = new Object[8];
    private int varCount;
    private @Nullable Node node;
    private @Nullable IdentifierNode site;

    private Executor(Program program, String name, TemplateData data, StringBuilder out, int depth) {
        this.program = program;
        this.name = name;
        this.data = data;
        this.out = out;
        this.depth = depth;
    }

    /**
     * Runs {@code program} with {@code dot} as the data, appending to {@code out}.
     *
     * @throws ExecException if execution fails
     */
    static void execute(Program program, TemplateData data, Object dot, StringBuilder out) {
        Executor executor = new Executor(program, program.name(), data, out, 0);
        ListNode root = program.tree(program.name());
        if (root == null) {
            throw new ExecException("template: " + program.name() + ": " + GoText.quote(program.name())
                    + " is an incomplete or empty template");
        }
        executor.push("$", dot);
        executor.walk(dot, root);
    }

    @Override
    public TemplateData data() {
        return data;
    }

    @Override
    public Pattern regex(String source) {
        IdentifierNode current = site;
        return current == null ? GoRegex.compile(source) : current.regexCache().get(source);
    }

    // Variables.

    private void push(String variable, @Nullable Object value) {
        if (varCount == varNames.length) {
            varNames = Arrays.copyOf(varNames, varCount * 2);
            varValues = Arrays.copyOf(varValues, varCount * 2);
        }
        varNames[varCount] = variable;
        varValues[varCount] = value;
        varCount++;
    }

    private void pop(int mark) {
        Arrays.fill(varValues, mark, varCount, null);
        varCount = mark;
    }

    private void setVar(String variable, @Nullable Object value) {
        for (int i = varCount - 1; i >= 0; i--) {
            if (varNames[i].equals(variable)) {
                varValues[i] = value;
                return;
            }
        }
        throw errorf("undefined variable: " + variable);
    }

    private void setTopVar(int n, @Nullable Object value) {
        varValues[varCount - n] = value;
    }

    private @Nullable Object varValue(String variable) {
        for (int i = varCount - 1; i >= 0; i--) {
            if (varNames[i].equals(variable)) {
                return varValues[i];
            }
        }
        throw errorf("undefined variable: " + variable);
    }

    // Errors.

    private ExecException errorf(String message) {
        Node at = node;
        String quotedName = GoText.quote(name);
        if (at == null) {
            return new ExecException("template: " + name + ": " + message);
        }
        return new ExecException("template: " + program.location(at.pos()) + ": executing " + quotedName + " at <"
                + at + ">: " + message);
    }

    // Walking the tree.

    private void walk(@Nullable Object dot, Node n) {
        node = n;
        if (n instanceof TextNode text) {
            out.append(text.text());
        } else if (n instanceof ActionNode action) {
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                node = action;
                out.append(GoFmt.templateString(value));
            }
        } else if (n instanceof ListNode list) {
            for (Node child : list.nodes()) {
                walk(dot, child);
            }
        } else if (n instanceof BranchNode branch) {
            if (branch.kind() == BranchKind.RANGE) {
                walkRange(dot, branch);
            } else {
                walkIfOrWith(dot, branch);
            }
        } else if (n instanceof TemplateNode template) {
            walkTemplate(dot, template);
        } else if (n instanceof BreakNode) {
            throw BREAK;
        } else if (n instanceof ContinueNode) {
            throw CONTINUE;
        } else {
            throw errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(@Nullable Object dot, BranchNode branch) {
        int mark = varCount;
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (GoValues.isTrue(value)) {
                walk(branch.kind() == BranchKind.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(@Nullable Object dot, BranchNode range) {
        node = range;
        int outerMark = varCount;
        try {
            Object value = evalPipeline(dot, range.pipe());
            int mark = varCount;
            if (value instanceof QueryResult result) {
                if (!result.samples().isEmpty()) {
                    for (int i = 0; i < result.samples().size(); i++) {
                        iteration(range, (long) i, result.samples().get(i), mark);
                    }
                    return;
                }
            } else if (value instanceof GoMap map) {
                if (map.size() > 0) {
                    for (String key : map.sortedKeys()) {
                        iteration(range, key, map.get(key), mark);
                    }
                    return;
                }
            } else if (value instanceof Long count) {
                if (range.pipe().decl().size() > 1) {
                    throw errorf("can't use " + GoFmt.templateString(value) + " to iterate over more than one variable");
                }
                if (count > 0) {
                    for (long i = 0; i < count; i++) {
                        iteration(range, null, i, mark);
                    }
                    return;
                }
            } else if (value != null) {
                throw errorf("range can't iterate over " + GoFmt.templateString(value));
            }
            if (range.elseList() != null) {
                walk(dot, range.elseList());
            }
        } catch (LoopSignal signal) {
            if (signal != BREAK) {
                throw signal;
            }
        } finally {
            pop(outerMark);
        }
    }

    private void iteration(BranchNode range, @Nullable Object index, @Nullable Object element, int mark) {
        PipeNode pipe = range.pipe();
        List<VariableNode> decl = pipe.decl();
        if (!decl.isEmpty()) {
            if (pipe.isAssign()) {
                setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (pipe.isAssign()) {
                setVar(decl.get(1).ident().get(0), element);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(element, range.list());
        } catch (LoopSignal signal) {
            if (signal != CONTINUE) {
                throw signal;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(@Nullable Object dot, TemplateNode template) {
        node = template;
        ListNode tree = program.tree(template.name());
        if (tree == null) {
            throw errorf("template " + GoText.quote(template.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, template.pipe());
        Executor called = new Executor(program, template.name(), data, out, depth + 1);
        called.push("$", newDot);
        called.walk(newDot, tree);
    }

    // Evaluation.

    private @Nullable Object evalPipeline(@Nullable Object dot, @Nullable PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(variable.ident().get(0), value);
            } else {
                push(variable.ident().get(0), value);
            }
        }
        return value;
    }

    private @Nullable Object evalCommand(@Nullable Object dot, CommandNode cmd, @Nullable Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode field) {
            return evalFieldNode(dot, field, cmd.args(), fin);
        }
        if (first instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args(), fin);
        }
        if (first instanceof ChainNode chain) {
            return evalChainNode(dot, chain, cmd.args(), fin);
        }
        if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, pipe);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof StringNode string) {
            return string.text();
        }
        if (first instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (first instanceof BoolNode bool) {
            return bool.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw errorf("nil is not a command");
        }
        throw errorf("can't evaluate command " + GoText.quote(first.toString()));
    }

    private void notAFunction(@Nullable List<Node> args, @Nullable Object fin) {
        if (args != null && args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + (args == null ? "" : args.get(0)));
        }
    }

    private Object idealConstant(NumberNode constant) {
        node = constant;
        if (constant.isComplex()) {
            throw errorf("complex constant " + constant.text() + " is not supported");
        }
        String text = constant.text();
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && !NumberLiteral.containsAny(text, "pP");
        boolean runeInt = text.startsWith("'");
        if (constant.isFloat() && !hexInt && !runeInt && NumberLiteral.containsAny(text, ".eEpP")) {
            return constant.float64();
        }
        if (constant.isInt()) {
            return constant.int64();
        }
        throw errorf(text + " overflows int");
    }

    private @Nullable Object evalFieldNode(@Nullable Object dot, FieldNode field, @Nullable List<Node> args,
            @Nullable Object fin) {
        node = field;
        return evalFieldChain(dot, dot, field, field.ident(), 0, args, fin);
    }

    private @Nullable Object evalVariableNode(@Nullable Object dot, VariableNode variable, @Nullable List<Node> args,
            @Nullable Object fin) {
        node = variable;
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident(), 1, args, fin);
    }

    private @Nullable Object evalChainNode(@Nullable Object dot, ChainNode chain, @Nullable List<Node> args,
            @Nullable Object fin) {
        node = chain;
        if (chain.node() instanceof NilNode) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, Param.ANY, chain.node());
        return evalFieldChain(dot, receiver, chain, chain.fields(), 0, args, fin);
    }

    private @Nullable Object evalFieldChain(@Nullable Object dot, @Nullable Object receiver, Node at,
            List<String> ident, int from, @Nullable List<Node> args, @Nullable Object fin) {
        int n = ident.size();
        boolean viaInterface = false;
        for (int i = from; i < n - 1; i++) {
            Object next = evalField(dot, ident.get(i), at, null, MISSING, receiver, viaInterface);
            viaInterface = holdsInterface(receiver, ident.get(i));
            receiver = next;
        }
        return evalField(dot, ident.get(n - 1), at, args, fin, receiver, viaInterface);
    }

    /** Whether the field or key {@code name} of {@code receiver} has Go type {@code interface {}}. */
    private static boolean holdsInterface(@Nullable Object receiver, String name) {
        return receiver instanceof GoValue.AnyMap || receiver instanceof GoStruct && name.equals("Value");
    }

    private @Nullable Object evalField(@Nullable Object dot, String fieldName, Node at, @Nullable List<Node> args,
            @Nullable Object fin, @Nullable Object receiver, boolean viaInterface) {
        if (receiver == null) {
            if (viaInterface) {
                throw errorf("nil pointer evaluating interface {}." + fieldName);
            }
            return null;
        }
        Function method = Methods.lookup(receiver, fieldName);
        if (method != null) {
            return evalCall(dot, method, at, fieldName, args, fin, null);
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != MISSING;
        if (receiver instanceof GoStruct struct && struct.fieldNames().contains(fieldName)) {
            if (hasArgs) {
                throw errorf(fieldName + " has arguments but cannot be invoked as function");
            }
            return struct.field(fieldName);
        }
        if (receiver instanceof GoMap map) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            return map.get(fieldName);
        }
        String type = viaInterface ? "interface {}" : GoValues.typeName(receiver);
        throw errorf("can't evaluate field " + fieldName + " in type " + type);
    }

    private @Nullable Object evalFunction(@Nullable Object dot, IdentifierNode identifier, Node cmd,
            @Nullable List<Node> args, @Nullable Object fin) {
        node = identifier;
        Function function = Functions.lookup(identifier.ident());
        if (function == null) {
            throw errorf(GoText.quote(identifier.ident()) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, identifier.ident(), args, fin, identifier);
    }

    private @Nullable Object evalCall(@Nullable Object dot, Function function, Node at, String fname,
            @Nullable List<Node> args, @Nullable Object fin, @Nullable IdentifierNode callSite) {
        List<Node> actual = args == null ? List.of() : args.subList(1, args.size());
        int numIn = actual.size() + (fin != MISSING ? 1 : 0);
        int declared = function.params().size();
        int numFixed = actual.size();
        if (function.variadic()) {
            numFixed = declared - 1;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + fname + ": want at least " + (declared - 1) + " got "
                        + actual.size());
            }
        } else if (numIn != declared) {
            throw errorf("wrong number of args for " + fname + ": want " + declared + " got " + numIn);
        }
        if (function.builtin() && (fname.equals("and") || fname.equals("or"))) {
            boolean isOr = fname.equals("or");
            Object value = null;
            for (Node arg : actual) {
                value = evalArg(dot, Param.VALUE, arg);
                if (GoValues.isTrue(value) == isOr) {
                    return value;
                }
            }
            if (fin != MISSING) {
                value = fin;
            }
            return value;
        }
        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < numFixed && i < actual.size(); i++) {
            argv[i] = evalArg(dot, function.param(i), actual.get(i));
        }
        if (function.variadic()) {
            Param elementType = function.param(declared - 1);
            for (; i < actual.size(); i++) {
                argv[i] = evalArg(dot, elementType, actual.get(i));
            }
        }
        if (fin != MISSING) {
            Param type = function.param(declared - 1);
            if (function.variadic() && numIn - 1 < numFixed) {
                type = function.param(numIn - 1);
            }
            argv[i] = validateType(fin, type);
        }
        if (function.builtin() && fname.equals("call")) {
            node = at;
            String callee = actual.isEmpty() ? String.valueOf(fin) : actual.get(0).toString();
            Object fn = argv[0];
            throw errorf("error calling call: " + (fn == null ? "call of nil"
                    : "non-function " + callee + " of type " + GoValues.typeName(fn)));
        }
        IdentifierNode outerSite = site;
        site = callSite;
        try {
            return function.body().call(this, argv);
        } catch (FunctionException e) {
            node = at;
            throw errorf("error calling " + fname + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A Go function that panics fails the same way, with the panic as the error.
            node = at;
            throw errorf("error calling " + fname + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            site = outerSite;
        }
    }

    private @Nullable Object evalArg(@Nullable Object dot, Param type, Node arg) {
        node = arg;
        if (arg instanceof DotNode) {
            return validateType(dot, type);
        }
        if (arg instanceof NilNode) {
            if (type.canBeNil()) {
                return null;
            }
            throw errorf("cannot assign nil to " + type.goName());
        }
        if (arg instanceof FieldNode field) {
            return validateType(evalFieldNode(dot, field, List.of(arg), MISSING), type);
        }
        if (arg instanceof VariableNode variable) {
            return validateType(evalVariableNode(dot, variable, null, MISSING), type);
        }
        if (arg instanceof PipeNode pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        }
        if (arg instanceof IdentifierNode identifier) {
            return validateType(evalFunction(dot, identifier, identifier, null, MISSING), type);
        }
        if (arg instanceof ChainNode chain) {
            return validateType(evalChainNode(dot, chain, null, MISSING), type);
        }
        switch (type) {
            case STRING:
                if (arg instanceof StringNode string) {
                    return string.text();
                }
                throw errorf("expected string; found " + arg);
            case ANY:
            case VALUE:
                return evalEmptyInterface(dot, arg);
            default:
                throw errorf("can't handle " + arg + " for arg of type " + type.goName());
        }
    }

    private @Nullable Object evalEmptyInterface(@Nullable Object dot, Node arg) {
        node = arg;
        if (arg instanceof BoolNode bool) {
            return bool.value();
        }
        if (arg instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (arg instanceof StringNode string) {
            return string.text();
        }
        throw errorf("can't handle assignment of " + arg + " to empty interface argument");
    }

    private @Nullable Object validateType(@Nullable Object value, Param type) {
        if (value == null) {
            if (type.canBeNil()) {
                return null;
            }
            throw errorf("invalid value; expected " + type.goName());
        }
        boolean ok = switch (type) {
            case ANY, VALUE -> true;
            case STRING -> value instanceof String;
            case QUERY_RESULT -> value instanceof QueryResult;
            case SAMPLE -> value instanceof GoValue.QuerySample;
        };
        if (!ok) {
            throw errorf("wrong type for value; expected " + type.goName() + "; got " + GoValues.typeName(value));
        }
        return value;
    }
}
