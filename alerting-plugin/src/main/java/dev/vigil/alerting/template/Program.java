package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Node.ListNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed template and the templates it defines, with the text they came from for locating nodes in messages.
 * Immutable.
 *
 * @param name the name of the template, which messages show
 * @param text the text that was parsed
 * @param trees the trees by template name; the template itself is under {@code name}
 */
record Program(String name, String text, Map<String, ListNode> trees, int[] lineStarts) {

    Program {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        trees = Map.copyOf(trees);
    }

    static Program parse(String name, String text) {
        return new Program(name, text, Parser.parse(name, text), Lexer.lineStarts(text));
    }

    /** The tree of the template {@code templateName}, or null when none is defined. */
    @Nullable ListNode tree(String templateName) {
        return trees.get(templateName);
    }

    /** Where {@code pos} is, as Go's messages put it: {@code name:line:column}, the column in bytes from 0. */
    String location(int pos) {
        int line = Lexer.lineOf(lineStarts, pos);
        int lineStart = lineStarts[line - 1];
        int column = GoText.utf8Length(text.subSequence(lineStart, pos));
        return name + ":" + line + ":" + column;
    }
}
