package dev.vigil.testkit.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.Health;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Uses everything the kernel offers (injection, configuration, a route, a health indicator, a scheduled
 * task, a service, a tracker) and starts a thread of its own, which it stops in {@code stop}: after
 * undeploy, nothing of it may stay reachable.
 */
public final class LeakProbePlugin implements Plugin {

    @Inject
    private Counter counter;

    @Inject
    private ConfigSection<ProbeConfig> config;

    private Thread worker;

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Counter.class).in(Scopes.SINGLETON);
            }
        };
    }

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(ProbeConfig.class);
    }

    @Override
    public void start(PluginContext context) {
        context.routes().get("/api/v1/probe", exchange -> exchange.text(200, config.get().word() + " " + counter.next()));
        context.health().register("probe", () -> Health.up());
        context.scheduler().scheduleAtFixedRate(counter::next, Duration.ofMillis(1), Duration.ofMillis(5));
        context.services().register(Supplier.class, new Probe());
        context.services().track(Runnable.class, new dev.vigil.api.service.ServiceListener<Runnable>() {
            @Override
            public void added(Runnable service) {
                counter.next();
            }

            @Override
            public void removed(Runnable service) {
                counter.next();
            }
        });
        worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "leak-probe-worker");
        worker.start();
    }

    @Override
    public void stop(PluginContext context) throws InterruptedException {
        worker.interrupt();
        worker.join();
    }

    /** A service whose class comes from this plugin's loader, so a test can find that loader. */
    public static final class Probe implements Supplier<String> {
        @Override
        public String get() {
            return "probe";
        }
    }

    /** Something to inject. */
    public static final class Counter {
        private long value;

        synchronized long next() {
            return ++value;
        }
    }

    /**
     * The probe's configuration section.
     *
     * @param word the word the route answers with
     */
    public record ProbeConfig(String word) {
        public ProbeConfig {
            if (word == null) {
                word = "probe";
            }
        }
    }
}
