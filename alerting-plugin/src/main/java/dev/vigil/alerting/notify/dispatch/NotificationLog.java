package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last notification of each group to each receiver, as Alertmanager's notification log keeps it: what makes
 * a flush send only what is new, and a restart not repeat what was sent. Entries are forgotten after a retention
 * period (after which an unchanged group is notified again). Not thread-safe: the pipeline guards it.
 */
public final class NotificationLog {

    /** Identifies an entry. */
    public record Key(String groupKey, String receiver) {
        /** Checks. */
        public Key {
            requireNonNull(groupKey, "groupKey is null");
            requireNonNull(receiver, "receiver is null");
        }
    }

    private final Map<Key, LogEntry> entries = new HashMap<>();
    private long version;

    /** The last notification of group {@code groupKey} to {@code receiver}. */
    public Optional<LogEntry> get(String groupKey, String receiver) {
        return Optional.ofNullable(entries.get(new Key(groupKey, receiver)));
    }

    /** Records a notification handed to the outbox at {@code now}. */
    public void record(String groupKey, String receiver, Set<Long> firing, Set<Long> resolved, Instant now) {
        entries.put(new Key(groupKey, receiver), new LogEntry(now, firing, resolved));
        version++;
    }

    /**
     * Forgets entries written more than {@code retention} before {@code now}.
     *
     * @return whether any was forgotten
     */
    public boolean collectGarbage(Instant now, Duration retention) {
        Instant limit = now.minus(retention);
        boolean removed = entries.values().removeIf(e -> e.timestamp().isBefore(limit));
        if (removed) {
            version++;
        }
        return removed;
    }

    /** A copy of every entry. */
    public Map<Key, LogEntry> entries() {
        return Map.copyOf(entries);
    }

    /** Puts back an entry as it was saved. */
    public void restore(Key key, LogEntry entry) {
        entries.put(key, entry);
    }

    /** A number that changes whenever the entries do, so that the pipeline knows when to save them. */
    public long version() {
        return version;
    }
}
