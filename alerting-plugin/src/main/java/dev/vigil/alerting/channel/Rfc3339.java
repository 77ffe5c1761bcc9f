package dev.vigil.alerting.channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Instants as Alertmanager writes them in JSON: RFC 3339 in UTC, with as many fraction digits as needed and no
 * trailing zeros ({@code 2026-01-01T10:00:00.5Z}), and Go's zero time for "never" ({@value #ZERO_TIME}). Stateless.
 */
public final class Rfc3339 {

    /** Go's zero time, which Alertmanager's webhook gives as {@code endsAt} while an alert fires. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Rfc3339() {}

    /** {@code instant} in RFC 3339, UTC. */
    public static String format(Instant instant) {
        StringBuilder out = new StringBuilder(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.append('Z').toString();
    }

    /** {@code instant} in RFC 3339, or {@link #ZERO_TIME} when absent. */
    public static String formatOrZero(Optional<Instant> instant) {
        return instant.map(Rfc3339::format).orElse(ZERO_TIME);
    }
}
