package dev.vigil.kernel.descriptor;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a plugin JAR says about itself in its manifest, read without loading any of its classes.
 *
 * <table>
 *   <caption>Manifest headers</caption>
 *   <tr><th>header</th><th>meaning</th><th>example</th></tr>
 *   <tr><td>{@code Vigil-Plugin-Id}</td><td>required; lower case letters, digits and dashes</td><td>{@code hello}</td></tr>
 *   <tr><td>{@code Vigil-Plugin-Version}</td><td>required</td><td>{@code 0.1.0}</td></tr>
 *   <tr><td>{@code Vigil-Plugin-Api}</td><td>required; the core API version built against, or a range</td><td>{@code 0.1.0}</td></tr>
 *   <tr><td>{@code Vigil-Plugin-Requires}</td><td>optional; comma-separated {@code id} or {@code id@range}</td><td>{@code hello@[0.1,1.0)}</td></tr>
 *   <tr><td>{@code Vigil-Plugin-Exports}</td><td>optional; packages visible to plugins that require this one</td><td>{@code dev.example.hello.api}</td></tr>
 *   <tr><td>{@code Vigil-Plugin-Name}</td><td>optional; a human-readable name</td><td>{@code Hello}</td></tr>
 * </table>
 *
 * @param id the plugin id
 * @param version the plugin version
 * @param api the core API version or range the plugin was built for, as written
 * @param requires the plugins it requires
 * @param exports the packages it exports to the plugins that require it
 * @param name a human-readable name (the id when none is given)
 */
public record PluginDescriptor(String id, Version version, String api, List<Requirement> requires, List<String> exports, String name) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Ids the kernel keeps for itself: its configuration section and the owner of its own routes. */
    private static final List<String> RESERVED = List.of("kernel", "vigil");

    public PluginDescriptor {
        checkId(id);
        requireNonNull(version, "version is null");
        requireNonNull(api, "api is null");
        requires = List.copyOf(requireNonNull(requires, "requires is null"));
        exports = List.copyOf(requireNonNull(exports, "exports is null"));
        requireNonNull(name, "name is null");
    }

    static String checkId(String id) {
        requireNonNull(id, "id is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a plugin id (lower case letters, digits and dashes, starting with a letter)");
        }
        if (RESERVED.contains(id)) {
            throw new IllegalArgumentException("'" + id + "' is reserved for the kernel");
        }
        return id;
    }

    /** The ids of the plugins this one requires. */
    public List<String> requiredIds() {
        return requires.stream().map(Requirement::pluginId).toList();
    }
}
