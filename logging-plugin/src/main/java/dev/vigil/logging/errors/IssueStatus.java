package dev.vigil.logging.errors;

import java.util.Locale;
import java.util.Optional;

/** Where an issue stands in its triage. */
public enum IssueStatus {
    /** Needs attention: new, reopened, or regressed. */
    UNRESOLVED,
    /** Fixed; an occurrence after it was resolved is a regression and reopens it. */
    RESOLVED,
    /** Known and accepted: occurrences are counted, but raise no event. */
    IGNORED;

    /** The name in lower case, as the API writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code label} in any case, if there is one. */
    public static Optional<IssueStatus> parse(String label) {
        for (IssueStatus s : values()) {
            if (s.name().equalsIgnoreCase(label.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
