package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Secret;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code basicAuth} and {@code bearerToken} settings that generic HTTP channels share: at most one of them,
 * sent as the {@code Authorization} header. Stateless.
 */
public final class HttpAuth {

    private HttpAuth() {}

    /** Records a problem if both are given, or the token is empty. */
    public static void check(@Nullable BasicAuth basicAuth, @Nullable Secret bearerToken, ConfigProblems problems) {
        if (basicAuth != null && bearerToken != null) {
            problems.add("bearerToken", "cannot be given together with basicAuth");
        }
        if (bearerToken != null && bearerToken.isEmpty()) {
            problems.add("bearerToken", "must not be empty");
        }
    }

    /** The value of the {@code Authorization} header, if either is given. */
    public static Optional<String> header(@Nullable BasicAuth basicAuth, @Nullable Secret bearerToken) {
        if (basicAuth != null) {
            return Optional.of(basicAuth.headerValue());
        }
        return bearerToken == null ? Optional.empty() : Optional.of("Bearer " + bearerToken.reveal());
    }

    /** Adds both to the secrets a redactor masks. */
    public static Redactor.Builder addSecrets(Redactor.Builder secrets, @Nullable BasicAuth basicAuth,
            @Nullable Secret bearerToken) {
        if (basicAuth != null) {
            secrets.addBasic(basicAuth.username(), basicAuth.password());
        }
        return secrets.add(bearerToken);
    }
}
