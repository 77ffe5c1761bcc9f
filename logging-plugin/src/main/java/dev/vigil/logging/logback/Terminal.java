package dev.vigil.logging.logback;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether the console output may use ANSI colours. */
final class Terminal {

    private Terminal() {}

    /**
     * Whether to colour: always or never as {@code mode} says, else only on a terminal and unless the environment
     * asks for none ({@code NO_COLOR} set to anything, or {@code TERM=dumb}).
     */
    static boolean colours(ColorMode mode, boolean terminal, Map<String, String> env) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
        };
    }

    /**
     * Whether the process runs on a terminal. Up to Java 21 a {@link Console} exists only when standard input and
     * output both are one; later versions may give one anyway and say through {@code isTerminal()}.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // cannot tell: plain text is readable everywhere, escape codes are not
            return false;
        }
    }
}
