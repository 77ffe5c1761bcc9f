package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.LogSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups error records into issues, as Sentry does; see the {@linkplain dev.vigil.logging.errors package
 * documentation} for how. A record is an error occurrence when it has an {@code exception.type} attribute; others
 * are passed over.
 *
 * <p>Listeners hear of a {@linkplain ErrorEvent.Kind#NEW_ISSUE new issue} and of a {@linkplain
 * ErrorEvent.Kind#REGRESSION regression}, not of every occurrence, on the thread that recorded it, after the
 * tracker's lock is released. The issues are kept in {@code issues.json} in the tracker's folder, written after a
 * change at most once per {@code saveInterval} (when a later change or {@link #saveIfDue()} finds it due) and on
 * {@link #close()}, and read back by {@link #open}. At most {@code maxIssues} are kept: a new issue past that forgets
 * the one seen longest ago.
 *
 * <p>Thread-safe. Recording never throws: a write that fails is logged and retried at the next change.
 */
public final class ErrorTracker implements LogSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTracker.class);

    private final ErrorTrackingSettings settings;
    private final Clock clock;
    private final Fingerprinter fingerprinter;
    private final IssueFile file;
    private final Object lock = new Object();
    private final Object saving = new Object();
    private final Map<String, IssueState> issues = new HashMap<>();
    private final List<Consumer<ErrorEvent>> listeners = new CopyOnWriteArrayList<>();
    private boolean dirty;
    private @Nullable Instant lastSave;
    private boolean closed;

    private ErrorTracker(Path folder, ErrorTrackingSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.fingerprinter = new Fingerprinter(new FrameRules(settings.inAppPackages(), settings.excludePackages()));
        this.file = new IssueFile(requireNonNull(folder, "folder is null"));
        for (IssueState issue : file.read()) {
            issues.put(issue.id, issue);
        }
        while (issues.size() > settings.maxIssues()) {
            evictOldest();
        }
    }

    /**
     * A tracker keeping its issues in {@code folder}, with the issues saved there before.
     *
     * @throws java.io.UncheckedIOException if the folder cannot be created
     */
    public static ErrorTracker open(Path folder, ErrorTrackingSettings settings, Clock clock) {
        return new ErrorTracker(folder, settings, clock);
    }

    /** The settings the tracker applies. */
    public ErrorTrackingSettings settings() {
        return settings;
    }

    /** Records each of {@code records} in order; see {@link #record}. Never throws. */
    @Override
    public void accept(List<LogRecord> records) {
        for (LogRecord record : records) {
            record(record);
        }
    }

    /**
     * Counts {@code record} in its issue, creating the issue if it is new.
     *
     * @return the issue after the occurrence, or empty when the record is no error occurrence, tracking is disabled or
     *     the tracker is closed
     */
    public Optional<ErrorIssue> record(LogRecord record) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<Fingerprint> fingerprint = fingerprinter.fingerprint(record);
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        @Nullable ErrorEvent event = null;
        ErrorIssue issue;
        synchronized (lock) {
            if (closed) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Instant time = occurredAt(record, now);
            IssueState state = issues.get(fingerprint.get().id());
            if (state == null) {
                if (issues.size() >= settings.maxIssues()) {
                    evictOldest();
                }
                state = new IssueState(fingerprint.get(), time, record);
                issues.put(state.id, state);
                state.occur(time, record, settings.maxUsersPerIssue());
                issue = state.snapshot();
                event = new ErrorEvent(ErrorEvent.Kind.NEW_ISSUE, issue);
            } else {
                boolean regression = state.occur(time, record, settings.maxUsersPerIssue());
                issue = state.snapshot();
                if (regression) {
                    event = new ErrorEvent(ErrorEvent.Kind.REGRESSION, issue);
                }
            }
            dirty = true;
        }
        if (event != null) {
            publish(event);
        }
        saveIfDue();
        return Optional.of(issue);
    }

    /** The record's own time, or now when it has none; never later than now, so a skewed clock cannot reorder issues. */
    private static Instant occurredAt(LogRecord record, Instant now) {
        if (record.timeNanos() == 0) {
            return now;
        }
        Instant time = record.time();
        return time.isAfter(now) ? now : time;
    }

    private void evictOldest() {
        issues.values().stream().min(Comparator.comparing((IssueState s) -> s.lastSeen).thenComparing(s -> s.id))
                .ifPresent(oldest -> issues.remove(oldest.id));
    }

    /** The issue {@code id}, if it is kept. */
    public Optional<ErrorIssue> issue(String id) {
        synchronized (lock) {
            IssueState state = issues.get(id);
            return state == null ? Optional.empty() : Optional.of(state.snapshot());
        }
    }

    /** How many issues are kept. */
    public int size() {
        synchronized (lock) {
            return issues.size();
        }
    }

    /** One page of the issues {@code query} selects, in its order. */
    public IssuePage list(IssueQuery query) {
        List<ErrorIssue> selected = new ArrayList<>();
        String text = query.text().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            for (IssueState state : issues.values()) {
                if (query.status().isPresent() && state.status != query.status().get()
                        || query.service().isPresent() && !state.services.contains(query.service().get())
                        || !text.isEmpty() && !matches(state, text)) {
                    continue;
                }
                selected.add(state.snapshot());
            }
        }
        selected.sort(order(query.sort()));
        long from = (long) (query.page() - 1) * query.limit();
        int start = (int) Math.min(from, selected.size());
        int end = (int) Math.min(from + query.limit(), selected.size());
        return new IssuePage(selected.subList(start, end), selected.size());
    }

    private static boolean matches(IssueState state, String lowerCaseText) {
        return state.title.toLowerCase(Locale.ROOT).contains(lowerCaseText) || state.type.toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || state.culprit.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    private static Comparator<ErrorIssue> order(IssueQuery.Sort sort) {
        Comparator<ErrorIssue> first = switch (sort) {
            case LAST_SEEN -> Comparator.comparing(ErrorIssue::lastSeen);
            case COUNT -> Comparator.comparingLong(ErrorIssue::count);
            case FIRST_SEEN -> Comparator.comparing(ErrorIssue::firstSeen);
        };
        return first.reversed().thenComparing(ErrorIssue::id);
    }

    /**
     * Sets the status of issue {@code id}: resolving it makes its next occurrence a regression, ignoring it silences
     * its events, unresolving it reopens it.
     *
     * @return the issue afterwards, or empty when there is no such issue
     */
    public Optional<ErrorIssue> setStatus(String id, IssueStatus status) {
        requireNonNull(status, "status is null");
        ErrorIssue issue;
        synchronized (lock) {
            IssueState state = issues.get(id);
            if (state == null) {
                return Optional.empty();
            }
            if (state.status != status) {
                state.setStatus(status, clock.instant());
                dirty = true;
            }
            issue = state.snapshot();
        }
        saveIfDue();
        return Optional.of(issue);
    }

    /**
     * Adds a listener of new issues and regressions. It is called on the recording thread; one that throws is logged
     * and kept. Closing the registration removes it.
     */
    public Registration addListener(Consumer<ErrorEvent> listener) {
        requireNonNull(listener, "listener is null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(ErrorEvent event) {
        for (Consumer<ErrorEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // logged without the throwable: an exception attached to a log record would be an error occurrence itself
                LOG.warn("An error tracking listener failed on {} of issue {}: {}", event.kind(), event.issue().id(), e.toString());
            }
        }
    }

    /**
     * Writes the issues if they changed and the last write is at least {@code saveInterval} ago. The owner may call it
     * periodically so that a change is saved even when nothing follows it.
     *
     * @return whether it wrote
     */
    public boolean saveIfDue() {
        synchronized (lock) {
            if (!dirty || closed || lastSave != null && clock.instant().isBefore(lastSave.plus(settings.saveInterval()))) {
                return false;
            }
        }
        return save();
    }

    /** Writes the issues now if they changed since the last write; returns whether it wrote. */
    public boolean save() {
        synchronized (saving) {
            List<IssueState> snapshot;
            Instant now;
            synchronized (lock) {
                if (!dirty) {
                    return false;
                }
                now = clock.instant();
                snapshot = new ArrayList<>(issues.size());
                for (IssueState state : issues.values()) {
                    snapshot.add(copy(state));
                }
                snapshot.sort(Comparator.comparing((IssueState s) -> s.id));
                dirty = false;
                lastSave = now;
            }
            try {
                file.write(snapshot, now);
                return true;
            } catch (IOException e) {
                synchronized (lock) {
                    dirty = true;
                }
                LOG.warn("Cannot write the error issues to {}: {}", file.path(), e.toString());
                return false;
            }
        }
    }

    /** A copy to write outside the lock. */
    private static IssueState copy(IssueState s) {
        return new IssueState(s.id, s.type, s.title, s.culprit, s.firstSeen, s.lastSeen, s.count, s.userHashes(), s.usersAtLeast,
                s.services, s.sample, s.status, s.resolvedAt);
    }

    /** Writes the issues if they changed, and stops recording. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        save();
    }
}
