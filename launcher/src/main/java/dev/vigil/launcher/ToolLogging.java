package dev.vigil.launcher;

/**
 * Logging for commands whose output is a report, such as {@code vigil rules}: warnings and errors only, on
 * standard error, unless {@code VIGIL_LOG_LEVEL} asks for more. Works through the properties that
 * {@code logback.xml} reads, so it must run before the first logger is made; later it changes nothing.
 */
final class ToolLogging {

    static final String LEVEL = "VIGIL_LOG_LEVEL";
    static final String TARGET = "VIGIL_LOG_TARGET";

    private ToolLogging() {}

    static void quiet() {
        if (System.getenv(LEVEL) == null && System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "WARN");
        }
        if (System.getProperty(TARGET) == null) {
            System.setProperty(TARGET, "System.err");
        }
    }
}
