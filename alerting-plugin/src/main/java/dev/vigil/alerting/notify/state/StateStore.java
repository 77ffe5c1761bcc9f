package dev.vigil.alerting.notify.state;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.dispatch.EscalationState;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.dispatch.LogEntry;
import dev.vigil.alerting.notify.dispatch.NotificationLog;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.state.StateDocuments.AckDocument;
import dev.vigil.alerting.notify.state.StateDocuments.AcksDocument;
import dev.vigil.alerting.notify.state.StateDocuments.AlertDocument;
import dev.vigil.alerting.notify.state.StateDocuments.AlertsDocument;
import dev.vigil.alerting.notify.state.StateDocuments.EscalationDocument;
import dev.vigil.alerting.notify.state.StateDocuments.LogDocument;
import dev.vigil.alerting.notify.state.StateDocuments.LogEntryDocument;
import dev.vigil.alerting.notify.state.StateDocuments.SilenceDocument;
import dev.vigil.alerting.notify.state.StateDocuments.SilencesDocument;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.alerting.notify.time.Schedule;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's durable state in a data directory, one file per part so that each is written only when it
 * changes: {@code alerts.json}, {@code notification-log.json} (with the escalation states), {@code silences.json}
 * and {@code acks.json}. Each write replaces its file atomically. Thread-safe.
 */
public final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Path directory;
    private final JsonFiles files = new JsonFiles();

    /**
     * A store in {@code directory}, created if needed.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public StateStore(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the notification state directory " + directory, e);
        }
    }

    /** The alerts as saved, and when they were saved. */
    public record SavedAlerts(Optional<Instant> savedAt, List<StoredAlert> alerts) {}

    /**
     * Saves the alerts as of {@code savedAt}.
     *
     * @throws UncheckedIOException if they could not be written
     */
    public void saveAlerts(Collection<StoredAlert> alerts, Instant savedAt) {
        List<AlertDocument> documents = new ArrayList<>(alerts.size());
        for (StoredAlert a : alerts) {
            documents.add(new AlertDocument(a.labels().asMap(), a.annotations(), a.startsAt().toString(),
                    a.endsAt().toString(), a.timeout(), a.generatorUrl(), a.updatedAt().toString()));
        }
        files.write(directory.resolve("alerts.json"), new AlertsDocument(savedAt.toString(), documents));
    }

    /** The alerts last saved; none when nothing was saved. */
    public SavedAlerts loadAlerts() {
        Optional<AlertsDocument> document = files.read(directory.resolve("alerts.json"), AlertsDocument.class);
        if (document.isEmpty()) {
            return new SavedAlerts(Optional.empty(), List.of());
        }
        List<StoredAlert> alerts = new ArrayList<>();
        for (AlertDocument d : list(document.get().alerts())) {
            try {
                Labels labels = Labels.of(d.labels());
                alerts.add(new StoredAlert(Fingerprints.of(labels), labels,
                        d.annotations() == null ? Map.of() : d.annotations(), Instant.parse(d.startsAt()),
                        Instant.parse(d.endsAt()), d.timeout(), d.generatorUrl() == null ? "" : d.generatorUrl(),
                        Instant.parse(d.updatedAt())));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a saved alert that cannot be read: {}", e.toString());
            }
        }
        return new SavedAlerts(Optional.of(Instant.parse(document.get().savedAt())), alerts);
    }

    /**
     * Saves the notification log and the escalation states.
     *
     * @throws UncheckedIOException if they could not be written
     */
    public void saveLog(NotificationLog log, EscalationStates escalations) {
        List<LogEntryDocument> entries = new ArrayList<>();
        log.entries().forEach((key, e) -> entries.add(new LogEntryDocument(key.groupKey(), key.receiver(),
                e.timestamp().toString(), hex(e.firing()), hex(e.resolved()))));
        List<EscalationDocument> states = new ArrayList<>();
        escalations.entries().forEach((key, s) -> states.add(new EscalationDocument(key,
                s.unackedSince().map(Instant::toString).orElse(null), s.tiersReached())));
        files.write(directory.resolve("notification-log.json"), new LogDocument(entries, states));
    }

    /** Loads the saved notification log and escalation states into {@code log} and {@code escalations}. */
    public void loadLog(NotificationLog log, EscalationStates escalations) {
        Optional<LogDocument> document = files.read(directory.resolve("notification-log.json"), LogDocument.class);
        if (document.isEmpty()) {
            return;
        }
        for (LogEntryDocument d : list(document.get().entries())) {
            try {
                log.restore(new NotificationLog.Key(d.groupKey(), d.receiver()),
                        new LogEntry(Instant.parse(d.timestamp()), fingerprints(d.firing()), fingerprints(d.resolved())));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a saved notification log entry that cannot be read: {}", e.toString());
            }
        }
        for (EscalationDocument d : list(document.get().escalations())) {
            try {
                escalations.put(d.groupKey(), new EscalationState(
                        Optional.ofNullable(d.unackedSince()).map(Instant::parse), d.tiersReached()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a saved escalation state that cannot be read: {}", e.toString());
            }
        }
    }

    /**
     * Saves the silences.
     *
     * @throws UncheckedIOException if they could not be written
     */
    public void saveSilences(List<Silence> silences) {
        List<SilenceDocument> documents = new ArrayList<>();
        for (Silence s : silences) {
            documents.add(new SilenceDocument(s.id(), s.matchers().texts(), s.startsAt().toString(),
                    s.endsAt().map(Instant::toString).orElse(null), s.createdBy(), s.comment(),
                    s.updatedAt().toString(), s.schedule().map(Schedule::specs).orElse(null)));
        }
        files.write(directory.resolve("silences.json"), new SilencesDocument(documents));
    }

    /** The silences last saved. */
    public List<Silence> loadSilences() {
        Optional<SilencesDocument> document = files.read(directory.resolve("silences.json"), SilencesDocument.class);
        List<Silence> silences = new ArrayList<>();
        for (SilenceDocument d : document.map(SilencesDocument::silences).orElse(List.of())) {
            try {
                List<LabelMatcher> matchers = new ArrayList<>();
                d.matchers().forEach(m -> matchers.addAll(Matchers.parse(m).list()));
                Optional<Schedule> schedule = Optional.empty();
                if (d.schedule() != null) {
                    ConfigProblems problems = new ConfigProblems();
                    schedule = Optional.ofNullable(Schedule.compile("", d.schedule(), "schedule", problems));
                    problems.throwIfAny("saved silence " + d.id());
                }
                silences.add(new Silence(d.id(), Matchers.of(matchers), Instant.parse(d.startsAt()),
                        Optional.ofNullable(d.endsAt()).map(Instant::parse), d.createdBy(), d.comment(),
                        Instant.parse(d.updatedAt()), schedule));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a saved silence that cannot be read: {}", e.toString());
            }
        }
        return silences;
    }

    /**
     * Saves the acknowledgements.
     *
     * @throws UncheckedIOException if they could not be written
     */
    public void saveAcks(List<Ack> acks) {
        List<AckDocument> documents = new ArrayList<>();
        for (Ack a : acks) {
            documents.add(new AckDocument(a.fingerprint(), a.alertStartsAt().toString(), a.by(), a.comment(),
                    a.createdAt().toString(), a.expiresAt().map(Instant::toString).orElse(null)));
        }
        files.write(directory.resolve("acks.json"), new AcksDocument(documents));
    }

    /** The acknowledgements last saved. */
    public List<Ack> loadAcks() {
        Optional<AcksDocument> document = files.read(directory.resolve("acks.json"), AcksDocument.class);
        List<Ack> acks = new ArrayList<>();
        for (AckDocument d : document.map(AcksDocument::acks).orElse(List.of())) {
            try {
                Fingerprints.parse(d.fingerprint());
                acks.add(new Ack(d.fingerprint(), Instant.parse(d.alertStartsAt()), d.by(), d.comment(),
                        Instant.parse(d.createdAt()), Optional.ofNullable(d.expiresAt()).map(Instant::parse)));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a saved acknowledgement that cannot be read: {}", e.toString());
            }
        }
        return acks;
    }

    private static <T> List<T> list(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> hex(Set<Long> fingerprints) {
        return fingerprints.stream().sorted().map(Fingerprints::hex).toList();
    }

    private static Set<Long> fingerprints(@Nullable List<String> hex) {
        return list(hex).stream().map(Fingerprints::parse).collect(Collectors.toSet());
    }
}
