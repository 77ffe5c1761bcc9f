package dev.vigil.logging.errors;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text {@link Throwable#printStackTrace()} and Logback write: the exception line, its frames
 * ({@code at ...}), then each {@code Caused by:} with its own frames. A {@code ... n more} (or Logback's
 * {@code ... n common frames omitted}) line stands for the last {@code n} frames of the exception it is the cause of,
 * and they are put back, so that a cause's frames reach up to the code that called into it. {@code Suppressed:}
 * blocks belong to no chain and are skipped; Logback's packaging data after a frame ({@code ~[app.jar:1.0]}) is
 * ignored. Stateless.
 */
final class JavaStackTraces {

    private JavaStackTraces() {}

    /**
     * The chain in {@code text}, the thrown exception first and the root cause last; empty when the text does not
     * start like a Java stack trace.
     */
    static List<ThrownException> parse(String text) {
        String[] lines = text.split("\r?\n");
        List<ThrownException> chain = new ArrayList<>();
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length) {
            return chain;
        }
        @Nullable Header header = header(lines[i], "");
        if (header == null) {
            return chain;
        }
        i++;
        StringBuilder message = new StringBuilder(header.message);
        List<StackFrame> frames = new ArrayList<>();
        boolean inMessage = true;
        int suppressedIndent = -1;
        int omitted = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            int indent = indent(line);
            String content = line.substring(indent);
            if (suppressedIndent >= 0) {
                if (indent > suppressedIndent || indent == suppressedIndent && content.startsWith("Caused by:")) {
                    continue;
                }
                suppressedIndent = -1;
            }
            if (content.startsWith("at ")) {
                inMessage = false;
                StackFrame frame = frame(content.substring(3));
                if (frame != null) {
                    frames.add(frame);
                }
            } else if (content.startsWith("... ")) {
                inMessage = false;
                omitted = omitted(content);
            } else if (content.startsWith("Suppressed:")) {
                inMessage = false;
                suppressedIndent = indent;
            } else if (indent == 0 && content.startsWith("Caused by:")) {
                chain.add(complete(header.type, message.toString(), frames, omitted, chain));
                header = header(content, "Caused by:");
                if (header == null) {
                    return chain;
                }
                message = new StringBuilder(header.message);
                frames = new ArrayList<>();
                omitted = 0;
                inMessage = true;
            } else if (inMessage) {
                message.append('\n').append(line);
            }
        }
        chain.add(complete(header.type, message.toString(), frames, omitted, chain));
        return chain;
    }

    /** The exception with the {@code omitted} frames it shares with the one before it in {@code chain} put back. */
    private static ThrownException complete(String type, String message, List<StackFrame> frames, int omitted,
            List<ThrownException> chain) {
        if (omitted > 0 && !chain.isEmpty()) {
            List<StackFrame> enclosing = chain.get(chain.size() - 1).frames();
            frames.addAll(enclosing.subList(Math.max(0, enclosing.size() - omitted), enclosing.size()));
        }
        return new ThrownException(type, message.strip(), frames);
    }

    private record Header(String type, String message) {}

    /** {@code java.lang.IllegalStateException: message} after {@code caption}, or null when it is not one. */
    private static @Nullable Header header(String line, String caption) {
        String text = line.strip();
        if (!text.startsWith(caption)) {
            return null;
        }
        text = text.substring(caption.length()).strip();
        if (text.startsWith("Exception in thread \"")) {
            int close = text.indexOf("\" ", "Exception in thread \"".length());
            if (close < 0) {
                return null;
            }
            text = text.substring(close + 2);
        }
        int colon = text.indexOf(':');
        String type = (colon < 0 ? text : text.substring(0, colon)).strip();
        if (!isClassName(type)) {
            return null;
        }
        return new Header(type, colon < 0 ? "" : text.substring(colon + 1).strip());
    }

    /** A dotted Java name such as {@code java.lang.IllegalStateException} or {@code com.example.Outer$Inner}. */
    static boolean isClassName(String s) {
        if (s.isEmpty() || s.length() > 500) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isJavaIdentifierPart(c) || c == '.')) {
                return false;
            }
        }
        return Character.isJavaIdentifierStart(s.charAt(0));
    }

    /**
     * The frame in {@code com.example.A.b(A.java:12) ~[app.jar:1.0]}, or null when malformed. A class loader or module
     * prefix ({@code app//}, {@code java.base@21/}) is dropped.
     */
    static @Nullable StackFrame frame(String text) {
        int open = text.indexOf('(');
        String qualified = (open < 0 ? text : text.substring(0, open)).strip();
        int lambda = qualified.indexOf("$$Lambda");
        if (lambda >= 0) {
            // a hidden class's address, as in Service$$Lambda/0x0000000800c1234 or Service$$Lambda$14/0x...: not a prefix
            int dot = qualified.lastIndexOf('.');
            if (dot > lambda) {
                qualified = qualified.substring(0, lambda) + "$$Lambda" + qualified.substring(dot);
            }
        }
        int slash = qualified.lastIndexOf('/');
        if (slash >= 0) {
            qualified = qualified.substring(slash + 1);
        }
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            return null;
        }
        String location = "";
        if (open >= 0) {
            int close = text.indexOf(')', open);
            location = close < 0 ? text.substring(open + 1) : text.substring(open + 1, close);
        }
        return new StackFrame(qualified.substring(0, dot), qualified.substring(dot + 1), location);
    }

    /** The {@code n} of {@code ... n more} or {@code ... n common frames omitted}; 0 for frames cut for other reasons. */
    private static int omitted(String content) {
        String rest = content.substring(4).strip();
        int space = rest.indexOf(' ');
        if (space < 0) {
            return 0;
        }
        String words = rest.substring(space + 1);
        if (!words.equals("more") && !words.equals("common frames omitted")) {
            return 0;
        }
        try {
            return Integer.parseInt(rest.substring(0, space));
        } catch (NumberFormatException notACount) {
            return 0;
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
