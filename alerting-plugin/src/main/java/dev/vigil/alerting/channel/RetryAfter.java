package dev.vigil.alerting.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): a number of seconds, or an HTTP date.
 * Stateless.
 */
public final class RetryAfter {

    /** No receiving side gets to park a notification for longer than this. */
    public static final Duration LONGEST = Duration.ofHours(6);

    private RetryAfter() {}

    /**
     * How long {@code value} asks to wait, counted from {@code now} when it is a date.
     *
     * @return empty when the header is absent or unreadable; zero for a date in the past; at most {@link #LONGEST}
     */
    public static Optional<Duration> parse(@Nullable String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            wait = text.length() > 9 ? LONGEST : Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
