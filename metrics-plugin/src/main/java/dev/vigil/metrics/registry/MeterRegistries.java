package dev.vigil.metrics.registry;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.service.ServiceFactory;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each consumer of {@link MeterRegistry} a registry of its own over the shared platform registry, and
 * removes a consumer's meters from the platform registry when it goes. A meter that several consumers
 * registered (the same name and tags) stays until the last of them is gone. Thread-safe.
 */
public final class MeterRegistries implements ServiceFactory<MeterRegistry> {

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistries.class);

    private final MeterRegistry platform;
    private final TimeUnit baseTimeUnit;
    private final Clock clock;
    private final Map<Meter.Id, Integer> users = new HashMap<>();

    /**
     * Consumer registries over {@code platform}.
     *
     * @param baseTimeUnit the time unit of the platform registry (seconds for Prometheus)
     */
    public MeterRegistries(MeterRegistry platform, TimeUnit baseTimeUnit, Clock clock) {
        this.platform = requireNonNull(platform, "platform is null");
        this.baseTimeUnit = requireNonNull(baseTimeUnit, "baseTimeUnit is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public MeterRegistry create(String consumer) {
        ConsumerMeterRegistry registry = new ConsumerMeterRegistry(platform, baseTimeUnit, clock);
        registry.config().onMeterAdded(meter -> used(meter.getId()));
        registry.config().onMeterRemoved(meter -> unused(meter));
        return registry;
    }

    @Override
    public void release(String consumer, MeterRegistry service) {
        int count = service.getMeters().size();
        // clear() removes each meter from the consumer's registry, and onMeterRemoved from the platform's
        service.clear();
        service.close();
        if (count > 0) {
            LOG.debug("removed the {} meters of '{}'", count, consumer);
        }
    }

    private synchronized void used(Meter.Id id) {
        users.merge(id, 1, Integer::sum);
    }

    private synchronized void unused(Meter meter) {
        Integer left = users.computeIfPresent(meter.getId(), (id, n) -> n == 1 ? null : n - 1);
        if (left == null) {
            platform.remove(meter);
        }
    }
}
