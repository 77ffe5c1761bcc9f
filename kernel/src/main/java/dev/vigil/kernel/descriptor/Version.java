package dev.vigil.kernel.descriptor;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin or API version: {@code major[.minor[.patch]][-qualifier]}. A version with a qualifier (such as
 * {@code 1.0.0-SNAPSHOT}) orders before the same version without one.
 */
public record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-.]([0-9A-Za-z.-]+))?");
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor)
            .thenComparingInt(Version::patch)
            .thenComparing(Version::qualifier, Version::compareQualifiers);

    public Version {
        requireNonNull(qualifier, "qualifier is null");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative");
        }
    }

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException naming the text when it is not a version
     */
    public static Version parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version (expected major[.minor[.patch]][-qualifier])");
        }
        return new Version(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? "" : m.group(4));
    }

    /** This version without its qualifier, for compatibility checks where a snapshot counts as its release. */
    public Version release() {
        return qualifier.isEmpty() ? this : new Version(major, minor, patch, "");
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    private static int compareQualifiers(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        String base = major + "." + minor + "." + patch;
        return qualifier.isEmpty() ? base : base + "-" + qualifier;
    }
}
