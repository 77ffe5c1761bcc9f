package dev.vigil.kernel.descriptor;

import static java.util.Objects.requireNonNull;

/**
 * One plugin that another requires, with the versions it accepts.
 *
 * @param pluginId the required plugin's id
 * @param versions the versions accepted
 */
public record Requirement(String pluginId, VersionRange versions) {

    public Requirement {
        requireNonNull(pluginId, "pluginId is null");
        requireNonNull(versions, "versions is null");
    }

    /** Parses {@code id} or {@code id@range}, such as {@code hello@[0.1,1.0)}. */
    public static Requirement parse(String text) {
        String t = text.trim();
        int at = t.indexOf('@');
        if (at < 0) {
            return new Requirement(PluginDescriptor.checkId(t), VersionRange.ANY);
        }
        return new Requirement(PluginDescriptor.checkId(t.substring(0, at).trim()), VersionRange.parse(t.substring(at + 1)));
    }

    @Override
    public String toString() {
        return versions == VersionRange.ANY ? pluginId : pluginId + "@" + versions;
    }
}
