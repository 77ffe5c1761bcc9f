package dev.vigil.kernel;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.descriptor.Requirement;
import dev.vigil.kernel.descriptor.Version;
import dev.vigil.kernel.lifecycle.InProcessPlugin;
import dev.vigil.kernel.loader.PlatformPackages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Options of a {@link Kernel}. Everything has a default: no configuration file means the defaults of every
 * section; folders default to the configuration's values, then to {@code plugins} and {@code data}, both
 * resolved against the {@linkplain #homeDirectory home folder}. Explicit values here win over the
 * configuration file, as command-line options do.
 */
public final class KernelBuilder {

    Path home = Path.of("");
    @Nullable Path configFile;
    @Nullable Path pluginsDirectory;
    @Nullable Path dataDirectory;
    @Nullable String bindAddress;
    @Nullable Integer port;
    @Nullable String otlpBindAddress;
    @Nullable Integer otlpPort;
    @Nullable String adminToken;
    @Nullable Scheduler scheduler;
    Clock clock = Clock.systemUTC();
    Map<String, String> environment = System.getenv();
    boolean watchPlugins = true;
    boolean watchConfig = true;
    boolean serve = true;
    final Set<String> onlyPlugins = new LinkedHashSet<>();
    PlatformPackages platform = PlatformPackages.DEFAULT;
    final List<InProcessPlugin> inProcess = new ArrayList<>();

    KernelBuilder() {}

    /**
     * The folder that relative {@code kernel.pluginsDir} and {@code kernel.dataDir} values, and the default
     * {@code plugins} and {@code data} folders, are resolved against; the working directory by default.
     * The launcher sets it to the installation folder.
     */
    public KernelBuilder homeDirectory(Path folder) {
        this.home = requireNonNull(folder, "folder is null");
        return this;
    }

    /** The YAML configuration file. */
    public KernelBuilder configFile(Path file) {
        this.configFile = requireNonNull(file, "file is null");
        return this;
    }

    /** The folder of plugin JARs; created if missing. */
    public KernelBuilder pluginsDirectory(Path folder) {
        this.pluginsDirectory = requireNonNull(folder, "folder is null");
        return this;
    }

    /** The data folder; created if missing. */
    public KernelBuilder dataDirectory(Path folder) {
        this.dataDirectory = requireNonNull(folder, "folder is null");
        return this;
    }

    /** The address the API server binds to, overriding {@code kernel.http.bind}. */
    public KernelBuilder bindAddress(String address) {
        this.bindAddress = requireNonNull(address, "address is null");
        return this;
    }

    /** The address the OTLP/HTTP listener binds to, overriding {@code kernel.otlp.bind}. */
    public KernelBuilder otlpBindAddress(String address) {
        this.otlpBindAddress = requireNonNull(address, "address is null");
        return this;
    }

    /** The OTLP/HTTP listener's port (0 for any free port), overriding {@code kernel.otlp.port}. */
    public KernelBuilder otlpPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        this.otlpPort = port;
        return this;
    }

    /** The API server's port (0 for any free port), overriding {@code kernel.http.port}. */
    public KernelBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        this.port = port;
        return this;
    }

    /** A fixed admin token, overriding configuration, environment and the generated token file. */
    public KernelBuilder adminToken(String token) {
        this.adminToken = requireNonNull(token, "token is null");
        return this;
    }

    /** The clock plugins receive; tests pass a controllable one. */
    public KernelBuilder clock(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        return this;
    }

    /** The scheduler behind plugin schedulers; tests pass one driven by their clock. */
    public KernelBuilder scheduler(Scheduler scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        return this;
    }

    /** The environment used for {@code ${VAR}} substitution and {@code VIGIL_ADMIN_TOKEN}. */
    public KernelBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        return this;
    }

    /** Whether to deploy, replace and undeploy JARs as they change in the plugins folder (default true). */
    public KernelBuilder watchPlugins(boolean watch) {
        this.watchPlugins = watch;
        return this;
    }

    /** Whether to re-apply the configuration file when it changes (default true). */
    public KernelBuilder watchConfig(boolean watch) {
        this.watchConfig = watch;
        return this;
    }

    /**
     * Whether the kernel listens on its API and OTLP ports (default true). A kernel that does not still deploys
     * and starts plugins, and their routes are kept but not served; for tools that run plugins' services in
     * process, such as the command line's rule tools.
     */
    public KernelBuilder serve(boolean serve) {
        this.serve = serve;
        return this;
    }

    /**
     * Deploys only the JARs of the plugins with these ids from the plugins folder (and ignores the rest, unread
     * beyond their descriptors); every plugin when none is given. A listed plugin's requirements must be listed
     * too. For tools that need a few plugins' services, such as the command line's rule tools.
     */
    public KernelBuilder onlyPlugins(String... ids) {
        onlyPlugins.addAll(List.of(ids));
        return this;
    }

    /** The platform packages shared with plugins; embedding applications may add their own. */
    public KernelBuilder platformPackages(PlatformPackages platform) {
        this.platform = requireNonNull(platform, "platform is null");
        return this;
    }

    /**
     * Adds a plugin whose classes are on the kernel's class path rather than in a JAR of its own. It is not
     * isolated and cannot be hot-replaced, but it is resolved, wired, started and stopped like any other;
     * meant for embedding and for testing a plugin from its own build.
     *
     * @param requires requirements as in the {@code Vigil-Plugin-Requires} header, such as {@code hello@[0.1,1)}
     */
    public KernelBuilder plugin(String id, String version, Supplier<? extends Plugin> factory, String... requires) {
        List<Requirement> requirements = Arrays.stream(requires).map(Requirement::parse).toList();
        PluginDescriptor descriptor = new PluginDescriptor(id, Version.parse(version), dev.vigil.api.VigilApi.version(), requirements, List.of(), id);
        Supplier<Plugin> typed = factory::get;
        inProcess.add(new InProcessPlugin(descriptor, typed, factory.getClass().getClassLoader()));
        return this;
    }

    public Kernel build() {
        return new Kernel(this);
    }
}
