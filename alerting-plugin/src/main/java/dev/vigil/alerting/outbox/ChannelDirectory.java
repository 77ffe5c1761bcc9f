package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.alerting.NotificationChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which channel integrations each receiver has, and whether each one's channel type is available now. The
 * plugin keeps it current from the configuration (receivers and their integrations) and from the
 * {@code NotificationChannelFactory} services that come and go; the outbox reads it at every attempt and looks
 * again whenever it changes.
 *
 * <p>A receiver missing from the directory is not configured; an integration without a channel belongs to a
 * type no plugin provides at the moment. The directory does not own the channels: whoever replaces or removes
 * one closes it. Thread-safe; readers see whole snapshots.
 */
public final class ChannelDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDirectory.class);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, List<ChannelIntegration>> receivers = Map.of();

    /** Replaces every receiver, as after loading the configuration. */
    public void replaceAll(Map<String, List<ChannelIntegration>> receivers) {
        Map<String, List<ChannelIntegration>> copy = new LinkedHashMap<>();
        receivers.forEach((name, integrations) -> copy.put(name, checked(name, integrations)));
        synchronized (this) {
            this.receivers = Map.copyOf(copy);
        }
        changed();
    }

    /** Adds or replaces one receiver. */
    public void put(String receiver, List<ChannelIntegration> integrations) {
        List<ChannelIntegration> checked = checked(receiver, integrations);
        synchronized (this) {
            Map<String, List<ChannelIntegration>> next = new LinkedHashMap<>(receivers);
            next.put(receiver, checked);
            receivers = Map.copyOf(next);
        }
        changed();
    }

    /** Removes a receiver; its pending notifications wait for it for the outbox's grace period. */
    public void remove(String receiver) {
        requireNonNull(receiver, "receiver is null");
        synchronized (this) {
            Map<String, List<ChannelIntegration>> next = new LinkedHashMap<>(receivers);
            if (next.remove(receiver) == null) {
                return;
            }
            receivers = Map.copyOf(next);
        }
        changed();
    }

    /**
     * Marks every integration of {@code type} unavailable, as when the plugin providing the type stops.
     *
     * @return the channels taken out, for the caller to close
     */
    public List<NotificationChannel> removeChannelType(String type) {
        requireNonNull(type, "type is null");
        List<NotificationChannel> removed = new ArrayList<>();
        synchronized (this) {
            Map<String, List<ChannelIntegration>> next = new LinkedHashMap<>();
            receivers.forEach((name, integrations) -> next.put(name, integrations.stream().map(i -> {
                if (i.type().equals(type) && i.channel().isPresent()) {
                    removed.add(i.channel().get());
                    return i.withoutChannel();
                }
                return i;
            }).toList()));
            if (removed.isEmpty()) {
                return List.of();
            }
            receivers = Map.copyOf(next);
        }
        changed();
        return List.copyOf(removed);
    }

    /** The integrations of {@code receiver}, or empty if it is not configured. */
    public Optional<List<ChannelIntegration>> receiver(String receiver) {
        return Optional.ofNullable(receivers.get(receiver));
    }

    /** Every receiver and its integrations, as one snapshot. */
    public Map<String, List<ChannelIntegration>> receivers() {
        return receivers;
    }

    /**
     * Calls {@code listener} after every change, on the thread that made it. A listener should be quick and
     * must not throw; what it throws is logged.
     */
    public Registration onChange(Runnable listener) {
        requireNonNull(listener, "listener is null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A channel directory listener failed", e);
            }
        }
    }

    private static List<ChannelIntegration> checked(String receiver, List<ChannelIntegration> integrations) {
        requireNonNull(receiver, "receiver is null");
        List<ChannelIntegration> copy = List.copyOf(integrations);
        Set<String> names = new HashSet<>();
        for (ChannelIntegration integration : copy) {
            if (!names.add(integration.name())) {
                throw new IllegalArgumentException("receiver " + receiver + " has two integrations named " + integration.name());
            }
        }
        return copy;
    }
}
