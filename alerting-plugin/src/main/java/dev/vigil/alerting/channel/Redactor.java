package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks a channel's secrets in text that leaves the channel: delivery details, log lines, exception messages.
 * A receiving server may echo a request (a token in an error page, a URL in a redirect), and a network library may
 * name the URL it failed to reach; whatever the origin, every occurrence of a secret, in plain, URL-encoded or
 * Basic-credential form, becomes {@value Secret#MASK}. Immutable and thread-safe.
 */
public final class Redactor {

    private static final Redactor NONE = new Redactor(List.of());

    /** Values shorter than this are not searched for: masking every "a" would garble the text and hide nothing. */
    private static final int SHORTEST = 4;

    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z-]+");

    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    /** A redactor that changes nothing. */
    public static Redactor none() {
        return NONE;
    }

    /** A redactor for {@code secrets}; null and empty ones are ignored. */
    public static Redactor of(@Nullable Secret... secrets) {
        Builder builder = builder();
        for (Secret secret : secrets) {
            builder.add(secret);
        }
        return builder.build();
    }

    /** Collects secrets one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code text} with every secret masked. */
    public String apply(String text) {
        String result = text;
        for (String value : values) {
            if (result.contains(value)) {
                result = result.replace(value, Secret.MASK);
            }
        }
        return result;
    }

    /** Collects the secrets of a channel. Not thread-safe. */
    public static final class Builder {

        private final Set<String> values = new LinkedHashSet<>();

        private Builder() {}

        /** Adds {@code secret} and its URL-encoded form; null or empty is ignored. */
        public Builder add(@Nullable Secret secret) {
            if (secret != null) {
                addValue(secret.reveal());
            }
            return this;
        }

        /**
         * Adds a URL that is a secret, and the parts of it that carry the secret, in case a server quotes only a
         * part: every query parameter value, and every path segment that looks like a token (eight characters or
         * more, not only lower-case letters and dashes, such as the keys in a Slack webhook path).
         */
        public Builder addUrl(@Nullable Secret url) {
            if (url == null) {
                return this;
            }
            add(url);
            URI uri;
            try {
                uri = new URI(url.reveal().strip());
            } catch (URISyntaxException e) {
                return this;
            }
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    addValue(eq < 0 ? pair : pair.substring(eq + 1));
                }
            }
            String path = uri.getRawPath();
            if (path != null) {
                for (String segment : path.split("/")) {
                    if (segment.length() >= 8 && !PLAIN_WORD.matcher(segment).matches()) {
                        addValue(segment);
                    }
                }
            }
            return this;
        }

        /** Adds the credentials of HTTP Basic authentication, also as the header sends them (Base64). */
        public Builder addBasic(String username, Secret password) {
            add(password);
            addValue(Base64.getEncoder().encodeToString(
                    (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        private void addValue(String value) {
            if (value.length() >= SHORTEST) {
                values.add(value);
                values.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        /** The redactor. */
        public Redactor build() {
            List<String> sorted = new ArrayList<>(values);
            // longest first, so that a secret containing another is masked whole
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            return new Redactor(List.copyOf(sorted));
        }
    }
}
