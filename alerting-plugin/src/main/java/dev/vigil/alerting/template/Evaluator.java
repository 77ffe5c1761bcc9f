package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Function.Param;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.GoStruct;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.Node.BoolNode;
import dev.vigil.alerting.template.Node.ChainNode;
import dev.vigil.alerting.template.Node.CommandNode;
import dev.vigil.alerting.template.Node.DotNode;
import dev.vigil.alerting.template.Node.FieldNode;
import dev.vigil.alerting.template.Node.IdentifierNode;
import dev.vigil.alerting.template.Node.NilNode;
import dev.vigil.alerting.template.Node.NumberNode;
import dev.vigil.alerting.template.Node.PipeNode;
import dev.vigil.alerting.template.Node.StringNode;
import dev.vigil.alerting.template.Node.VariableNode;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the expressions of a template as Go's {@code text/template} does (with {@code missingkey=zero}, as
 * Prometheus sets it): pipelines, commands, fields, variables and function calls, with Go's argument checks and
 * conversions. It tracks the node being evaluated so that failures name it as Go does
 * ({@code template: x:1:14: executing "x" at <humanize "a">: ...}). One instance per execution of a template (and
 * per nested {@code template} call); not thread-safe.
 */
final class Evaluator implements Function.Env {

    /** A failed execution; the message is Go's. */
    static final class ExecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecException(String message) {
            super(message, null, false, false);
        }
    }

    /** The absent final argument: a command that is first in its pipeline. */
    private static final Object MISSING = new Object();

    private final Program program;
    private final String name;
    private final TemplateData data;
    private final Variables vars = new Variables();
    private @Nullable Node node;
    private @Nullable IdentifierNode site;

    /** An evaluator for the template {@code name} of {@code program}, with {@code $} set to {@code dot}. */
    Evaluator(Program program, String name, TemplateData data, @Nullable Object dot) {
        this.program = program;
        this.name = name;
        this.data = data;
        vars.push("$", dot);
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

    /** The program being run. */
    Program program() {
        return program;
    }

    /** Marks {@code n} as the node being evaluated, for messages. */
    void at(Node n) {
        node = n;
    }

    /** The variables. */
    Variables variables() {
        return vars;
    }

    private void push(String variable, @Nullable Object value) {
        vars.push(variable, value);
    }

    /** Forgets the variables declared since {@code mark}, as the end of a block does. */
    void pop(int mark) {
        vars.pop(mark);
    }

    /** Assigns a declared variable, as {@code $x = ...} does. */
    void setVar(String variable, @Nullable Object value) {
        if (!vars.set(variable, value)) {
            throw errorf("undefined variable: " + variable);
        }
    }

    private @Nullable Object varValue(String variable) {
        int index = vars.find(variable);
        if (index < 0) {
            throw errorf("undefined variable: " + variable);
        }
        return vars.get(index);
    }

    /** The failure {@code message} at the node being evaluated. */
    ExecException errorf(String message) {
        Node at = node;
        String quotedName = GoText.quote(name);
        if (at == null) {
            return new ExecException("template: " + name + ": " + message);
        }
        return new ExecException("template: " + program.location(at.pos()) + ": executing " + quotedName + " at <"
                + at + ">: " + message);
    }

    /** Evaluates a pipeline, declaring or assigning its variables. */
    @Nullable Object evalPipeline(@Nullable Object dot, @Nullable PipeNode pipe) {
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
        return evalCall(dot, identifier.function(), cmd, identifier.ident(), args, fin, identifier);
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
