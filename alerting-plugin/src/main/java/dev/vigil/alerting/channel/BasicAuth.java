package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.alerting.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic authentication settings, {@code basicAuth: {username: …, password: …}}; both keys are required.
 *
 * @param username the user name; shown in configuration listings
 * @param password the password; masked everywhere
 */
public record BasicAuth(String username, Secret password) {

    /** Checks the parts. */
    public BasicAuth {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
    }

    @JsonCreator
    private static BasicAuth fromConfig(@JsonProperty("username") @Nullable String username,
            @JsonProperty("password") @Nullable Secret password) {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("basicAuth.username is required");
        }
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("basicAuth.username must not contain ':'");
        }
        if (password == null) {
            throw new IllegalArgumentException("basicAuth.password is required");
        }
        return new BasicAuth(username, password);
    }

    /** The value of the {@code Authorization} header. */
    public String headerValue() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    }
}
