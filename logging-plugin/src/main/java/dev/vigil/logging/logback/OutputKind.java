package dev.vigil.logging.logback;

import java.util.Locale;

/** The outputs there are, in the order events reach them. */
enum OutputKind {
    CONSOLE,
    FILE,
    SYSLOG,
    STORE;

    /** This output's part of {@code settings}: a record compared whole to tell whether the output must be rebuilt. */
    Object settingsIn(OutputSettings settings) {
        return switch (this) {
            case CONSOLE -> settings.console();
            case FILE -> settings.file();
            case SYSLOG -> settings.syslog();
            case STORE -> settings.store();
        };
    }

    /** Whether {@code settings} turn this output on. */
    boolean enabledIn(OutputSettings settings) {
        return switch (this) {
            case CONSOLE -> settings.console().enabled();
            case FILE -> settings.file().enabled();
            case SYSLOG -> settings.syslog().enabled();
            case STORE -> settings.store().enabled();
        };
    }

    /** Such as {@code file}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
