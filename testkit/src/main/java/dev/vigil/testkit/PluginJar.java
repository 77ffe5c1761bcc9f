package dev.vigil.testkit;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.VigilApi;
import dev.vigil.api.plugin.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * Builds plugin JARs in tests from classes on the test's class path, so a test can deploy the plugin it is
 * testing as the kernel would load it in production: from a JAR, in a class loader of its own.
 *
 * <pre>{@code
 * Path jar = PluginJar.builder("greeter", "1.0.0")
 *         .plugin(GreeterPlugin.class)
 *         .addClass(Greeting.class)
 *         .writeTo(dir.resolve("greeter.jar"));
 * }</pre>
 *
 * A class is added with its nested and anonymous classes. The JAR's manifest carries the plugin headers;
 * {@link #rewrite} copies an existing plugin JAR with some headers changed, such as a newer version.
 */
public final class PluginJar {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private @Nullable String pluginClass;

    private PluginJar(String id, String version) {
        headers.put("Vigil-Plugin-Id", requireNonNull(id, "id is null"));
        headers.put("Vigil-Plugin-Version", requireNonNull(version, "version is null"));
        headers.put("Vigil-Plugin-Api", VigilApi.version());
    }

    /** A JAR for plugin {@code id} at {@code version}, built for the running core API. */
    public static PluginJar builder(String id, String version) {
        return new PluginJar(id, version);
    }

    /** Sets the {@link Plugin} implementation: listed in the service file and added with its nested classes. */
    public PluginJar plugin(Class<? extends Plugin> type) {
        this.pluginClass = type.getName();
        return addClass(type);
    }

    /** Sets the core API version or range the plugin claims to be built for. */
    public PluginJar api(String versionOrRange) {
        return header("Vigil-Plugin-Api", versionOrRange);
    }

    /** Sets the requirements, as in the {@code Vigil-Plugin-Requires} header: {@code "a", "b@[1.0,2.0)"}. */
    public PluginJar requires(String... requirements) {
        return header("Vigil-Plugin-Requires", String.join(", ", requirements));
    }

    /** Sets the packages exported to plugins that require this one. */
    public PluginJar exports(String... packages) {
        return header("Vigil-Plugin-Exports", String.join(", ", packages));
    }

    /** Sets any manifest header. */
    public PluginJar header(String name, String value) {
        headers.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Adds the class file of {@code type} and of its nested and anonymous classes. */
    public PluginJar addClass(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        entries.put(path, read(type, path));
        addCompanions(type);
        return this;
    }

    /** Adds a file. */
    public PluginJar addResource(String path, byte[] content) {
        entries.put(requireNonNull(path, "path is null"), content.clone());
        return this;
    }

    /** Adds a text file in UTF-8. */
    public PluginJar addResource(String path, String content) {
        return addResource(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds every entry of another JAR, such as a library the plugin bundles, except its manifest. */
    public PluginJar addJarContents(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> all = file.entries();
            while (all.hasMoreElements()) {
                JarEntry e = all.nextElement();
                if (!e.isDirectory() && !e.getName().equals(JarFile.MANIFEST_NAME)) {
                    try (InputStream in = file.getInputStream(e)) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return this;
    }

    /** Writes the JAR, atomically, and returns its path. */
    public Path writeTo(Path file) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Map<String, byte[]> all = new LinkedHashMap<>(entries);
        if (pluginClass != null) {
            all.put("META-INF/services/" + Plugin.class.getName(), (pluginClass + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return write(file, manifest, all);
    }

    /** Copies the plugin JAR {@code source} to {@code target} with {@code headers} set in its manifest. */
    public static Path rewrite(Path source, Map<String, String> headers, Path target) {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = in.getManifest() == null ? new Manifest() : new Manifest(in.getManifest());
            headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
            Map<String, byte[]> all = new LinkedHashMap<>();
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory()) {
                    all.put(e.getName(), in.readAllBytes());
                }
            }
            return write(target, manifest, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + source, e);
        }
    }

    private static Path write(Path file, Manifest manifest, Map<String, byte[]> entries) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, ".partial-", ".tmp");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    jar.putNextEntry(new JarEntry(e.getKey()));
                    jar.write(e.getValue());
                    jar.closeEntry();
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] read(Class<?> type, String path) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file " + path + " for " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Nested and anonymous classes ({@code Outer$...}) are found next to the outer class's file. */
    private void addCompanions(Class<?> type) {
        String prefix = type.getName().replace('.', '/') + "$";
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return;
        }
        try {
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                Path folder = root.resolve(prefix).getParent();
                String simplePrefix = prefix.substring(prefix.lastIndexOf('/') + 1);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, simplePrefix + "*.class")) {
                    for (Path f : files) {
                        entries.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class")).forEach(e -> {
                        try (InputStream in = jar.getInputStream(e)) {
                            entries.put(e.getName(), in.readAllBytes());
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the nested classes of " + type.getName(), e);
        }
    }
}
