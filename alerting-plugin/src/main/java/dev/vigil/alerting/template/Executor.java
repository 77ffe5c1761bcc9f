package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.Node.ActionNode;
import dev.vigil.alerting.template.Node.BranchKind;
import dev.vigil.alerting.template.Node.BranchNode;
import dev.vigil.alerting.template.Node.BreakNode;
import dev.vigil.alerting.template.Node.ContinueNode;
import dev.vigil.alerting.template.Node.ListNode;
import dev.vigil.alerting.template.Node.PipeNode;
import dev.vigil.alerting.template.Node.TemplateNode;
import dev.vigil.alerting.template.Node.TextNode;
import dev.vigil.alerting.template.Node.VariableNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a parsed template as Go's {@code text/template} executes it: text, actions, {@code if}, {@code with},
 * {@code range} (maps in key order, slices, integers; {@code break}, {@code continue}, {@code else}) and
 * {@code template} calls. Expressions are left to an {@link Evaluator}. One instance per execution (and per nested
 * {@code template} call); not thread-safe.
 */
final class Executor {

    /** How deeply {@code template} calls may nest. */
    static final int MAX_DEPTH = 1000;

    /** {@code {{break}}} and {@code {{continue}}} unwinding to their {@code range}. */
    private static final class LoopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoopSignal() {
            super(null, null, false, false);
        }
    }

    private static final LoopSignal BREAK = new LoopSignal();
    private static final LoopSignal CONTINUE = new LoopSignal();

    private final Evaluator eval;
    private final StringBuilder out;
    private final int depth;

    private Executor(Evaluator eval, StringBuilder out, int depth) {
        this.eval = eval;
        this.out = out;
        this.depth = depth;
    }

    /**
     * Runs {@code program} with {@code dot} as the data, appending to {@code out}.
     *
     * @throws Evaluator.ExecException if execution fails
     */
    static void execute(Program program, TemplateData data, Object dot, StringBuilder out) {
        ListNode root = program.tree(program.name());
        if (root == null) {
            throw new Evaluator.ExecException("template: " + program.name() + ": " + GoText.quote(program.name())
                    + " is an incomplete or empty template");
        }
        new Executor(new Evaluator(program, program.name(), data, dot), out, 0).walk(dot, root);
    }

    private void walk(@Nullable Object dot, Node n) {
        eval.at(n);
        if (n instanceof TextNode text) {
            out.append(text.text());
        } else if (n instanceof ActionNode action) {
            Object value = eval.evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                eval.at(action);
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
            throw eval.errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(@Nullable Object dot, BranchNode branch) {
        int mark = eval.variables().mark();
        try {
            Object value = eval.evalPipeline(dot, branch.pipe());
            if (GoValues.isTrue(value)) {
                walk(branch.kind() == BranchKind.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            eval.pop(mark);
        }
    }

    private void walkRange(@Nullable Object dot, BranchNode range) {
        eval.at(range);
        int outerMark = eval.variables().mark();
        try {
            Object value = eval.evalPipeline(dot, range.pipe());
            int mark = eval.variables().mark();
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
                    throw eval.errorf("can't use " + GoFmt.templateString(value) + " to iterate over more than one variable");
                }
                if (count > 0) {
                    for (long i = 0; i < count; i++) {
                        iteration(range, null, i, mark);
                    }
                    return;
                }
            } else if (value != null) {
                throw eval.errorf("range can't iterate over " + GoFmt.templateString(value));
            }
            if (range.elseList() != null) {
                walk(dot, range.elseList());
            }
        } catch (LoopSignal signal) {
            if (signal != BREAK) {
                throw signal;
            }
        } finally {
            eval.pop(outerMark);
        }
    }

    private void iteration(BranchNode range, @Nullable Object index, @Nullable Object element, int mark) {
        PipeNode pipe = range.pipe();
        List<VariableNode> decl = pipe.decl();
        if (!decl.isEmpty()) {
            if (pipe.isAssign()) {
                eval.setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : element);
            } else {
                eval.variables().setTop(1, element);
            }
        }
        if (decl.size() > 1) {
            if (pipe.isAssign()) {
                eval.setVar(decl.get(1).ident().get(0), element);
            } else {
                eval.variables().setTop(2, index);
            }
        }
        try {
            walk(element, range.list());
        } catch (LoopSignal signal) {
            if (signal != CONTINUE) {
                throw signal;
            }
        } finally {
            eval.pop(mark);
        }
    }

    private void walkTemplate(@Nullable Object dot, TemplateNode template) {
        eval.at(template);
        ListNode tree = eval.program().tree(template.name());
        if (tree == null) {
            throw eval.errorf("template " + GoText.quote(template.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw eval.errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = eval.evalPipeline(dot, template.pipe());
        Executor called = new Executor(new Evaluator(eval.program(), template.name(), eval.data(), newDot), out,
                depth + 1);
        called.walk(newDot, tree);
    }

}
