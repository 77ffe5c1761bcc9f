package dev.vigil.kernel.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.descriptor.DescriptorException;
import dev.vigil.kernel.descriptor.DescriptorReader;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.loader.JarCache.CachedJar;
import dev.vigil.kernel.resolve.Resolution;
import dev.vigil.kernel.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the set of installed plugins running as far as their descriptors, dependencies and code allow.
 *
 * <p>JARs are deployed, replaced and undeployed by file name; after every change the manager resolves the
 * whole set again and starts, in dependency order, whatever became startable. A plugin that fails to
 * resolve is retried when something changes; one whose {@code start} failed is retried only when its JAR
 * changes or an administrator starts or reloads it. Replacing a plugin stops the plugins that require it
 * first and restarts them afterwards with fresh class loaders; if the new version cannot start, the old
 * one is started again.
 *
 * <p>Changes are serialised by one lock; reading the status never blocks on a change in progress.
 */
public final class PluginManager {

    private static final Logger log = LoggerFactory.getLogger(PluginManager.class);

    private final PluginEnvironment env;
    private final PluginStarter starter;
    private final Resolver resolver;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();
    private final Map<String, JarFileState> files = new ConcurrentHashMap<>();

    public PluginManager(PluginEnvironment env) {
        this.env = requireNonNull(env, "env is null");
        this.starter = new PluginStarter(env);
        this.resolver = new Resolver(env.apiVersion());
    }

    // ---- deployment by file ----

    /** Deploys several JARs at once, then starts what can start: the start-up path. */
    public void deployAll(List<Path> jars) {
        deployAll(List.of(), jars);
    }

    /**
     * Installs plugins from the host's class path and deploys JARs, then starts what can start, so that a
     * plugin of either kind may require one of the other without being refused in between.
     */
    public void deployAll(List<InProcessPlugin> inProcess, List<Path> jars) {
        lock.lock();
        try {
            for (InProcessPlugin p : inProcess) {
                installInProcessLocked(p.descriptor(), p.factory(), p.loader());
            }
            for (Path jar : jars) {
                JarFileState known = files.get(jar.getFileName().toString());
                if (known == null) {
                    install(jar);
                } else {
                    redeployLocked(jar, known);
                }
            }
            startResolvable();
        } finally {
            lock.unlock();
        }
    }

    /** Deploys a new JAR. */
    public void deploy(Path jar) {
        deployAll(List.of(jar));
    }

    /**
     * Replaces the plugin deployed from {@code jar}'s file name with the JAR's new content. Nothing happens
     * when the content is the same as what was deployed.
     */
    public void redeploy(Path jar) {
        lock.lock();
        try {
            JarFileState state = files.get(jar.getFileName().toString());
            if (state == null) {
                install(jar);
            } else {
                redeployLocked(jar, state);
            }
            startResolvable();
        } finally {
            lock.unlock();
        }
    }

    private void redeployLocked(Path jar, JarFileState state) {
        String file = jar.getFileName().toString();
        String checksum = checksum(jar);
        if (checksum != null && checksum.equals(state.checksum)) {
            return;
        }
        Installed old = state.pluginId == null ? null : installed.get(state.pluginId);
        if (old == null || !old.file.equals(file)) {
            files.remove(file);
            install(jar);
        } else {
            files.put(file, state.withChecksum(checksum));
            replace(old, jar);
        }
    }

    private static @Nullable String checksum(Path jar) {
        try {
            return FileChecksum.sha256(jar);
        } catch (IOException e) {
            return null;
        }
    }

    /** Undeploys whatever was deployed from the JAR named {@code file}. */
    public void undeploy(String file) {
        lock.lock();
        try {
            JarFileState state = files.remove(file);
            if (state == null) {
                return;
            }
            Installed p = state.pluginId == null ? null : installed.get(state.pluginId);
            if (p != null && p.file.equals(file)) {
                stopWithDependents(p);
                installed.remove(p.id());
                deleteCached(p);
                log.info("plugin {} undeployed ({})", p, file);
                retryDuplicatesOf(p.id());
            } else {
                log.info("{} removed", file);
            }
            startResolvable();
        } finally {
            lock.unlock();
        }
    }

    /** Installs a plugin whose classes are already on the kernel's class path; used by embedding and tests. */
    public void installInProcess(PluginDescriptor descriptor, Supplier<Plugin> factory, ClassLoader loader) {
        lock.lock();
        try {
            installInProcessLocked(descriptor, factory, loader);
            startResolvable();
        } finally {
            lock.unlock();
        }
    }

    private void installInProcessLocked(PluginDescriptor descriptor, Supplier<Plugin> factory, ClassLoader loader) {
        if (installed.containsKey(descriptor.id())) {
            throw new IllegalStateException("plugin '" + descriptor.id() + "' is already installed from " + installed.get(descriptor.id()).file);
        }
        installed.put(descriptor.id(), Installed.inProcess(descriptor, factory, loader, env.clock().instant()));
    }

    private void install(Path jar) {
        String file = jar.getFileName().toString();
        PluginDescriptor descriptor;
        try {
            descriptor = DescriptorReader.read(jar);
        } catch (DescriptorException e) {
            refuseFile(jar, null, null, e.getMessage());
            return;
        }
        Installed existing = installed.get(descriptor.id());
        if (existing != null && !existing.file.equals(file)) {
            refuseFile(jar, descriptor.id(), descriptor.version().toString(),
                    "duplicate plugin id '" + descriptor.id() + "': already installed from " + existing.file);
            return;
        }
        CachedJar cached;
        try {
            cached = env.jarCache().copy(jar);
        } catch (IOException e) {
            refuseFile(jar, descriptor.id(), descriptor.version().toString(), "cannot be copied to the plugin cache: " + e.getMessage());
            return;
        }
        Installed p = Installed.fromJar(descriptor, file, cached, env.clock().instant());
        installed.put(p.id(), p);
        files.put(file, JarFileState.installed(jar, p.id(), checksum(jar)));
        log.info("plugin {} installed from {}", p, file);
    }

    private void refuseFile(Path jar, @Nullable String id, @Nullable String version, String reason) {
        String file = jar.getFileName().toString();
        files.put(file, JarFileState.refused(jar, id, version, reason, checksum(jar), env.clock().instant()));
        log.warn("{} refused: {}", file, reason);
    }

    private void replace(Installed old, Path jar) {
        String file = jar.getFileName().toString();
        PluginDescriptor descriptor;
        try {
            descriptor = DescriptorReader.read(jar);
        } catch (DescriptorException e) {
            old.error = "replacement " + file + " refused: " + e.getMessage();
            log.warn("plugin {}: {}; the running version stays", old, old.error);
            return;
        }
        if (!descriptor.id().equals(old.id())) {
            undeployInstalled(old);
            files.remove(file);
            install(jar);
            return;
        }
        CachedJar cached;
        try {
            cached = env.jarCache().copy(jar);
        } catch (IOException e) {
            old.error = "replacement " + file + " cannot be copied to the plugin cache: " + e.getMessage();
            log.warn("plugin {}: {}", old, old.error);
            return;
        }
        Installed next = Installed.fromJar(descriptor, file, cached, env.clock().instant());
        boolean wasRunning = old.isRunning();
        stopWithDependents(old);
        installed.put(next.id(), next);

        Resolution resolution = resolve();
        String refusal = resolution.refused().get(next.id());
        String failure = refusal;
        if (refusal == null) {
            failure = startOne(next, required(next)) ? null : next.error;
        }
        if (failure == null) {
            deleteCached(old);
            log.info("plugin {} replaced by {}", old, next.descriptor.version());
            return;
        }
        if (!wasRunning) {
            deleteCached(old);
            log.warn("plugin {} replaced by {}, which cannot start either: {}", old, next.descriptor.version(), failure);
            return;
        }
        installed.put(old.id(), old);
        deleteCached(next);
        String reason = "replacement " + next.descriptor.version() + " from " + file + " failed and was rolled back: " + failure;
        startOne(old, required(old));
        old.error = reason;
        log.warn("plugin {}: {}", old, reason);
    }

    private void undeployInstalled(Installed p) {
        stopWithDependents(p);
        installed.remove(p.id());
        deleteCached(p);
        retryDuplicatesOf(p.id());
    }

    /** JARs refused because they duplicated {@code id} may install now that its holder is gone. */
    private void retryDuplicatesOf(String id) {
        List<JarFileState> waiting = files.values().stream()
                .filter(state -> id.equals(state.pluginId) && state.refusal != null)
                .sorted(Comparator.comparing(state -> state.path.getFileName().toString()))
                .toList();
        for (JarFileState state : waiting) {
            if (installed.containsKey(id)) {
                return;
            }
            files.remove(state.path.getFileName().toString());
            install(state.path);
        }
    }

    private void deleteCached(Installed p) {
        if (p.jar != null) {
            env.jarCache().delete(p.jar);
        }
    }

    // ---- administration ----

    /** Stops a running plugin (and the plugins that require it) until {@link #start(String)} is called. */
    public PluginStatus stop(String id) {
        lock.lock();
        try {
            Installed p = get(id);
            p.stoppedByAdmin = true;
            stopWithDependents(p);
            startResolvable();
            return p.status();
        } finally {
            lock.unlock();
        }
    }

    /** Starts a plugin that an administrator stopped or that failed to start, and the plugins waiting on it. */
    public PluginStatus start(String id) {
        lock.lock();
        try {
            Installed p = get(id);
            p.stoppedByAdmin = false;
            p.failure = null;
            startResolvable();
            return p.status();
        } finally {
            lock.unlock();
        }
    }

    /** Restarts a plugin with a fresh class loader, injector and configuration, with the plugins that require it. */
    public PluginStatus reload(String id) {
        lock.lock();
        try {
            Installed p = get(id);
            stopWithDependents(p);
            p.stoppedByAdmin = false;
            p.failure = null;
            p.error = null;
            startResolvable();
            return p.status();
        } finally {
            lock.unlock();
        }
    }

    /** Stops every plugin, dependents before the plugins they require. */
    public void stopAll() {
        lock.lock();
        try {
            List<Installed> running = new ArrayList<>(runningInStartOrder());
            for (int i = running.size() - 1; i >= 0; i--) {
                stopOne(running.get(i), PluginState.RESOLVED);
            }
        } finally {
            lock.unlock();
        }
    }

    private Installed get(String id) {
        Installed p = installed.get(id);
        if (p == null) {
            throw new NoSuchElementException("no plugin '" + id + "' is installed");
        }
        return p;
    }

    // ---- status ----

    /** Every installed plugin and every refused JAR, by id and then file name. */
    public List<PluginStatus> statuses() {
        List<PluginStatus> all = new ArrayList<>();
        installed.values().forEach(p -> all.add(p.status()));
        files.forEach((file, state) -> {
            if (state.refusal != null) {
                all.add(new PluginStatus(state.pluginId, state.version, PluginState.FAILED, List.of(), file, state.refusal, state.since));
            }
        });
        all.sort(Comparator.comparing((PluginStatus s) -> s.id() == null ? "~" : s.id()).thenComparing(PluginStatus::file));
        return all;
    }

    /** The status of one installed plugin. */
    public Optional<PluginStatus> status(String id) {
        return Optional.ofNullable(installed.get(id)).map(Installed::status);
    }

    /** The running plugins' configuration types by plugin id, for re-applying a changed file. */
    public Map<String, Class<?>> runningConfigTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Installed p : installed.values()) {
            Run run = p.run;
            if (run != null && run.config() != null) {
                types.put(p.id(), run.config().type());
            }
        }
        return types;
    }

    /** Gives a running plugin a new configuration value; its listeners are called. */
    public void updateConfig(String id, Object value) {
        Installed p = installed.get(id);
        Run run = p == null ? null : p.run;
        if (run != null && run.config() != null) {
            run.config().update(value);
            log.info("plugin {}: configuration re-applied", p);
        }
    }

    /** The SHA-256 of every JAR deployed from the plugins folder, by file name, as it was deployed. */
    public Map<String, String> deployedChecksums() {
        Map<String, String> checksums = new HashMap<>();
        files.forEach((file, state) -> {
            if (state.checksum != null) {
                checksums.put(file, state.checksum);
            }
        });
        return checksums;
    }

    /** The ids of installed plugins. */
    public List<String> installedIds() {
        return installed.keySet().stream().sorted().toList();
    }

    // ---- resolution and starting ----

    private Resolution resolve() {
        Map<String, String> unavailable = new HashMap<>();
        for (Installed p : installed.values()) {
            if (p.isRunning()) {
                continue;
            }
            if (p.stoppedByAdmin) {
                unavailable.put(p.id(), "stopped");
            } else if (p.failure == Installed.Failure.START) {
                unavailable.put(p.id(), "FAILED (" + p.error + ")");
            }
        }
        return resolver.resolve(installed.values().stream().map(p -> p.descriptor).toList(), unavailable);
    }

    /** Starts, in dependency order, every installed plugin that can run and is not running. */
    private void startResolvable() {
        Resolution resolution = resolve();
        resolution.refused().forEach((id, reason) -> {
            Installed p = installed.get(id);
            if (p != null && !p.isRunning()) {
                markFailed(p, Installed.Failure.RESOLUTION, reason);
            }
        });
        for (PluginDescriptor d : resolution.order()) {
            Installed p = installed.get(d.id());
            if (p == null || p.isRunning() || p.stoppedByAdmin || p.failure == Installed.Failure.START) {
                continue;
            }
            Optional<Installed> notRunning = required(p).stream().filter(dep -> !dep.isRunning()).findFirst();
            if (notRunning.isPresent()) {
                Installed dep = notRunning.get();
                markFailed(p, Installed.Failure.RESOLUTION, "requires '" + dep.id() + "', which is " + dep.state);
                continue;
            }
            if (p.descriptor.requires().stream().anyMatch(r -> !installed.containsKey(r.pluginId()))) {
                continue;
            }
            startOne(p, required(p));
        }
    }

    private List<Installed> required(Installed p) {
        List<Installed> required = new ArrayList<>();
        for (String id : p.descriptor.requiredIds()) {
            Installed dep = installed.get(id);
            if (dep != null) {
                required.add(dep);
            }
        }
        return required;
    }

    private boolean startOne(Installed p, List<Installed> required) {
        transition(p, PluginState.RESOLVED, null);
        transition(p, PluginState.STARTING, null);
        long began = System.nanoTime();
        try {
            p.run = starter.start(p, required);
            p.failure = null;
            transition(p, PluginState.ACTIVE, null);
            log.info("plugin {} ACTIVE ({}) in {} ms", p, p.file, (System.nanoTime() - began) / 1_000_000);
            return true;
        } catch (PluginFailure e) {
            markFailed(p, Installed.Failure.START, e.getMessage());
            if (e.getCause() != null) {
                log.debug("plugin {}: start failure detail", p, e.getCause());
            }
            return false;
        }
    }

    /** Stops {@code p} after the running plugins that require it, directly or not, newest dependents first. */
    private void stopWithDependents(Installed p) {
        List<Installed> order = runningInStartOrder();
        List<Installed> affected = new ArrayList<>();
        affected.add(p);
        for (Installed candidate : order) {
            if (candidate != p && candidate.descriptor.requiredIds().stream().anyMatch(id -> affected.stream().anyMatch(a -> a.id().equals(id)))) {
                affected.add(candidate);
            }
        }
        List<Installed> running = order.stream().filter(affected::contains).toList();
        for (int i = running.size() - 1; i >= 0; i--) {
            stopOne(running.get(i), PluginState.RESOLVED);
        }
    }

    /** Running plugins ordered so that each comes after the plugins it requires. */
    private List<Installed> runningInStartOrder() {
        List<PluginDescriptor> running = installed.values().stream().filter(Installed::isRunning).map(p -> p.descriptor).toList();
        List<Installed> ordered = new ArrayList<>();
        for (PluginDescriptor d : resolver.resolve(running, Map.of()).order()) {
            ordered.add(installed.get(d.id()));
        }
        // Whatever the resolver would refuse now (its requirement was replaced by an incompatible version
        // while it ran) still has to be stopped; it goes last, so it stops first.
        installed.values().stream().filter(p -> p.isRunning() && !ordered.contains(p)).sorted(Comparator.comparing(Installed::id))
                .forEach(ordered::add);
        return ordered;
    }

    private void stopOne(Installed p, PluginState after) {
        Run run = p.run;
        if (run == null) {
            return;
        }
        transition(p, PluginState.STOPPING, p.error);
        long began = System.nanoTime();
        String failure = starter.stop(p, run);
        p.run = null;
        transition(p, after, failure);
        log.info("plugin {} stopped in {} ms", p, (System.nanoTime() - began) / 1_000_000);
    }

    private void markFailed(Installed p, Installed.Failure kind, @Nullable String reason) {
        boolean changed = p.state != PluginState.FAILED || !Objects.equals(p.error, reason);
        p.failure = kind;
        transition(p, PluginState.FAILED, reason);
        if (changed) {
            log.warn("plugin {} FAILED: {}", p, reason);
        }
    }

    private void transition(Installed p, PluginState state, @Nullable String error) {
        if (p.state != state) {
            p.since = env.clock().instant();
        }
        p.state = state;
        p.error = error;
    }
}
