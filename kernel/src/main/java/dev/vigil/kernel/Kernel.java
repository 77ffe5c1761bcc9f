package dev.vigil.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.api.VigilApi;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.api.service.ServiceRegistry;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.kernel.config.KernelConfig;
import dev.vigil.kernel.config.OtlpSettings;
import dev.vigil.kernel.descriptor.DescriptorException;
import dev.vigil.kernel.descriptor.DescriptorReader;
import dev.vigil.kernel.descriptor.Version;
import dev.vigil.kernel.endpoint.KernelEndpoints;
import dev.vigil.kernel.health.KernelHealthRegistry;
import dev.vigil.kernel.http.AdminToken;
import dev.vigil.kernel.http.HttpServer;
import dev.vigil.kernel.http.HttpServerSettings;
import dev.vigil.kernel.lifecycle.PluginConfigSource;
import dev.vigil.kernel.lifecycle.PluginEnvironment;
import dev.vigil.kernel.lifecycle.PluginManager;
import dev.vigil.kernel.lifecycle.PluginStatus;
import dev.vigil.kernel.loader.JarCache;
import dev.vigil.kernel.owner.Owner;
import dev.vigil.kernel.schedule.KernelScheduler;
import dev.vigil.kernel.schedule.OwnedScheduler;
import dev.vigil.kernel.service.KernelServiceRegistry;
import dev.vigil.kernel.watch.PluginFolderWatcher;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vigil kernel: reads the configuration, starts the HTTP server, deploys the plugins in the plugins
 * folder in dependency order, and keeps watching the folder and the configuration file. The launcher runs
 * one; a Java service can run one embedded.
 *
 * <pre>{@code
 * try (Kernel kernel = Kernel.builder()
 *         .configFile(Path.of("conf/vigil.yaml"))
 *         .pluginsDirectory(Path.of("plugins"))
 *         .dataDirectory(Path.of("data"))
 *         .build()) {
 *     kernel.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} and {@link #close()} are called once each; the other methods are thread-safe.
 */
public final class Kernel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Kernel.class);

    static {
        // Guice's generated classes are defined in, and cached against, the class loader of the type they
        // serve; for a plugin type that pins the plugin's loader after unload. Reflection is enough here.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private final KernelBuilder options;
    private final Owner owner = Owner.kernel();
    private final KernelServiceRegistry services = new KernelServiceRegistry();
    private final KernelHealthRegistry health = new KernelHealthRegistry();
    private final ObjectMapper json = jsonMapper();
    private volatile boolean started;
    private volatile boolean closed;
    private @Nullable KernelConfig config;
    private @Nullable ConfigReloader configReloader;
    private @Nullable HttpServer http;
    private @Nullable HttpServer otlp;
    private @Nullable AdminToken adminToken;
    private @Nullable Scheduler scheduler;
    private @Nullable KernelScheduler ownScheduler;
    private @Nullable PluginManager plugins;
    private @Nullable PluginFolderWatcher watcher;
    private @Nullable Path pluginsDirectory;
    private @Nullable Path dataDirectory;

    Kernel(KernelBuilder options) {
        this.options = options;
    }

    /** Options for a new kernel; every one has a default. */
    public static KernelBuilder builder() {
        return new KernelBuilder();
    }

    /**
     * Starts the kernel. Returns once the first deployment is done; plugins that failed are in
     * {@link #plugins()} with their reasons.
     *
     * @throws KernelStartException when the configuration is invalid, the data folder cannot be used or the
     *     server cannot listen; nothing is left running then
     */
    public synchronized void start() throws KernelStartException {
        if (plugins != null) {
            throw new IllegalStateException("the kernel has already been started");
        }
        long began = System.nanoTime();
        try {
            ConfigDocument document = options.configFile == null
                    ? ConfigDocument.empty("(defaults)")
                    : ConfigDocument.read(options.configFile, options.environment);
            KernelConfig kernelConfig = document.bind("kernel", KernelConfig.class, ConfigMappers.strict());
            this.config = kernelConfig;
            Path data = resolveDirectory(options.home, options.dataDirectory, kernelConfig.dataDir(), "data");
            Path pluginDir = resolveDirectory(options.home, options.pluginsDirectory, kernelConfig.pluginsDir(), "plugins");
            this.dataDirectory = Files.createDirectories(data);
            this.pluginsDirectory = pluginDir;

            this.adminToken = options.adminToken != null
                    ? AdminToken.of(options.adminToken)
                    : AdminToken.resolve(kernelConfig.adminToken(), options.environment, data);
            JarCache jarCache = new JarCache(data.resolve("plugin-cache"));
            jarCache.reset();
            if (options.scheduler != null) {
                this.scheduler = options.scheduler;
            } else {
                this.ownScheduler = new KernelScheduler(2);
                this.scheduler = ownScheduler;
            }

            HttpServerSettings settings = new HttpServerSettings(
                    options.bindAddress != null ? options.bindAddress : kernelConfig.http().bind(),
                    options.port != null ? options.port : kernelConfig.http().port(),
                    kernelConfig.http().maxRequestBytes(),
                    kernelConfig.http().maxConcurrentRequests());
            HttpServer server = new HttpServer(settings, json, adminToken, () -> services().find(OpenTelemetry.class));
            this.http = server;
            OtlpSettings otlpSettings = kernelConfig.otlp();
            HttpServer otlpServer = new HttpServer(new HttpServerSettings(
                    options.otlpBindAddress != null ? options.otlpBindAddress : otlpSettings.bind(),
                    options.otlpPort != null ? options.otlpPort : otlpSettings.port(),
                    otlpSettings.maxRequestBytes(),
                    otlpSettings.maxConcurrentRequests()), json, adminToken);
            this.otlp = otlpServer;

            ConfigReloader reloader = new ConfigReloader(options.configFile, options.environment, document);
            this.configReloader = reloader;
            PluginConfigSource configSource = reloader::bindPlugin;
            PluginManager manager = new PluginManager(new PluginEnvironment(
                    Version.parse(VigilApi.version()),
                    options.platform,
                    Kernel.class.getClassLoader(),
                    jarCache,
                    data,
                    options.configFile != null
                            ? options.configFile.toAbsolutePath().normalize().getParent()
                            : options.home.toAbsolutePath().normalize(),
                    services,
                    health,
                    server.routes()::add,
                    otlpServer.routes()::add,
                    scheduler,
                    options.clock,
                    configSource,
                    kernelConfig.startTimeout(),
                    kernelConfig.stopTimeout()));
            this.plugins = manager;
            reloader.attach(manager);

            new KernelEndpoints(manager, health, () -> started).register(routes());
            if (!options.serve) {
                log.debug("Vigil {} not listening: serving is off", VigilApi.version());
            } else if (otlpSettings.enabled()) {
                server.start();
                otlpServer.start();
                log.info("Vigil {} listening on {} (API) and {} (OTLP/HTTP)", VigilApi.version(), server.baseUri(), otlpServer.baseUri());
            } else {
                server.start();
                log.info("Vigil {} listening on {} (API); the OTLP/HTTP listener is disabled", VigilApi.version(), server.baseUri());
            }

            Map<String, Path> jars = Files.isDirectory(pluginDir) ? PluginFolderWatcher.list(pluginDir) : Map.of();
            manager.deployAll(options.inProcess, PluginFolderWatcher.sortedNames(jars).stream().map(jars::get)
                    .filter(this::wanted).toList());
            warnAboutUnusedSections(document, manager);

            if (options.watchPlugins && kernelConfig.watch().enabled()) {
                Files.createDirectories(pluginDir);
                this.watcher = watch(pluginDir, manager, kernelConfig);
            }
            if (options.watchConfig && options.configFile != null && kernelConfig.watch().enabled()) {
                reloader.watch(new OwnedScheduler(scheduler, owner), kernelConfig.watch().pollInterval());
            }
            started = true;
            long active = manager.statuses().stream().filter(s -> s.state() == PluginState.ACTIVE).count();
            log.info("Vigil ready in {} ms: {} plugin(s) active, {} not", (System.nanoTime() - began) / 1_000_000, active,
                    manager.statuses().size() - active);
        } catch (ConfigException e) {
            closeQuietly();
            throw new KernelStartException(e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly();
            throw new KernelStartException("cannot prepare the platform's folders: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            closeQuietly();
            throw new KernelStartException(e.getMessage(), e);
        }
    }

    /** Starts watching the plugins folder; the JARs just deployed are known already and not deployed again. */
    private static PluginFolderWatcher watch(Path folder, PluginManager manager, KernelConfig config) {
        PluginFolderWatcher watcher = new PluginFolderWatcher(folder, manager.deployedChecksums(),
                config.watch().pollInterval(), config.watch().quietPeriod(), new PluginFolderWatcher.Listener() {
                    @Override
                    public void added(Path jar) {
                        manager.deploy(jar);
                    }

                    @Override
                    public void changed(Path jar) {
                        manager.redeploy(jar);
                    }

                    @Override
                    public void removed(String fileName) {
                        manager.undeploy(fileName);
                    }
                });
        watcher.start();
        return watcher;
    }

    /** An explicit folder wins; then the configured one, then the default, both relative to {@code home}. */
    private static Path resolveDirectory(Path home, @Nullable Path explicit, @Nullable String configured, String fallback) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        return home.resolve(configured != null ? configured : fallback).toAbsolutePath().normalize();
    }

    private static void warnAboutUnusedSections(ConfigDocument document, PluginManager manager) {
        List<String> ids = manager.installedIds();
        for (String section : document.sectionNames()) {
            if (!section.equals("kernel") && !ids.contains(section)) {
                log.warn("{}: section '{}' names no installed plugin; it is used if such a plugin is deployed", document.source(), section);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            log.warn("cleaning up after a failed start failed", e);
        }
    }

    /** Whether {@code jar} is one of the plugins the kernel was told to deploy; a JAR whose descriptor cannot be read is deployed, to be refused with its reason. */
    private boolean wanted(Path jar) {
        if (options.onlyPlugins.isEmpty()) {
            return true;
        }
        try {
            return options.onlyPlugins.contains(DescriptorReader.read(jar).id());
        } catch (DescriptorException e) {
            return true;
        }
    }

    /** Whether the first deployment is done and the kernel has not been closed. */
    public boolean isStarted() {
        return started;
    }

    /**
     * The base URI of the API server, such as {@code http://127.0.0.1:9400}.
     *
     * @throws IllegalStateException if the kernel was built not to serve
     */
    public URI httpUri() {
        HttpServer server = running(http);
        if (!options.serve) {
            throw new IllegalStateException("the kernel does not serve HTTP");
        }
        return server.baseUri();
    }

    /** The base URI of the OTLP/HTTP listener, such as {@code http://127.0.0.1:4318}; empty when it is disabled. */
    public Optional<URI> otlpUri() {
        HttpServer server = running(otlp);
        return options.serve && running(config).otlp().enabled() ? Optional.of(server.baseUri()) : Optional.empty();
    }

    /** The admin token and where it came from. */
    public AdminToken adminToken() {
        return running(adminToken);
    }

    /** The kernel's configuration section as it was at start. */
    public KernelConfig config() {
        return running(config);
    }

    /** The folder watched for plugin JARs. */
    public Path pluginsDirectory() {
        return running(pluginsDirectory);
    }

    /** The data folder. */
    public Path dataDirectory() {
        return running(dataDirectory);
    }

    /** Every plugin and every refused JAR. */
    public List<PluginStatus> plugins() {
        return running(plugins).statuses();
    }

    /** One plugin's status. */
    public Optional<PluginStatus> plugin(String id) {
        return running(plugins).status(id);
    }

    /** The plugin manager, for the launcher and tests that drive deployments directly. */
    public PluginManager pluginManager() {
        return running(plugins);
    }

    /** The service registry as the host application sees it: what it registers lives as long as the kernel. */
    public ServiceRegistry services() {
        return services.viewFor(owner);
    }

    /** Routes on the API server owned by the host application; they last as long as the kernel. */
    public HttpRoutes routes() {
        HttpServer server = running(http);
        return (method, path, access, handler) -> owner.track(server.routes().add(owner.id(), owner.loader(), method, path, access, handler));
    }

    private static <T> T running(@Nullable T part) {
        if (part == null) {
            throw new IllegalStateException("the kernel is not running");
        }
        return part;
    }

    /** The JSON mapper of the API. */
    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * Stops the watchers, then every plugin (dependents first), then the server and the scheduler.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        started = false;
        if (watcher != null) {
            watcher.close();
        }
        if (configReloader != null) {
            configReloader.close();
        }
        if (plugins != null) {
            plugins.stopAll();
        }
        owner.closeAll();
        if (http != null) {
            http.close();
        }
        if (otlp != null) {
            otlp.close();
        }
        if (ownScheduler != null) {
            ownScheduler.close();
        }
        log.info("Vigil stopped");
    }
}
