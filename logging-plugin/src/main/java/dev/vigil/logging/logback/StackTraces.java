package dev.vigil.logging.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Stack traces written the way {@link Throwable#printStackTrace()} writes them: the exception's first line, its
 * frames after {@code \tat }, {@code \t... n more} for the frames shared with the enclosing trace, suppressed
 * exceptions indented under {@code Suppressed: }, then the {@code Caused by: } chain. Error grouping and people both
 * read this form.
 */
final class StackTraces {

    private StackTraces() {}

    /** The whole trace of {@code throwable}, ending with a line break. */
    static String print(IThrowableProxy throwable) {
        StringBuilder out = new StringBuilder(2048);
        append(out, throwable, "", "");
        return out.toString();
    }

    /** The first line: the class name and the message, or what the exception's own {@code toString()} said. */
    static String firstLine(IThrowableProxy throwable) {
        String overriding = throwable.getOverridingMessage();
        if (overriding != null) {
            return overriding;
        }
        String message = throwable.getMessage();
        return message == null ? throwable.getClassName() : throwable.getClassName() + ": " + message;
    }

    private static void append(StringBuilder out, IThrowableProxy t, String caption, String indent) {
        out.append(indent).append(caption);
        if (t.isCyclic()) {
            out.append("[CIRCULAR REFERENCE: ").append(firstLine(t)).append("]\n");
            return;
        }
        out.append(firstLine(t)).append('\n');
        StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
        int common = Math.max(0, Math.min(t.getCommonFrames(), frames.length));
        for (int i = 0; i < frames.length - common; i++) {
            out.append(indent).append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
        }
        if (common > 0) {
            out.append(indent).append("\t... ").append(common).append(" more\n");
        }
        IThrowableProxy[] suppressed = t.getSuppressed();
        if (suppressed != null) {
            for (IThrowableProxy s : suppressed) {
                append(out, s, "Suppressed: ", indent + "\t");
            }
        }
        IThrowableProxy cause = t.getCause();
        if (cause != null) {
            append(out, cause, "Caused by: ", indent);
        }
    }
}
