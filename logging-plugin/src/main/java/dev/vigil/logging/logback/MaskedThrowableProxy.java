package dev.vigil.logging.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception as Logback describes it, with every message in its chain of causes and suppressed exceptions
 * masked. Frames are shared with the original: they name classes and methods, not data. Immutable.
 */
final class MaskedThrowableProxy implements IThrowableProxy {

    /** Deeper chains are cut: only a cycle the original failed to mark could make one. */
    private static final int MAX_DEPTH = 100;
    private static final IThrowableProxy[] NONE = new IThrowableProxy[0];

    private final String className;
    private final @Nullable String message;
    private final @Nullable String overridingMessage;
    private final StackTraceElementProxy[] frames;
    private final int commonFrames;
    private final @Nullable IThrowableProxy cause;
    private final IThrowableProxy[] suppressed;
    private final boolean cyclic;

    private MaskedThrowableProxy(IThrowableProxy original, UnaryOperator<String> mask, int depth) {
        this.className = original.getClassName();
        this.message = original.getMessage() == null ? null : mask.apply(original.getMessage());
        this.overridingMessage = original.getOverridingMessage() == null ? null : mask.apply(original.getOverridingMessage());
        StackTraceElementProxy[] steps = original.getStackTraceElementProxyArray();
        this.frames = steps == null ? new StackTraceElementProxy[0] : steps;
        this.commonFrames = original.getCommonFrames();
        this.cyclic = original.isCyclic();
        IThrowableProxy c = original.getCause();
        this.cause = c == null || depth >= MAX_DEPTH ? null : new MaskedThrowableProxy(c, mask, depth + 1);
        IThrowableProxy[] s = original.getSuppressed();
        if (s == null || s.length == 0 || depth >= MAX_DEPTH) {
            this.suppressed = NONE;
        } else {
            this.suppressed = new IThrowableProxy[s.length];
            for (int i = 0; i < s.length; i++) {
                suppressed[i] = new MaskedThrowableProxy(s[i], mask, depth + 1);
            }
        }
    }

    /** {@code original} with its messages passed through {@code mask}; null for null. */
    static @Nullable IThrowableProxy of(@Nullable IThrowableProxy original, UnaryOperator<String> mask) {
        return original == null ? null : new MaskedThrowableProxy(original, mask, 0);
    }

    @Override
    public @Nullable String getOverridingMessage() {
        return overridingMessage;
    }

    @Override
    public @Nullable String getMessage() {
        return message;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return frames;
    }

    @Override
    public int getCommonFrames() {
        return commonFrames;
    }

    @Override
    public @Nullable IThrowableProxy getCause() {
        return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return suppressed;
    }

    @Override
    public boolean isCyclic() {
        return cyclic;
    }
}
