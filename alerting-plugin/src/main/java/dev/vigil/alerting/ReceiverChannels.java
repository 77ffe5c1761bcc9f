package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.outbox.ChannelDirectory;
import dev.vigil.alerting.outbox.ChannelIntegration;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.service.ServiceListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the channels of the configured receivers with the {@link NotificationChannelFactory} services that plugins
 * register, and keeps the outbox's {@link ChannelDirectory} in step with both. A factory that arrives makes the
 * channels of its type; one that leaves takes them away (they are closed, and their notifications wait in the
 * outbox until the type is back). Built-in and third-party types are found the same way. When two plugins provide
 * the same type, the first registered is used and the other stands by.
 *
 * <p>Settings are bound to the factory's configuration type when the factory is there: a change of receivers whose
 * settings a present factory refuses is refused as a whole; settings refused by a factory that arrives later are
 * reported in {@link #status()} and their notifications wait. Thread-safe.
 */
public final class ReceiverChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverChannels.class);

    private final ChannelDirectory directory;
    private final ChannelContext context;
    private final Object lock = new Object();
    /** Factories by type, in registration order; the first of each list makes the channels. */
    private final Map<String, List<NotificationChannelFactory<?>>> factories = new HashMap<>();
    /** The channels of each receiver, in configuration order. */
    private Map<String, List<Slot>> slots = Map.of();
    private List<ReceiverSettings> receivers = List.of();
    private boolean closed;

    /**
     * @param directory the directory the outbox reads
     * @param context what channels get from the plugin
     */
    public ReceiverChannels(ChannelDirectory directory, ChannelContext context) {
        this.directory = requireNonNull(directory, "directory is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** The listener to track {@code NotificationChannelFactory} services with. */
    public ServiceListener<NotificationChannelFactory<?>> listener() {
        return new ServiceListener<>() {
            @Override
            public void added(NotificationChannelFactory<?> factory) {
                factoryAdded(factory);
            }

            @Override
            public void removed(NotificationChannelFactory<?> factory) {
                factoryRemoved(factory);
            }
        };
    }

    /**
     * Switches to {@code next}: channels whose type, settings and factory are unchanged are kept, the others made
     * anew, and those no longer configured closed.
     *
     * @throws IllegalArgumentException naming every channel whose factory refused its settings (such as
     *     {@code alerting.receivers[0].channels[1].url: must be an http or https URL}); nothing changes then
     */
    public void apply(List<ReceiverSettings> next) {
        List<NotificationChannel> retired = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the receivers' channels are closed");
            }
            Map<String, List<Slot>> built = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (int r = 0; r < next.size(); r++) {
                ReceiverSettings receiver = next.get(r);
                List<Slot> previous = slots.getOrDefault(receiver.name(), List.of());
                List<String> names = receiver.channelNames();
                List<Slot> made = new ArrayList<>();
                for (int c = 0; c < receiver.channels().size(); c++) {
                    String name = names.get(c);
                    Slot old = previous.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
                    Slot slot = build(receiver.name(), name, path(r, c), receiver.channels().get(c), old);
                    made.add(slot);
                    if (slot.state() == ChannelStatus.State.INVALID_SETTINGS) {
                        problems.add(slot.problem);
                    }
                }
                built.put(receiver.name(), List.copyOf(made));
            }
            Set<NotificationChannel> kept = channelsOf(built);
            if (!problems.isEmpty()) {
                for (NotificationChannel channel : channelsOf(built)) {
                    if (!channelsOf(slots).contains(channel)) {
                        retired.add(channel);
                    }
                }
                closeAll(retired);
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            for (NotificationChannel channel : channelsOf(slots)) {
                if (!kept.contains(channel)) {
                    retired.add(channel);
                }
            }
            slots = Map.copyOf(built);
            receivers = List.copyOf(next);
            publish();
        }
        closeAll(retired);
    }

    /** Every configured channel and how it stands, by receiver in configuration order. */
    public List<ChannelStatus> status() {
        synchronized (lock) {
            List<ChannelStatus> out = new ArrayList<>();
            for (ReceiverSettings receiver : receivers) {
                for (Slot slot : slots.getOrDefault(receiver.name(), List.of())) {
                    out.add(slot.status());
                }
            }
            return List.copyOf(out);
        }
    }

    /** How many configured channels are in each state; every state is present. */
    public Map<ChannelStatus.State, Long> stateCounts() {
        synchronized (lock) {
            Map<ChannelStatus.State, Long> counts = new EnumMap<>(ChannelStatus.State.class);
            for (ChannelStatus.State state : ChannelStatus.State.values()) {
                counts.put(state, 0L);
            }
            slots.values().forEach(list -> list.forEach(slot -> counts.merge(slot.state(), 1L, Long::sum)));
            return counts;
        }
    }

    /** The configured receivers' names, in configuration order. */
    public List<String> receiverNames() {
        synchronized (lock) {
            return receivers.stream().map(ReceiverSettings::name).toList();
        }
    }

    /** The channel types some plugin provides now, sorted. */
    public Set<String> availableTypes() {
        synchronized (lock) {
            Set<String> types = new TreeSet<>();
            factories.forEach((type, list) -> {
                if (!list.isEmpty()) {
                    types.add(type);
                }
            });
            return types;
        }
    }

    /** Closes every channel; the directory keeps its last state for the outbox, which is closed before this. */
    @Override
    public void close() {
        List<NotificationChannel> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(channelsOf(slots));
            slots = Map.of();
        }
        closeAll(all);
    }

    private void factoryAdded(NotificationChannelFactory<?> factory) {
        String type = factory.type();
        List<NotificationChannel> retired = new ArrayList<>();
        synchronized (lock) {
            List<NotificationChannelFactory<?>> list = factories.computeIfAbsent(type, t -> new ArrayList<>());
            list.add(factory);
            if (list.size() > 1) {
                LOG.warn("Two plugins provide channel type '{}': {} is used, {} stands by", type, list.get(0).getClass().getName(),
                        factory.getClass().getName());
                return;
            }
            LOG.info("Channel type '{}' is available ({})", type, factory.getClass().getName());
            if (!closed) {
                rebuild(type, retired);
            }
        }
        closeAll(retired);
    }

    private void factoryRemoved(NotificationChannelFactory<?> factory) {
        String type = factory.type();
        List<NotificationChannel> retired = new ArrayList<>();
        synchronized (lock) {
            List<NotificationChannelFactory<?>> list = factories.getOrDefault(type, new ArrayList<>());
            int index = indexOf(list, factory);
            if (index < 0) {
                return;
            }
            list.remove(index);
            if (list.isEmpty()) {
                factories.remove(type);
            }
            if (index == 0 && !closed) {
                LOG.info(list.isEmpty() ? "Channel type '{}' is gone; its notifications wait in the outbox until it is back"
                        : "Channel type '{}' passes to the factory that stood by", type);
                rebuild(type, retired);
            }
        }
        closeAll(retired);
    }

    /** Makes the channels of {@code type} anew with its current factory; the replaced ones go to {@code retired}. */
    private void rebuild(String type, List<NotificationChannel> retired) {
        Map<String, List<Slot>> next = new LinkedHashMap<>();
        for (int r = 0; r < receivers.size(); r++) {
            ReceiverSettings receiver = receivers.get(r);
            List<Slot> current = slots.getOrDefault(receiver.name(), List.of());
            List<Slot> made = new ArrayList<>(current.size());
            for (int c = 0; c < current.size(); c++) {
                Slot slot = current.get(c);
                if (!slot.settings.type().equals(type)) {
                    made.add(slot);
                    continue;
                }
                if (slot.channel != null) {
                    retired.add(slot.channel);
                }
                Slot rebuilt = build(receiver.name(), slot.name, path(r, c), slot.settings, null);
                if (rebuilt.state() == ChannelStatus.State.INVALID_SETTINGS) {
                    LOG.error("Channel {} of receiver '{}' cannot be made: {}", slot.name, receiver.name(), rebuilt.problem);
                }
                made.add(rebuilt);
            }
            next.put(receiver.name(), List.copyOf(made));
        }
        slots = Map.copyOf(next);
        publish();
    }

    private Slot build(String receiver, String name, String path, ChannelSettings settings, @Nullable Slot previous) {
        List<NotificationChannelFactory<?>> list = factories.getOrDefault(settings.type(), List.of());
        if (list.isEmpty()) {
            return new Slot(receiver, name, settings, null, null, null, "");
        }
        NotificationChannelFactory<?> factory = list.get(0);
        if (previous != null && previous.factory == factory && previous.settings.equals(settings)) {
            return previous;
        }
        try {
            return make(receiver, name, path, settings, factory);
        } catch (ChannelSettingsBinder.SettingsException e) {
            String at = e.path().isEmpty() ? path : path + "." + e.path();
            return new Slot(receiver, name, settings, factory, null, null, at + ": " + e.getMessage());
        }
    }

    private <C> Slot make(String receiver, String name, String path, ChannelSettings settings, NotificationChannelFactory<C> factory)
            throws ChannelSettingsBinder.SettingsException {
        C config = ChannelSettingsBinder.bind(settings.settings(), factory.configType());
        ClassLoader loader = factory.getClass().getClassLoader();
        try {
            ForeignChannel.withLoader(loader, () -> {
                factory.validate(config);
                return null;
            });
        } catch (IllegalArgumentException e) {
            return new Slot(receiver, name, settings, factory, null, config, path + ": " + e.getMessage());
        } catch (Exception e) {
            return new Slot(receiver, name, settings, factory, null, config, path + ": the channel type's checks failed: " + e);
        }
        try {
            NotificationChannel channel = ForeignChannel.withLoader(loader, () -> factory.create(receiver, config, context));
            return new Slot(receiver, name, settings, factory, ForeignChannel.wrap(requireNonNull(channel, "the factory made no channel")), config, "");
        } catch (Exception e) {
            return new Slot(receiver, name, settings, factory, null, config, path + ": the channel could not be made: " + e.getMessage());
        }
    }

    private void publish() {
        Map<String, List<ChannelIntegration>> integrations = new LinkedHashMap<>();
        slots.forEach((receiver, list) -> integrations.put(receiver, list.stream()
                .map(slot -> slot.channel != null
                        ? ChannelIntegration.available(slot.name, slot.settings.type(), slot.channel)
                        : ChannelIntegration.unavailable(slot.name, slot.settings.type()))
                .toList()));
        directory.replaceAll(integrations);
    }

    private static String path(int receiver, int channel) {
        return "alerting.receivers[" + receiver + "].channels[" + channel + "]";
    }

    private static int indexOf(List<NotificationChannelFactory<?>> list, NotificationChannelFactory<?> factory) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == factory) {
                return i;
            }
        }
        return -1;
    }

    private static Set<NotificationChannel> channelsOf(Map<String, List<Slot>> slots) {
        Set<NotificationChannel> channels = Collections.newSetFromMap(new IdentityHashMap<>());
        slots.values().forEach(list -> list.forEach(slot -> {
            if (slot.channel != null) {
                channels.add(slot.channel);
            }
        }));
        return channels;
    }

    private static void closeAll(List<NotificationChannel> channels) {
        for (NotificationChannel channel : channels) {
            try {
                channel.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing channel {} failed", channel, e);
            }
        }
    }

    /** One configured channel: made, waiting for its type, or refused. */
    private record Slot(String receiver, String name, ChannelSettings settings, @Nullable NotificationChannelFactory<?> factory,
            @Nullable NotificationChannel channel, @Nullable Object config, String problem) {

        ChannelStatus.State state() {
            if (channel != null) {
                return ChannelStatus.State.READY;
            }
            return factory == null ? ChannelStatus.State.WAITING_FOR_CHANNEL_TYPE : ChannelStatus.State.INVALID_SETTINGS;
        }

        ChannelStatus status() {
            ChannelStatus.State state = state();
            String detail = switch (state) {
                case READY -> "";
                case WAITING_FOR_CHANNEL_TYPE -> "waiting for a plugin that provides channel type " + settings.type();
                case INVALID_SETTINGS -> problem;
            };
            Optional<JsonNode> shown = config == null ? Optional.empty() : SettingsView.of(config);
            return new ChannelStatus(receiver, name, settings.type(), state, detail,
                    factory == null ? "" : factory.getClass().getName(), shown);
        }
    }
}
