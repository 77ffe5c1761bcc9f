package dev.vigil.kernel.descriptor;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A range of versions in interval notation, as Maven and OSGi write them: {@code [1.0,2.0)} includes 1.0
 * and excludes 2.0, {@code [1.2,)} has no upper bound, and a bare version {@code 1.2} means "1.2 or
 * newer". Qualifiers are ignored when testing membership, so {@code 1.0.0-SNAPSHOT} is in {@code [1.0,2)}.
 */
public record VersionRange(@Nullable Version low, boolean lowInclusive, @Nullable Version high, boolean highInclusive, String text) {

    /** Every version. */
    public static final VersionRange ANY = new VersionRange(null, true, null, false, "*");

    public VersionRange {
        requireNonNull(text, "text is null");
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException naming the text when it is not a range
     */
    public static VersionRange parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("*")) {
            return ANY;
        }
        char first = t.charAt(0);
        if (first != '[' && first != '(') {
            return new VersionRange(Version.parse(t), true, null, false, t);
        }
        char last = t.charAt(t.length() - 1);
        int comma = t.indexOf(',');
        if ((last != ']' && last != ')') || comma < 0 || t.indexOf(',', comma + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a version range (expected e.g. [1.0,2.0) or 1.0)");
        }
        String lowText = t.substring(1, comma).trim();
        String highText = t.substring(comma + 1, t.length() - 1).trim();
        Version low = lowText.isEmpty() ? null : Version.parse(lowText);
        Version high = highText.isEmpty() ? null : Version.parse(highText);
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw new IllegalArgumentException("'" + text + "' is empty: its lower bound is above its upper bound");
        }
        return new VersionRange(low, first == '[', high, last == ']', t);
    }

    /** Whether {@code version} (ignoring its qualifier) lies in this range. */
    public boolean contains(Version version) {
        Version v = version.release();
        if (low != null) {
            int c = v.compareTo(low.release());
            if (c < 0 || (c == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (high != null) {
            int c = v.compareTo(high.release());
            return c < 0 || (c == 0 && highInclusive);
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
