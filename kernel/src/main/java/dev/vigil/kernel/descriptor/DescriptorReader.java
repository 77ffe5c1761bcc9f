package dev.vigil.kernel.descriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/** Reads a {@link PluginDescriptor} from a JAR's manifest without loading any class from it. */
public final class DescriptorReader {

    /** The service file through which a plugin JAR names its {@code Plugin} implementation. */
    public static final String SERVICE_FILE = "META-INF/services/dev.vigil.api.plugin.Plugin";

    /** Manifest header: the plugin id. */
    public static final String ID = "Vigil-Plugin-Id";
    /** Manifest header: the plugin version. */
    public static final String VERSION = "Vigil-Plugin-Version";
    /** Manifest header: the core API version or range the plugin was built for. */
    public static final String API = "Vigil-Plugin-Api";
    /** Manifest header: the plugins it requires. */
    public static final String REQUIRES = "Vigil-Plugin-Requires";
    /** Manifest header: the packages it exports to plugins that require it. */
    public static final String EXPORTS = "Vigil-Plugin-Exports";
    /** Manifest header: a human-readable name. */
    public static final String NAME = "Vigil-Plugin-Name";

    private DescriptorReader() {}

    /**
     * Reads the descriptor of the JAR at {@code jar}.
     *
     * @throws DescriptorException with a one-line reason when the file is not a readable JAR, has no
     *     plugin manifest headers, has malformed ones, or does not list a {@code Plugin} service
     */
    public static PluginDescriptor read(Path jar) throws DescriptorException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new DescriptorException("has no manifest (META-INF/MANIFEST.MF), so no " + ID + " header");
            }
            if (file.getEntry(SERVICE_FILE) == null) {
                throw new DescriptorException("declares no Plugin service (" + SERVICE_FILE + " is missing)");
            }
            return parse(manifest.getMainAttributes());
        } catch (IOException e) {
            throw new DescriptorException("is not a readable JAR: " + e.getMessage(), e);
        }
    }

    /** Parses the plugin headers of a manifest's main attributes. */
    public static PluginDescriptor parse(Attributes attributes) throws DescriptorException {
        String id = required(attributes, ID);
        String version = required(attributes, VERSION);
        String api = required(attributes, API);
        try {
            List<Requirement> requires = splitRequirements(attributes.getValue(REQUIRES)).stream().map(Requirement::parse).toList();
            List<String> exports = split(attributes.getValue(EXPORTS));
            for (String export : exports) {
                if (!export.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                    throw new IllegalArgumentException("'" + export + "' is not a package name");
                }
            }
            checkApi(api);
            String name = attributes.getValue(NAME);
            return new PluginDescriptor(id, Version.parse(version), api, requires, exports, name == null || name.isBlank() ? id : name.trim());
        } catch (IllegalArgumentException e) {
            throw new DescriptorException("has a bad plugin manifest: " + e.getMessage(), e);
        }
    }

    private static void checkApi(String api) {
        if (api.startsWith("[") || api.startsWith("(")) {
            VersionRange.parse(api);
        } else {
            Version.parse(api);
        }
    }

    private static String required(Attributes attributes, String header) throws DescriptorException {
        String value = attributes.getValue(header);
        if (value == null || value.isBlank()) {
            throw new DescriptorException("has no " + header + " header in its manifest");
        }
        return value.trim();
    }

    private static List<String> split(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Splits on commas outside brackets, since ranges such as {@code [1.0,2.0)} contain commas. */
    private static List<String> splitRequirements(@Nullable String value) {
        List<String> parts = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return parts;
        }
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
