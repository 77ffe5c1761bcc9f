package dev.vigil.kernel;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.kernel.config.ConfigBinder;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.kernel.config.ConfigProblem;
import dev.vigil.kernel.config.KernelConfig;
import dev.vigil.kernel.descriptor.DescriptorException;
import dev.vigil.kernel.descriptor.DescriptorReader;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.loader.PlatformPackages;
import dev.vigil.kernel.loader.PluginClassLoader;
import dev.vigil.kernel.watch.PluginFolderWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Validates a configuration file without starting anything: the kernel section, and the section of every
 * plugin found in a plugins folder, bound to the plugin's configuration type. A plugin's type is found by
 * loading its {@link Plugin} class in a throwaway class loader; its {@code start} is never called.
 */
public final class ConfigCheck {

    private ConfigCheck() {}

    /**
     * The outcome of a check.
     *
     * @param problems every problem, each naming file, line, path and reason
     * @param sections the sections found in the file
     * @param notes things worth knowing that are not errors, such as a section no plugin claims
     */
    public record Result(List<ConfigProblem> problems, List<String> sections, List<String> notes) {
        /** Copies the lists. */
        public Result {
            problems = List.copyOf(problems);
            sections = List.copyOf(sections);
            notes = List.copyOf(notes);
        }

        /** Whether the file has no problems. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks {@code file}; {@code pluginsDir} may be null to check the kernel section only. */
    public static Result check(Path file, @Nullable Path pluginsDir, Map<String, String> environment) {
        ConfigDocument document;
        try {
            document = ConfigDocument.read(file, environment);
        } catch (ConfigException e) {
            return new Result(e.problems(), List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        ConfigBinder binder = new ConfigBinder(document, ConfigMappers.strict());
        binder.bind("kernel", KernelConfig.class);
        List<String> claimed = new ArrayList<>(List.of("kernel"));
        if (pluginsDir != null) {
            try {
                for (Map.Entry<String, Path> jar : PluginFolderWatcher.list(pluginsDir).entrySet()) {
                    checkPlugin(jar.getValue(), binder, claimed, notes);
                }
            } catch (IOException e) {
                notes.add("cannot list " + pluginsDir + ": " + e.getMessage());
            }
        }
        for (String section : document.sectionNames()) {
            if (!claimed.contains(section)) {
                notes.add("section '" + section + "' names no plugin" + (pluginsDir == null ? " checked" : " in " + pluginsDir));
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            binder.results();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return new Result(problems, new ArrayList<>(document.sectionNames()), notes);
    }

    private static void checkPlugin(Path jar, ConfigBinder binder, List<String> claimed, List<String> notes) {
        PluginDescriptor descriptor;
        try {
            descriptor = DescriptorReader.read(jar);
        } catch (DescriptorException e) {
            notes.add(jar.getFileName() + " " + e.getMessage());
            return;
        }
        claimed.add(descriptor.id());
        try (PluginClassLoader loader = new PluginClassLoader(descriptor.id(), jar.toUri().toURL(), ConfigCheck.class.getClassLoader(),
                PlatformPackages.DEFAULT, Map.of())) {
            Optional<Class<?>> type = ServiceLoader.load(Plugin.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .findFirst()
                    .flatMap(p -> p.get().configType());
            type.ifPresent(t -> binder.bind(descriptor.id(), t));
        } catch (IOException | RuntimeException | LinkageError e) {
            notes.add("plugin '" + descriptor.id() + "': its configuration type could not be loaded, so its section was not checked ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
