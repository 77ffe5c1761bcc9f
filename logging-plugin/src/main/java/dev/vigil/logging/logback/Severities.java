package dev.vigil.logging.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.vigil.api.logs.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/** The severity of a Logback event: its level, except that an error with the {@code FATAL} marker is fatal. */
final class Severities {

    /**
     * The name of the marker that makes an error fatal. Code logs {@code logger.error(MarkerFactory.getMarker("FATAL"),
     * ...)}; the marker is found by name, so any plugin can use it without a type of Vigil's.
     */
    static final String FATAL_MARKER = "FATAL";

    private Severities() {}

    static Severity of(ILoggingEvent event) {
        return of(event.getLevel(), event.getMarkerList());
    }

    static Severity of(Level level, @Nullable List<Marker> markers) {
        return switch (level.levelInt) {
            case Level.TRACE_INT -> Severity.TRACE;
            case Level.DEBUG_INT -> Severity.DEBUG;
            case Level.INFO_INT -> Severity.INFO;
            case Level.WARN_INT -> Severity.WARN;
            default -> isFatal(markers) ? Severity.FATAL : Severity.ERROR;
        };
    }

    private static boolean isFatal(@Nullable List<Marker> markers) {
        if (markers == null) {
            return false;
        }
        for (Marker m : markers) {
            if (FATAL_MARKER.equals(m.getName())) {
                return true;
            }
        }
        return false;
    }
}
