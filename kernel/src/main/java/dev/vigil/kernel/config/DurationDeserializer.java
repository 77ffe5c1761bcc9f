package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Reads a {@link Duration} written as {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or {@code PT10S}. */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        boolean text = token == JsonToken.VALUE_STRING;
        Optional<Duration> duration = text ? Durations.parse(parser.getText()) : Optional.empty();
        if (duration.isEmpty()) {
            String shown = text ? Quoting.quote(parser.getText()) : parser.getText();
            throw new RejectedValueException(parser,
                    "cannot convert " + shown + " to a duration (expected " + Durations.ACCEPTED_FORMS + ")",
                    Duration.class);
        }
        return duration.get();
    }
}
