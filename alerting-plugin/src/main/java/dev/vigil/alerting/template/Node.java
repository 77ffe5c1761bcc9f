package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of a parsed template, shaped like Go's {@code text/template/parse} tree. {@link #toString()} gives the
 * text Go's messages show for the node, such as {@code humanize $value} or {@code .Labels.instance}. Immutable
 * (apart from the call-site caches, which are thread-safe).
 */
sealed interface Node {

    /** Where the node starts in the template text. */
    int pos();

    /** Appends the node as Go prints it. */
    void writeTo(StringBuilder out);

    /** The node as Go prints it. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.writeTo(out);
        return out.toString();
    }

    /** A sequence of nodes. */
    record ListNode(int pos, List<Node> nodes) implements Node {
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public void writeTo(StringBuilder out) {
            nodes.forEach(n -> n.writeTo(out));
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** Plain text copied to the output. */
    record TextNode(int pos, String text) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code {{pipeline}}}: prints the value unless the pipeline declares variables. */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{");
            pipe.writeTo(out);
            out.append("}}");
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** Commands joined by {@code |}, optionally declaring or assigning variables first. */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public void writeTo(StringBuilder out) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    decl.get(i).writeTo(out);
                }
                out.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    out.append(" | ");
                }
                cmds.get(i).writeTo(out);
            }
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** One command: a function, field, variable or literal and its arguments. */
    record CommandNode(int pos, List<Node> args) implements Node {
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public void writeTo(StringBuilder out) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                Node arg = args.get(i);
                if (arg instanceof PipeNode) {
                    out.append('(');
                    arg.writeTo(out);
                    out.append(')');
                } else {
                    arg.writeTo(out);
                }
            }
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /**
     * A function name, resolved when parsed. Carries the compiled regular expression of the last call made here.
     */
    record IdentifierNode(int pos, String ident, Function function, RegexCache regexCache) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(ident);
        }

        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x} or {@code $x.Field.Key}. */
    record VariableNode(int pos, List<String> ident) implements Node {
        public VariableNode {
            ident = List.copyOf(ident);
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append(String.join(".", ident));
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code .}, the current value. */
    record DotNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append('.');
        }

        @Override
        public String toString() {
            return ".";
        }
    }

    /** {@code nil}. */
    record NilNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("nil");
        }

        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .Field.Key}, resolved against dot. */
    record FieldNode(int pos, List<String> ident) implements Node {
        public FieldNode {
            ident = List.copyOf(ident);
        }

        @Override
        public void writeTo(StringBuilder out) {
            ident.forEach(i -> out.append('.').append(i));
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code (pipeline).Field}: fields of a term that is neither a field nor a variable. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public void writeTo(StringBuilder out) {
            if (node instanceof PipeNode) {
                out.append('(');
                node.writeTo(out);
                out.append(')');
            } else {
                node.writeTo(out);
            }
            fields.forEach(f -> out.append('.').append(f));
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(value);
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /**
     * A number constant as written, with the Go types it fits.
     *
     * @param text the literal as written
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, boolean isComplex,
            long int64, double float64) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant: {@code quoted} as written, {@code text} unquoted. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(quoted);
        }

        @Override
        public String toString() {
            return quoted;
        }
    }

    /** The control structures that take a pipeline, a body and an optional else part. */
    enum BranchKind { IF, RANGE, WITH }

    /** {@code {{if}}}, {@code {{range}}} or {@code {{with}}}. */
    record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, @Nullable ListNode elseList)
            implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
            pipe.writeTo(out);
            out.append("}}");
            list.writeTo(out);
            if (elseList != null) {
                out.append("{{else}}");
                elseList.writeTo(out);
            }
            out.append("{{end}}");
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code {{template "name" pipeline}}}. */
    record TemplateNode(int pos, int line, String name, @Nullable PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{template ").append(GoText.quote(name));
            if (pipe != null) {
                out.append(' ');
                pipe.writeTo(out);
            }
            out.append("}}");
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code {{break}}}. */
    record BreakNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{break}}");
        }

        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}}. */
    record ContinueNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{continue}}");
        }

        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** {@code {{end}}}; only seen while parsing. */
    record EndNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{end}}");
        }

        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** {@code {{else}}}; only seen while parsing. */
    record ElseNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{else}}");
        }

        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
