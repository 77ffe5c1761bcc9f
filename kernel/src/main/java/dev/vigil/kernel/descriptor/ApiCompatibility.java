package dev.vigil.kernel.descriptor;

import java.util.Optional;

/**
 * Decides whether a plugin built for one core API version can run on another. A plugin that names a plain
 * version accepts the same major version at that version or newer (for 0.x, the same minor version, since
 * 0.x minors may break); one that names a range accepts exactly that range. Qualifiers are ignored.
 */
public final class ApiCompatibility {

    private ApiCompatibility() {}

    /** Empty when compatible, otherwise the reason. */
    public static Optional<String> check(String declared, Version running) {
        Version run = running.release();
        if (declared.startsWith("[") || declared.startsWith("(")) {
            VersionRange range = VersionRange.parse(declared);
            return range.contains(run)
                    ? Optional.empty()
                    : Optional.of("needs core API " + declared + ", but this platform runs " + running);
        }
        Version built = Version.parse(declared).release();
        boolean sameLine = built.major() == run.major() && (built.major() != 0 || built.minor() == run.minor());
        if (sameLine && run.compareTo(built) >= 0) {
            return Optional.empty();
        }
        return Optional.of("was built for core API " + declared + ", which is not compatible with this platform's " + running);
    }
}
