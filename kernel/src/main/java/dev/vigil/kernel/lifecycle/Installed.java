package dev.vigil.kernel.lifecycle;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.descriptor.Requirement;
import dev.vigil.kernel.loader.JarCache.CachedJar;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One installed plugin: its descriptor, where its classes come from, and its current state and run. */
final class Installed {

    /** Why a plugin is FAILED; only resolution failures are retried when something else changes. */
    enum Failure { RESOLUTION, START }

    final PluginDescriptor descriptor;
    final String file;
    final @Nullable CachedJar jar;
    final @Nullable Supplier<Plugin> inProcess;
    final @Nullable ClassLoader inProcessLoader;

    volatile PluginState state = PluginState.INSTALLED;
    volatile @Nullable String error;
    volatile Instant since;
    volatile @Nullable Failure failure;
    volatile boolean stoppedByAdmin;
    volatile @Nullable Run run;

    private Installed(PluginDescriptor descriptor, String file, @Nullable CachedJar jar, @Nullable Supplier<Plugin> inProcess,
            @Nullable ClassLoader inProcessLoader, Instant since) {
        this.descriptor = descriptor;
        this.file = file;
        this.jar = jar;
        this.inProcess = inProcess;
        this.inProcessLoader = inProcessLoader;
        this.since = since;
    }

    static Installed fromJar(PluginDescriptor descriptor, String file, CachedJar jar, Instant now) {
        return new Installed(descriptor, file, jar, null, null, now);
    }

    static Installed inProcess(PluginDescriptor descriptor, Supplier<Plugin> factory, ClassLoader loader, Instant now) {
        return new Installed(descriptor, "classpath:" + descriptor.id(), null, factory, loader, now);
    }

    String id() {
        return descriptor.id();
    }

    boolean isRunning() {
        return run != null;
    }

    PluginStatus status() {
        return new PluginStatus(id(), descriptor.version().toString(), state,
                descriptor.requires().stream().map(Requirement::toString).toList(), file, error, since);
    }

    @Override
    public String toString() {
        return id() + " " + descriptor.version();
    }
}
