package dev.vigil.api.alerting;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vigil.api.Experimental;
import org.jspecify.annotations.Nullable;

/**
 * A value that must not be shown: a token, a password, a webhook URL with a key in it. Channel configuration
 * types declare such fields as {@code Secret}; the value is read from the configuration like a string, and
 * everywhere it is printed or serialised (logs, API answers, error messages) it appears as {@value #MASK}.
 */
@Experimental
public final class Secret {

    /** How a secret is shown. */
    public static final String MASK = "<secret>";

    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    /** A secret holding {@code value}. */
    @JsonCreator
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself, for the one place that must send it. */
    public String reveal() {
        return value;
    }

    /** Whether the value is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** {@value #MASK}: what logs and APIs show. */
    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
