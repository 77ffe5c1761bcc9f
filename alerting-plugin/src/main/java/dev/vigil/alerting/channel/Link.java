package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
    private static Link fromConfig(@JsonProperty("href") @Nullable String href, @JsonProperty("text") @Nullable String text) {
        if (href == null) {
            throw new IllegalArgumentException("href is required");
        }
        return new Link(href, text == null || text.isEmpty() ? href : text);
    }

    /** Records a problem under {@code field} if {@code href} is not an http or https URL. */
    public void check(String field, ConfigProblems problems) {
        problems.httpUrl(field + ".href", href);
    }
}
