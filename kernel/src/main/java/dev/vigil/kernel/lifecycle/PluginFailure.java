package dev.vigil.kernel.lifecycle;

/** A plugin call that failed, with a one-line reason for the plugin list and the log. */
final class PluginFailure extends Exception {

    private static final long serialVersionUID = 1L;

    PluginFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    PluginFailure(String reason) {
        super(reason);
    }

    /** One line describing {@code t}: its simple class name and message, without the stack. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        int newline = message.indexOf('\n');
        return name + ": " + (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
