package dev.vigil.kernel.lifecycle;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Types;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.HealthRegistry;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.api.service.ServiceRegistry;
import dev.vigil.kernel.loader.PluginClassLoader;
import dev.vigil.kernel.owner.Owner;
import dev.vigil.kernel.schedule.OwnedScheduler;
import dev.vigil.kernel.service.KernelServiceRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops single plugin runs: builds the class loader, finds the {@link Plugin}, binds its
 * configuration, creates its injector, calls {@code start} and {@code stop} within their timeouts, and
 * undoes everything on failure. Knows nothing of other plugins beyond the ones a plugin requires.
 */
final class PluginStarter {

    private static final Logger log = LoggerFactory.getLogger(PluginStarter.class);

    /** Types the kernel binds itself; a service registered under one of them is not bound again. */
    private static final Set<Class<?>> KERNEL_BOUND = Set.of(PluginContext.class, ServiceRegistry.class, HttpRoutes.class,
            HealthRegistry.class, Scheduler.class, Clock.class);

    private final PluginEnvironment env;

    PluginStarter(PluginEnvironment env) {
        this.env = env;
    }

    /**
     * Starts a new run of {@code p}. {@code required} are the running plugins it requires.
     *
     * @throws PluginFailure with a one-line reason; nothing of the run is left behind
     */
    Run start(Installed p, List<Installed> required) throws PluginFailure {
        PluginClassLoader loader = p.jar == null ? null : newLoader(p, required);
        ClassLoader contextLoader = loader != null ? loader : requireInProcessLoader(p);
        Owner owner = new Owner(p.id(), contextLoader);
        try {
            return callBounded("start", owner, env.startTimeout(), () -> startInside(p, loader, owner, required));
        } catch (PluginFailure failure) {
            owner.closeAll();
            closeLoader(p, loader);
            throw failure;
        }
    }

    private static ClassLoader requireInProcessLoader(Installed p) {
        ClassLoader loader = p.inProcessLoader;
        if (loader == null) {
            throw new IllegalStateException("plugin '" + p.id() + "' has neither a JAR nor an in-process loader");
        }
        return loader;
    }

    private PluginClassLoader newLoader(Installed p, List<Installed> required) throws PluginFailure {
        Map<String, ClassLoader> imports = new HashMap<>();
        for (Installed dep : required) {
            Run depRun = dep.run;
            if (depRun != null && depRun.loader() != null) {
                for (String pkg : dep.descriptor.exports()) {
                    imports.put(pkg, depRun.loader());
                }
            }
        }
        try {
            return new PluginClassLoader(p.id(), p.jar.path().toUri().toURL(), env.kernelLoader(), env.platform(), imports);
        } catch (MalformedURLException e) {
            throw new PluginFailure("cannot open " + p.jar.path() + ": " + e.getMessage(), e);
        }
    }

    private Run startInside(Installed p, @Nullable PluginClassLoader loader, Owner owner, List<Installed> required) throws Exception {
        Plugin plugin = instantiate(p, loader);
        OwnedConfigSection<?> config = bindConfig(p, plugin, owner);
        PluginContextImpl context = new PluginContextImpl(
                p.id(),
                p.descriptor.version().toString(),
                env.dataDirectory().resolve("plugins").resolve(p.id()),
                env.configDirectory(),
                env.services().viewFor(owner),
                new OwnedRoutes(env.routes(), owner),
                new OwnedRoutes(env.otlpRoutes(), owner),
                env.health().viewFor(owner),
                new OwnedScheduler(env.scheduler(), owner),
                env.clock(),
                config);
        Injector injector = createInjector(p, plugin, context, config, owner, required);
        context.injector(injector);
        injector.injectMembers(plugin);
        plugin.start(context);
        return new Run(owner, loader, plugin, context, config);
    }

    private static Plugin instantiate(Installed p, @Nullable PluginClassLoader loader) throws PluginFailure {
        if (loader == null) {
            return p.inProcess.get();
        }
        List<ServiceLoader.Provider<Plugin>> providers;
        try {
            providers = ServiceLoader.load(Plugin.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new PluginFailure("has a broken Plugin service entry: " + PluginFailure.describe(e), e);
        }
        if (providers.isEmpty()) {
            throw new PluginFailure("declares no Plugin implementation that can be loaded from its JAR");
        }
        if (providers.size() > 1) {
            throw new PluginFailure("declares " + providers.size() + " Plugin implementations; a JAR holds exactly one: "
                    + providers.stream().map(provider -> provider.type().getName()).toList());
        }
        try {
            return providers.get(0).get();
        } catch (ServiceConfigurationError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginFailure("cannot instantiate " + providers.get(0).type().getName() + ": " + PluginFailure.describe(cause), e);
        }
    }

    private @Nullable OwnedConfigSection<?> bindConfig(Installed p, Plugin plugin, Owner owner) throws PluginFailure {
        Optional<Class<?>> type = plugin.configType();
        if (type.isEmpty()) {
            return null;
        }
        try {
            Object value = env.config().bind(p.id(), type.get());
            return section(owner, type.get(), value);
        } catch (PluginConfigSource.PluginConfigException e) {
            throw new PluginFailure("has invalid configuration: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    private static <T> OwnedConfigSection<T> section(Owner owner, Class<T> type, Object value) {
        return new OwnedConfigSection<>(owner, type, type.cast(value));
    }

    private Injector createInjector(Installed p, Plugin plugin, PluginContextImpl context, @Nullable OwnedConfigSection<?> config,
            Owner owner, List<Installed> required) throws PluginFailure {
        Module kernelBindings = new KernelBindings(context, env.clock(), config, exportedServices(owner, required));
        try {
            return Guice.createInjector(Stage.PRODUCTION, kernelBindings, plugin.module());
        } catch (CreationException e) {
            throw new PluginFailure("its injector could not be created: " + firstMessage(e.getErrorMessages()), e);
        }
    }

    /** The services registered by the required plugins, first registration per type. */
    private Map<Class<?>, Object> exportedServices(Owner consumer, List<Installed> required) {
        Map<Class<?>, Object> services = new HashMap<>();
        KernelServiceRegistry registry = env.services();
        for (Installed dep : required) {
            for (KernelServiceRegistry.Entry entry : registry.ownedBy(dep.id())) {
                if (!KERNEL_BOUND.contains(entry.type()) && !services.containsKey(entry.type())) {
                    registry.serviceFor(entry, consumer).ifPresent(service -> services.put(entry.type(), service));
                }
            }
        }
        return services;
    }

    private static String firstMessage(java.util.Collection<Message> messages) {
        String first = messages.stream().findFirst().map(Message::getMessage).orElse("unknown error");
        int newline = first.indexOf('\n');
        String line = newline < 0 ? first : first.substring(0, newline);
        return messages.size() > 1 ? line + " (and " + (messages.size() - 1) + " more)" : line;
    }

    /**
     * Stops a run: {@code stop} within its timeout, then every registration is removed and the loader
     * closed, whatever {@code stop} did.
     *
     * @return the reason {@code stop} failed, or null
     */
    @Nullable String stop(Installed p, Run run) {
        String failure = null;
        try {
            callBounded("stop", run.owner(), env.stopTimeout(), () -> {
                run.plugin().stop(run.context());
                return null;
            });
        } catch (PluginFailure e) {
            failure = e.getMessage();
            log.warn("plugin '{}': {}", p.id(), failure, e.getCause());
        }
        run.owner().closeAll();
        closeLoader(p, run.loader());
        return failure;
    }

    private static void closeLoader(Installed p, @Nullable PluginClassLoader loader) {
        if (loader == null) {
            return;
        }
        ResourceBundle.clearCache(loader);
        try {
            loader.close();
        } catch (IOException e) {
            log.warn("plugin '{}': closing its class loader failed", p.id(), e);
        }
        List<String> leftover = threadsOf(loader);
        if (!leftover.isEmpty()) {
            log.warn("plugin '{}' left {} thread(s) running after it stopped, which keep its classes in memory: {}",
                    p.id(), leftover.size(), leftover);
        }
    }

    /** Live threads whose context class loader is {@code loader}: threads the plugin started and did not stop. */
    static List<String> threadsOf(ClassLoader loader) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        // enumerate() fills at most the array's length; size it with room for threads started meanwhile
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive() && threads[i].getContextClassLoader() == loader) {
                names.add(threads[i].getName());
            }
        }
        return names.stream().sorted().toList();
    }

    /**
     * Calls {@code body} on a thread of its own with the owner's context class loader, waiting at most
     * {@code timeout}. A fresh thread per call, created here from kernel code, so that a plugin that hangs
     * ties up only that thread and no pool thread ever inherits a plugin's context.
     */
    private static <T> T callBounded(String what, Owner owner, Duration timeout, Callable<T> body) throws PluginFailure {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(owner.call(body));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "vigil-" + what + "-" + owner.id());
        thread.setDaemon(true);
        thread.setContextClassLoader(owner.loader());
        thread.start();
        try {
            T value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            awaitExit(thread);
            return value;
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new PluginFailure(what + " did not finish within " + format(timeout), e);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new PluginFailure(what + " was interrupted", e);
        } catch (ExecutionException e) {
            awaitExit(thread);
            Throwable cause = e.getCause();
            if (cause instanceof PluginFailure failure) {
                throw failure;
            }
            if (cause instanceof VirtualMachineError error) {
                throw error;
            }
            throw new PluginFailure(what + " threw " + PluginFailure.describe(cause), cause);
        }
    }

    /**
     * Waits briefly for a call thread that has delivered its result to end, so that it is not mistaken for
     * a thread the plugin left running.
     */
    private static void awaitExit(Thread thread) {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Binds the kernel's services, the plugin's configuration and the services of the plugins it requires. */
    private static final class KernelBindings extends AbstractModule {
        private final PluginContext context;
        private final Clock clock;
        private final @Nullable OwnedConfigSection<?> config;
        private final Map<Class<?>, Object> exported;

        KernelBindings(PluginContext context, Clock clock, @Nullable OwnedConfigSection<?> config, Map<Class<?>, Object> exported) {
            this.context = context;
            this.clock = clock;
            this.config = config;
            this.exported = exported;
        }

        @Override
        protected void configure() {
            bind(PluginContext.class).toInstance(context);
            bind(ServiceRegistry.class).toInstance(context.services());
            bind(HttpRoutes.class).toInstance(context.routes());
            bind(HealthRegistry.class).toInstance(context.health());
            bind(Scheduler.class).toInstance(context.scheduler());
            bind(Clock.class).toInstance(clock);
            if (config != null) {
                bindConfig(config);
            }
            exported.forEach(this::bindExported);
        }

        @SuppressWarnings("unchecked")
        private <T> void bindConfig(OwnedConfigSection<T> section) {
            Key<ConfigSection<T>> key = (Key<ConfigSection<T>>) Key.get(Types.newParameterizedType(ConfigSection.class, section.type()));
            bind(key).toInstance(section);
        }

        @SuppressWarnings("unchecked")
        private <T> void bindExported(Class<T> type, Object service) {
            bind(type).toInstance((T) service);
        }
    }
}
