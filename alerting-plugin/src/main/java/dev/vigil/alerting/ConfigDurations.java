package dev.vigil.alerting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in channel settings, written as in the rest of the configuration file: {@code 250ms}, {@code 10s},
 * {@code 5m}, {@code 1h}, {@code 2d}, Prometheus's compound form {@code 1h30m}, or ISO-8601 such as {@code PT10S}.
 */
final class ConfigDurations {

    /** What a bad duration is told to look like. */
    static final String ACCEPTED_FORMS = "a whole number with a unit: 250ms, 10s, 5m, 1h, 2d, 1h30m; or ISO-8601 such as PT10S";

    private static final Pattern COMPOUND = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private ConfigDurations() {}

    /** The duration {@code text} stands for, or empty when it is none of the accepted forms. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        try {
            if (COMPOUND.matcher(trimmed).matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(trimmed);
                while (part.find()) {
                    total = total.plus(Duration.of(Long.parseLong(part.group(1)), unit(part.group(2))));
                }
                return Optional.of(total);
            }
            if (trimmed.matches("[+-]?[Pp].*")) {
                return Optional.of(Duration.parse(trimmed));
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException tooLargeOrMalformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code duration} in the shortest exact form, such as {@code 10s}, {@code 1h30m} or {@code 1500ms}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] symbols = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(symbols[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }

    private static ChronoUnit unit(String symbol) {
        return switch (symbol) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> throw new IllegalArgumentException("unknown unit: " + symbol);
        };
    }

    /** Reads a {@link Duration} in one of the accepted forms; anything else is refused with those forms. */
    static final class Deserializer extends StdScalarDeserializer<Duration> {

        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            boolean text = token == JsonToken.VALUE_STRING;
            Optional<Duration> duration = text ? parse(parser.getText()) : Optional.empty();
            if (duration.isEmpty()) {
                String shown = text ? "'" + parser.getText() + "'" : parser.getText();
                throw InvalidFormatException.from(parser,
                        "cannot convert " + shown + " to a duration (expected " + ACCEPTED_FORMS + ")", parser.getText(), Duration.class);
            }
            return duration.get();
        }
    }
}
