package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A link a channel adds to its messages, {@code {href: https://…, text: Dashboard}}.
 *
 * @param href the URL; required
 * @param text what the link says; defaults to the URL
 */
public record Link(String href, String text) {

    /** Checks the parts. */
    public Link {
        requireNonNull(href, "href is null");
        requireNonNull(text, "text is null");
    }

    @JsonCreator
    private static Link fromConfig(@JsonProperty("href") @Nullable String href,
            @JsonProperty("text") @Nullable String text) {
        if (href == null) {
            throw new IllegalArgumentException("href is required");
        }
        return new Link(href, text == null || text.isEmpty() ? href : text);
    }

    /** Whether {@code url} is an absolute http or https URL, the only kind a message may link to. */
    public static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Records a problem under {@code field} if {@code href} is not an http or https URL. */
    public void check(String field, ConfigProblems problems) {
        problems.httpUrl(field + ".href", href);
    }
}
