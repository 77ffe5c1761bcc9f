package dev.vigil.kernel.loader;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The class loader of one plugin run. Lookup order:
 * <ol>
 *   <li>platform packages ({@link PlatformPackages}) from the kernel's loader, so core API types are shared;</li>
 *   <li>packages exported by a plugin this one requires, from that plugin's loader;</li>
 *   <li>the plugin's own JAR (child-first, so a plugin's private copy of a library wins);</li>
 *   <li>the JDK, through the platform class loader.</li>
 * </ol>
 * The kernel's own libraries (Jetty, Javalin, Jackson YAML, …) are not visible to plugins at all, so a
 * plugin cannot come to depend on them by accident.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String pluginId;
    private final ClassLoader kernelLoader;
    private final PlatformPackages platform;
    private final Map<String, ClassLoader> imports;

    /**
     * @param pluginId the plugin's id, for diagnostics
     * @param jar the plugin JAR (a cached copy, never the file in the plugins folder)
     * @param kernelLoader the loader of the platform layer
     * @param platform the platform packages
     * @param imports exported package name → the loader of the plugin that exports it
     */
    public PluginClassLoader(String pluginId, URL jar, ClassLoader kernelLoader, PlatformPackages platform, Map<String, ClassLoader> imports) {
        super("plugin:" + pluginId, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.pluginId = requireNonNull(pluginId, "pluginId is null");
        this.kernelLoader = requireNonNull(kernelLoader, "kernelLoader is null");
        this.platform = requireNonNull(platform, "platform is null");
        this.imports = Map.copyOf(requireNonNull(imports, "imports is null"));
    }

    public String pluginId() {
        return pluginId;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = locate(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> locate(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return getParent().loadClass(name);
        }
        if (platform.containsClass(name)) {
            return kernelLoader.loadClass(name);
        }
        ClassLoader exporter = exporterOf(name);
        if (exporter != null) {
            return exporter.loadClass(name);
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInJar) {
            return getParent().loadClass(name);
        }
    }

    private @Nullable ClassLoader exporterOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? null : imports.get(className.substring(0, dot));
    }

    @Override
    public @Nullable URL getResource(String name) {
        if (platform.containsResource(name)) {
            return kernelLoader.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (platform.containsResource(name)) {
            urls.addAll(Collections.list(kernelLoader.getResources(name)));
        }
        urls.addAll(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + pluginId + "]";
    }
}
