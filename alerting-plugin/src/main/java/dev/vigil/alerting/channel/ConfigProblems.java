package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects what is wrong with a channel's settings, so that all of it is reported at once, each problem naming
 * the field: {@code url: must be an http or https URL, got 'ftp://x'; timeout: must be positive}. Values of
 * secret fields are never quoted. Not thread-safe: one per validation.
 */
public final class ConfigProblems {

    /** The longest request timeout a channel accepts: the pipeline waits for a channel one notification at a time. */
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code field} is wrong because of {@code reason}. */
    public ConfigProblems add(String field, String reason) {
        problems.add(field + ": " + reason);
        return this;
    }

    /** The problems so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws if any problem was recorded.
     *
     * @throws IllegalArgumentException listing every problem, in the order found
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Checks that {@code value} is an absolute http or https URL with a host; returns it when it is. */
    public Optional<URI> httpUrl(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return Optional.empty();
        }
        return checkUrl(field, value, "'" + value + "'");
    }

    /**
     * Checks that {@code value} is an http or https URL without query or fragment, to which a channel appends API
     * paths; returns it without trailing slashes when it is.
     */
    public Optional<URI> baseUrl(String field, @Nullable String value) {
        return httpUrl(field, value).flatMap(uri -> {
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                add(field, "must be a base URL without query or fragment, got '" + value + "'");
                return Optional.empty();
            }
            String text = uri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return Optional.of(URI.create(text));
        });
    }

    /** Like {@link #httpUrl(String, String)} for a URL that is a secret: the problem does not quote it. */
    public Optional<URI> httpUrl(String field, @Nullable Secret value) {
        if (value == null || value.isEmpty()) {
            add(field, "is required");
            return Optional.empty();
        }
        return checkUrl(field, value.reveal(), "a value that is not one (not shown: it is a secret)");
    }

    private Optional<URI> checkUrl(String field, String value, String shown) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            add(field, "must be an http or https URL, got " + shown);
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            add(field, "must be an http or https URL, got " + shown);
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            add(field, "must not hold credentials (user:password@); use the authentication settings");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /** Checks that a secret the channel cannot work without is given and not empty. */
    public void requiredSecret(String field, @Nullable Secret value) {
        if (value == null || value.isEmpty()) {
            add(field, "is required");
        }
    }

    /** Checks that a request timeout is positive and at most {@link #LONGEST_TIMEOUT}. */
    public void timeout(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            add(field, "must be positive, got " + Texts.formatDuration(value));
        } else if (value.compareTo(LONGEST_TIMEOUT) > 0) {
            add(field, "must be at most " + Texts.formatDuration(LONGEST_TIMEOUT) + ", got "
                    + Texts.formatDuration(value));
        }
    }

    /** Checks that a template parses. */
    public Optional<MessageTemplate> template(String field, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageTemplate.parse(text));
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return Optional.empty();
        }
    }
}
