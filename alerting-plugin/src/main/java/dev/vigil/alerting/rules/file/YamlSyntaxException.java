package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

/** A document that is not valid YAML, or that Vigil cannot read, with the position of the problem. */
public final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Location location;

    /** A problem at {@code location}, described by {@code message}. */
    public YamlSyntaxException(Location location, String message) {
        super(requireNonNull(message, "message is null"));
        this.location = requireNonNull(location, "location is null");
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }
}
