package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns a failure of the YAML parser into one problem with the place it was found and a short reason.
 *
 * <p>The marks of SnakeYAML (the engine below Jackson's YAML parser) are used rather than Jackson's location,
 * which for several errors points at the last token read instead of the offending character. The most
 * common mistakes get a reason in plain words; the others keep SnakeYAML's own wording.
 */
final class YamlSyntaxProblems {

    private static final String INVALID = "invalid YAML: ";
    /** As in "exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern JAVA_ADVICE = Pattern.compile(",\\s*from `[^`]*`");
    private static final Pattern CANNOT_START = Pattern.compile("found character '(.+?)' that cannot start any token");

    private YamlSyntaxProblems() {}

    /**
     * @param parserPosition where the parser was when it failed, for failures that do not tell
     */
    static ConfigProblem from(String source, String yaml, IOException failure, Position parserPosition) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return fromMarked(source, marked);
            }
            if (cause instanceof ReaderException unreadable) {
                return at(source, positionOfIndex(yaml, unreadable.getPosition()), String.format(
                        "the file contains the control character U+%04X, which YAML does not allow",
                        unreadable.getCodePoint()));
            }
        }
        if (failure instanceof JsonProcessingException jackson) {
            JsonLocation location = jackson.getLocation();
            Position position = location == null || location.getLineNr() <= 0 ? parserPosition : Position.of(location);
            String message = jackson.getOriginalMessage();
            return at(source, position, message == null ? jackson.getClass().getSimpleName() : withoutJavaAdvice(message));
        }
        String detail = failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage());
        return new ConfigProblem(source, 0, 0, "", "cannot read: " + failure.getClass().getSimpleName() + detail);
    }

    private static ConfigProblem fromMarked(String source, MarkedYAMLException marked) {
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        String context = marked.getContext() == null ? "" : marked.getContext();
        Position problemAt = position(marked.getProblemMark());
        Position contextAt = position(marked.getContextMark());
        if (problem.contains("(TAB)")) {
            return at(source, problemAt, "tabs cannot be used for indentation; use spaces");
        }
        Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.find()) {
            return at(source, problemAt, "a value cannot start with '" + cannotStart.group(1) + "'; put it in quotes");
        }
        if (problem.startsWith("expected <block end>")) {
            return at(source, problemAt, "bad indentation: this line does not line up with the entries before it");
        }
        if (problem.equals("mapping values are not allowed here")) {
            return at(source, problemAt, "unexpected ':' (put a value that contains ': ' in quotes)");
        }
        if (problem.equals("could not find expected ':'") && contextAt.isKnown()) {
            return at(source, contextAt, "expected 'key: value', but this line has no ':' after the key");
        }
        if (context.startsWith("while scanning a quoted scalar") && contextAt.isKnown()) {
            return at(source, contextAt, "the quoted value starting here is never closed");
        }
        String where = contextAt.isKnown() && !contextAt.equals(problemAt)
                ? " (" + context + " at line " + contextAt.line() + ", column " + contextAt.column() + ")"
                : "";
        String plain = firstLine(problem)
                .replace("<stream end>", "the end of the file")
                .replace("the node content", "a value");
        return at(source, problemAt, plain + where);
    }

    private static ConfigProblem at(String source, Position position, String reason) {
        return ConfigProblem.at(source, position, NodePath.ROOT, INVALID + reason);
    }

    private static Position position(@Nullable Mark mark) {
        return mark == null ? Position.UNKNOWN : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Position positionOfIndex(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, index - lineStart + 1);
    }

    /** Jackson's limits name the Java setting to change, which means nothing to the person editing the file. */
    private static String withoutJavaAdvice(String message) {
        String text = JAVA_ADVICE.matcher(firstLine(message)).replaceAll("");
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
