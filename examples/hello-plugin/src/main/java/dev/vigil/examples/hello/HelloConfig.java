package dev.vigil.examples.hello;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code hello} section of the configuration file.
 *
 * <pre>{@code
 * hello:
 *   greeting: Bonjour
 * }</pre>
 *
 * @param greeting the word to greet with; {@code Hello} when not set
 */
public record HelloConfig(String greeting) {

    public HelloConfig {
        if (greeting.isBlank()) {
            throw new IllegalArgumentException("greeting must not be blank");
        }
    }

    @JsonCreator
    static HelloConfig of(@JsonProperty("greeting") @Nullable String greeting) {
        return new HelloConfig(greeting == null ? "Hello" : greeting);
    }
}
